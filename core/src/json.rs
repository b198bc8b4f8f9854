//! JSON for the stored documents: a value, a reader and a compact writer.
//!
//! Every document the app stores, imports or exports is JSON read into a [`Value`] and
//! checked by hand (the decoders of [`crate::store`], [`crate::doc`], [`crate::transfer`]).
//! A general-purpose JSON crate brings its own number formatting, a B-tree map per value
//! type and a deserializer framework the decoders never use; this module is the part the
//! documents need (issue 15: about 21 KB of wasm less than the crate it replaced).
//!
//! Behaviour, as the crate it replaced (property-tested against it):
//! - RFC 8259 grammar; whitespace is space, tab, line feed and carriage return; anything
//!   after the value is an error ("trailing characters").
//! - Object keys are kept sorted ([`Map`] is a sorted vector); a repeated key keeps the
//!   last value.
//! - Nesting deeper than [`MAX_DEPTH`] is an error, so hostile files cannot exhaust the
//!   stack.
//! - Strings: escapes including surrogate pairs; a lone surrogate, a control character or
//!   an unknown escape is an error. The writer escapes `"`, `\` and control characters only.
//! - Numbers: integers that fit `u64` or `i64` are integers; every other number (a fraction,
//!   an exponent, `-0`, an integer out of range) is kept as written, so it is written back
//!   unchanged without a float formatter in the wasm (so a number beyond a double's range,
//!   which serde_json refuses, is kept too). The documents themselves store whole numbers
//!   only (amounts in thousandths).
//! - Errors carry the line and the byte column (1-based) where reading stopped, and say
//!   whether the text ended too early ([`Error::is_eof`]).

use crate::sorted::VecMap;
use std::fmt;

/// A JSON object: keys in sorted order, each once.
pub type Map = VecMap<String, Value>;

/// The deepest nesting of arrays and objects the reader accepts.
pub const MAX_DEPTH: usize = 128;

/// A JSON value.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Value {
    /// `null`.
    #[default]
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(Map),
}

/// A JSON number: a whole number that fits 64 bits, or any other number kept as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Number(N);

#[derive(Clone, Debug, PartialEq)]
enum N {
    /// Zero or more.
    Pos(u64),
    /// Below zero.
    Neg(i64),
    /// Any other number, as written (valid JSON number grammar).
    Other(Box<str>),
}

impl Number {
    /// The number as a `u64`, if it is a whole number from 0 to `u64::MAX`.
    pub fn as_u64(&self) -> Option<u64> {
        match self.0 {
            N::Pos(n) => Some(n),
            _ => None,
        }
    }

    /// The number as an `i64`, if it is a whole number in `i64`'s range.
    pub fn as_i64(&self) -> Option<i64> {
        match self.0 {
            N::Pos(n) => i64::try_from(n).ok(),
            N::Neg(n) => Some(n),
            N::Other(_) => None,
        }
    }

    fn write(&self, out: &mut String) {
        match &self.0 {
            N::Pos(n) => write_u64(out, *n),
            N::Neg(n) => {
                out.push('-');
                write_u64(out, n.unsigned_abs());
            }
            N::Other(text) => out.push_str(text),
        }
    }
}

fn write_u64(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        // `at` counts down from 20 and a u64 has at most 20 digits.
        if let Some(d) = digits.get_mut(at) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || at == 0 {
            break;
        }
    }
    for d in digits.iter().skip(at) {
        out.push(char::from(*d));
    }
}

macro_rules! from_unsigned {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Value {
                Value::Number(Number(N::Pos(u64::from(n))))
            }
        }
    )*};
}
from_unsigned!(u8, u16, u32, u64);

macro_rules! from_signed {
    ($($t:ty),*) => {$(
        impl From<$t> for Value {
            fn from(n: $t) -> Value {
                let n = i64::from(n);
                Value::Number(Number(match u64::try_from(n) {
                    Ok(p) => N::Pos(p),
                    Err(_) => N::Neg(n),
                }))
            }
        }
    )*};
}
from_signed!(i8, i16, i32, i64);

impl From<usize> for Value {
    fn from(n: usize) -> Value {
        // usize is at most 64 bits on every target this crate builds for.
        Value::Number(Number(N::Pos(n as u64)))
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}

impl From<Vec<Value>> for Value {
    fn from(v: Vec<Value>) -> Value {
        Value::Array(v)
    }
}

impl From<Map> for Value {
    fn from(m: Map) -> Value {
        Value::Object(m)
    }
}

impl PartialEq<str> for Value {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == Some(other)
    }
}

impl PartialEq<&str> for Value {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

impl PartialEq<i64> for Value {
    fn eq(&self, other: &i64) -> bool {
        self.as_i64() == Some(*other)
    }
}

impl PartialEq<i32> for Value {
    fn eq(&self, other: &i32) -> bool {
        self.as_i64() == Some(i64::from(*other))
    }
}

impl PartialEq<u64> for Value {
    fn eq(&self, other: &u64) -> bool {
        self.as_u64() == Some(*other)
    }
}

impl PartialEq<bool> for Value {
    fn eq(&self, other: &bool) -> bool {
        self.as_bool() == Some(*other)
    }
}

static NULL: Value = Value::Null;

impl Value {
    /// The member `key` of an object; `None` for a missing key or a value of another type.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    /// The member `key` of an object, to change; `None` as for [`Value::get`].
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.as_object_mut()?.get_mut(key)
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The number as a `u64`, if it is a whole number from 0 to `u64::MAX`.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }

    /// The number as an `i64`, if it is a whole number in `i64`'s range.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The elements, to change, if this is an array.
    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The members, if this is an object.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// The members, to change, if this is an object.
    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// Whether this is an object.
    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }

    /// Whether this is an array.
    pub fn is_array(&self) -> bool {
        matches!(self, Value::Array(_))
    }

    /// Whether this is a string.
    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }

    /// Takes the value out, leaving `null`.
    pub fn take(&mut self) -> Value {
        std::mem::take(self)
    }

    /// Appends the compact JSON text of this value to `out`.
    pub fn write(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(true) => out.push_str("true"),
            Value::Bool(false) => out.push_str("false"),
            Value::Number(n) => n.write(out),
            Value::String(s) => write_str(out, s),
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Value::Object(members) => {
                out.push('{');
                for (i, (key, item)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_str(out, key);
                    out.push(':');
                    item.write(out);
                }
                out.push('}');
            }
        }
    }
}

/// Appends `s` as a JSON string (quoted; `"`, `\` and control characters escaped).
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape: &str = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(s.get(start..i).unwrap_or_default());
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(
                HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0'),
            ));
            out.push(char::from(
                HEX.get(usize::from(b & 15)).copied().unwrap_or(b'0'),
            ));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write(&mut out);
        f.write_str(&out)
    }
}

impl std::ops::Index<&str> for Value {
    type Output = Value;
    /// The member `key`, or `null` when missing or when this is not an object.
    fn index(&self, key: &str) -> &Value {
        self.get(key).unwrap_or(&NULL)
    }
}

impl std::ops::Index<usize> for Value {
    type Output = Value;
    /// The element at `i`, or `null` when missing or when this is not an array.
    fn index(&self, i: usize) -> &Value {
        self.as_array().and_then(|a| a.get(i)).unwrap_or(&NULL)
    }
}

#[cfg(test)]
impl std::ops::IndexMut<&str> for Value {
    /// The member `key`, inserted as `null` when missing; `null` becomes an empty object.
    /// Panics on any other type (tests only).
    fn index_mut(&mut self, key: &str) -> &mut Value {
        if self.is_null() {
            *self = Value::Object(Map::new());
        }
        match self {
            Value::Object(o) => o.get_or_insert_with(key.to_string(), || Value::Null),
            other => panic!("cannot index {other:?} with {key:?}"),
        }
    }
}

#[cfg(test)]
impl std::ops::IndexMut<usize> for Value {
    /// The element at `i`; panics when missing (tests only).
    fn index_mut(&mut self, i: usize) -> &mut Value {
        match self {
            Value::Array(a) => &mut a[i],
            other => panic!("cannot index {other:?} with {i}"),
        }
    }
}

/// Why a text is not JSON, and where reading stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    reason: &'static str,
    line: usize,
    column: usize,
    eof: bool,
}

impl Error {
    /// The 1-based line where reading stopped.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based byte column where reading stopped (0 at the start of an empty line).
    pub fn column(&self) -> usize {
        self.column
    }

    /// Whether the text ended before the value did (a truncated file).
    pub fn is_eof(&self) -> bool {
        self.eof
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.reason, self.line, self.column
        )
    }
}

impl std::error::Error for Error {}

/// Reads one JSON value from `text` (whitespace around it allowed, nothing else).
pub fn from_str(text: &str) -> Result<Value, Error> {
    let mut r = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = r.value(0)?;
    r.skip_ws();
    if r.at < r.bytes.len() {
        return Err(r.error_here("trailing characters"));
    }
    Ok(value)
}

/// Reads one JSON value from UTF-8 bytes; bytes that are not UTF-8 are an error.
pub fn from_slice(bytes: &[u8]) -> Result<Value, Error> {
    match std::str::from_utf8(bytes) {
        Ok(text) => from_str(text),
        Err(e) => {
            let at = e.valid_up_to();
            Err(error_at(bytes, at + 1, "invalid unicode code point", false))
        }
    }
}

fn error_at(bytes: &[u8], end: usize, reason: &'static str, eof: bool) -> Error {
    let end = end.min(bytes.len());
    let before = bytes.get(..end).unwrap_or_default();
    let start_of_line = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    Error {
        reason,
        line,
        column: end - start_of_line,
        eof,
    }
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// An error at the byte under the cursor (column counts it).
    fn error_here(&self, reason: &'static str) -> Error {
        error_at(self.bytes, self.at + 1, reason, false)
    }

    /// An error for a text that ended too early.
    fn error_eof(&self, reason: &'static str) -> Error {
        error_at(self.bytes, self.bytes.len(), reason, true)
    }

    fn value(&mut self, depth: usize) -> Result<Value, Error> {
        self.skip_ws();
        let Some(b) = self.peek() else {
            return Err(self.error_eof("EOF while parsing a value"));
        };
        match b {
            b'n' => self.word("null", Value::Null),
            b't' => self.word("true", Value::Bool(true)),
            b'f' => self.word("false", Value::Bool(false)),
            b'"' => {
                self.at += 1;
                Ok(Value::String(self.string()?))
            }
            b'-' | b'0'..=b'9' => self.number(),
            b'[' | b'{' => {
                if depth >= MAX_DEPTH {
                    return Err(self.error_here("recursion limit exceeded"));
                }
                self.at += 1;
                if b == b'[' {
                    self.array(depth + 1)
                } else {
                    self.object(depth + 1)
                }
            }
            _ => Err(self.error_here("expected value")),
        }
    }

    fn word(&mut self, word: &'static str, value: Value) -> Result<Value, Error> {
        for expected in word.bytes() {
            match self.peek() {
                None => return Err(self.error_eof("EOF while parsing a value")),
                Some(b) if b == expected => self.at += 1,
                Some(_) => return Err(self.error_here("expected ident")),
            }
        }
        Ok(value)
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Value, Error> {
        let start = self.at;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        let int_start = self.at;
        match self.peek() {
            Some(b'0') => {
                self.at += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error_here("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            None => return Err(self.error_eof("EOF while parsing a value")),
            Some(_) => return Err(self.error_here("invalid number")),
        }
        let int_end = self.at;
        let mut whole = true;
        if self.peek() == Some(b'.') {
            whole = false;
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.number_end_error());
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            whole = false;
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.number_end_error());
            }
        }
        let digits = self.text.get(int_start..int_end).unwrap_or_default();
        if whole {
            if let Ok(magnitude) = digits.parse::<u64>() {
                if !negative {
                    return Ok(Value::Number(Number(N::Pos(magnitude))));
                }
                if magnitude != 0 && magnitude <= i64::MIN.unsigned_abs() {
                    let n = 0i64.wrapping_sub_unsigned(magnitude);
                    return Ok(Value::Number(Number(N::Neg(n))));
                }
            }
        }
        let text = self.text.get(start..self.at).unwrap_or_default();
        Ok(Value::Number(Number(N::Other(text.into()))))
    }

    fn number_end_error(&self) -> Error {
        if self.at >= self.bytes.len() {
            self.error_eof("EOF while parsing a value")
        } else {
            self.error_here("invalid number")
        }
    }

    /// Reads a string's contents; the opening quote is already read.
    fn string(&mut self) -> Result<String, Error> {
        let mut out = String::new();
        let mut start = self.at;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error_eof("EOF while parsing a string"));
            };
            match b {
                b'"' => {
                    out.push_str(self.text.get(start..self.at).unwrap_or_default());
                    self.at += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(self.text.get(start..self.at).unwrap_or_default());
                    self.at += 1;
                    self.escape(&mut out)?;
                    start = self.at;
                }
                0..=0x1f => {
                    return Err(self.error_here(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ))
                }
                _ => self.at += 1,
            }
        }
    }

    /// Reads one escape after its backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), Error> {
        let Some(b) = self.peek() else {
            return Err(self.error_eof("EOF while parsing a string"));
        };
        self.at += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    if self.peek() != Some(b'\\') || self.bytes.get(self.at + 1) != Some(&b'u') {
                        return Err(self.lone_surrogate());
                    }
                    self.at += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.error_at_cursor("lone leading surrogate in hex escape"));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else if (0xDC00..0xE000).contains(&first) {
                    return Err(self.error_at_cursor("lone leading surrogate in hex escape"));
                } else {
                    first
                };
                match char::from_u32(code) {
                    Some(c) => c,
                    None => return Err(self.error_at_cursor("invalid unicode code point")),
                }
            }
            _ => return Err(self.error_at_cursor("invalid escape")),
        };
        out.push(c);
        Ok(())
    }

    fn lone_surrogate(&self) -> Error {
        if self.at >= self.bytes.len() {
            self.error_eof("EOF while parsing a string")
        } else {
            self.error_here("unexpected end of hex escape")
        }
    }

    /// An error at the last byte read.
    fn error_at_cursor(&self, reason: &'static str) -> Error {
        error_at(self.bytes, self.at, reason, false)
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let Some(four) = self.bytes.get(self.at..self.at + 4) else {
            return Err(self.error_eof("EOF while parsing a string"));
        };
        self.at += 4;
        let mut code = 0;
        for &b in four {
            let digit = match b {
                b'0'..=b'9' => b - b'0',
                b'a'..=b'f' => b - b'a' + 10,
                b'A'..=b'F' => b - b'A' + 10,
                _ => return Err(self.error_at_cursor("invalid escape")),
            };
            code = code * 16 + u32::from(digit);
        }
        Ok(code)
    }

    fn array(&mut self, depth: usize) -> Result<Value, Error> {
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.skip_ws();
                    if self.peek() == Some(b']') {
                        return Err(self.error_here("trailing comma"));
                    }
                }
                Some(b']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.error_eof("EOF while parsing a list")),
                Some(_) => return Err(self.error_here("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, Error> {
        let mut members = Map::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => self.at += 1,
                None => return Err(self.error_eof("EOF while parsing an object")),
                Some(_) => return Err(self.error_here("key must be a string")),
            }
            let key = self.string()?;
            self.skip_ws();
            match self.peek() {
                Some(b':') => self.at += 1,
                None => return Err(self.error_eof("EOF while parsing an object")),
                Some(_) => return Err(self.error_here("expected `:`")),
            }
            let value = self.value(depth)?;
            members.insert(key, value);
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.skip_ws();
                    if self.peek() == Some(b'}') {
                        return Err(self.error_here("trailing comma"));
                    }
                }
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Object(members));
                }
                None => return Err(self.error_eof("EOF while parsing an object")),
                Some(_) => return Err(self.error_here("expected `,` or `}`")),
            }
        }
    }
}

/// `json!` for this crate's tests: the JSON of serde_json's macro (so Rust values can be
/// interpolated), read back into a [`Value`].
#[cfg(test)]
macro_rules! json {
    ($($t:tt)+) => {
        $crate::json::from_str(&::serde_json::json!($($t)+).to_string())
            .expect("serde_json writes JSON this reader reads")
    };
}
#[cfg(test)]
pub(crate) use json;

#[cfg(test)]
impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v: serde_json::Value =
            serde_json::from_str(&self.to_string()).map_err(serde::ser::Error::custom)?;
        v.serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ok(text: &str) -> Value {
        from_str(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
    }

    #[test]
    fn reads_and_writes_every_kind_of_value() {
        let text = r#" { "b" : [ 1 , -2 , 3.50 , 1e3 , true , false , null ] , "a" : "x\"y\\z\n\u00e6\ud83d\ude00" } "#;
        let v = ok(text);
        assert_eq!(
            v.to_string(),
            "{\"a\":\"x\\\"y\\\\z\\næ😀\",\"b\":[1,-2,3.50,1e3,true,false,null]}"
        );
        assert_eq!(v["b"][0].as_u64(), Some(1));
        assert_eq!(v["b"][1].as_i64(), Some(-2));
        assert_eq!(v["b"][1].as_u64(), None);
        assert_eq!(v["b"][2].as_u64(), None);
        assert_eq!(v["b"][4].as_bool(), Some(true));
        assert!(v["b"][6].is_null());
        assert!(v["missing"].is_null());
        assert_eq!(v["a"].as_str(), Some("x\"y\\z\næ😀"));
    }

    #[test]
    fn whole_numbers_at_their_edges() {
        assert_eq!(ok("18446744073709551615").as_u64(), Some(u64::MAX));
        assert_eq!(ok("18446744073709551616").as_u64(), None);
        assert_eq!(
            ok("18446744073709551616").to_string(),
            "18446744073709551616"
        );
        assert_eq!(ok("-9223372036854775808").as_i64(), Some(i64::MIN));
        assert_eq!(ok("-9223372036854775809").as_i64(), None);
        assert_eq!(ok("9223372036854775807").as_i64(), Some(i64::MAX));
        assert_eq!(ok("9223372036854775808").as_i64(), None);
        assert_eq!(ok("-0").as_i64(), None);
        assert_eq!(ok("0").as_u64(), Some(0));
        assert_eq!(Value::from(-5i32).to_string(), "-5");
        assert_eq!(Value::from(i64::MIN).to_string(), "-9223372036854775808");
        assert_eq!(Value::from(u64::MAX).to_string(), "18446744073709551615");
        assert_eq!(Value::from(7u32), ok("7"));
    }

    #[test]
    fn repeated_keys_keep_the_last_value_and_keys_come_out_sorted() {
        assert_eq!(ok(r#"{"b":1,"a":2,"b":3}"#).to_string(), r#"{"a":2,"b":3}"#);
    }

    #[test]
    fn writer_escapes_only_what_json_needs() {
        let mut out = String::new();
        write_str(&mut out, "a/æ\u{1}\u{1f}\u{7f}\t\r\u{8}\u{c}");
        assert_eq!(out, "\"a/æ\\u0001\\u001f\u{7f}\\t\\r\\b\\f\"");
    }

    #[test]
    fn errors_say_where_and_whether_the_text_ended() {
        let e = from_str("{\"a\":1,\n  \"b\" 2}").unwrap_err();
        assert_eq!((e.line(), e.column(), e.is_eof()), (2, 7, false));
        assert_eq!(e.to_string(), "expected `:` at line 2 column 7");
        let e = from_str("[1, 2").unwrap_err();
        assert!(e.is_eof());
        assert_eq!((e.line(), e.column()), (1, 5));
        assert!(from_str("").unwrap_err().is_eof());
        assert!(from_str("\"abc").unwrap_err().is_eof());
        assert!(!from_str("[1,]").unwrap_err().is_eof());
        assert!(!from_str("1 2").unwrap_err().is_eof());
    }

    #[test]
    fn nesting_is_limited_and_never_exhausts_the_stack() {
        let deep = |n: usize| "[".repeat(n) + &"]".repeat(n);
        assert!(from_str(&deep(MAX_DEPTH)).is_ok());
        assert!(from_str(&deep(MAX_DEPTH + 1)).is_err());
        assert!(from_str(&"[".repeat(1_000_000)).is_err());
        let objects = "{\"a\":".repeat(MAX_DEPTH + 1) + "1" + &"}".repeat(MAX_DEPTH + 1);
        assert!(from_str(&objects).is_err());
    }

    #[test]
    fn rejects_what_json_does_not_allow() {
        for bad in [
            "01",
            "1.",
            ".5",
            "1e",
            "-",
            "+1",
            "--1",
            "nul",
            "tru",
            "[1,]",
            "{\"a\":1,}",
            "{a:1}",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"a\tb\"",
            "NaN",
            "Infinity",
            "[1 2]",
            "{\"a\" 1}",
            "'a'",
            "\u{feff}1",
            "1 x",
        ] {
            assert!(from_str(bad).is_err(), "{bad:?} was accepted");
        }
        assert!(from_slice(b"\"\xff\"").is_err());
        assert_eq!(from_slice(b"[1]").unwrap(), ok("[1]"));
    }

    /// Text generated with JSON's tokens, mostly valid and often not.
    fn jsonish() -> impl Strategy<Value = String> {
        let token = prop_oneof![
            Just("{".to_string()),
            Just("}".to_string()),
            Just("[".to_string()),
            Just("]".to_string()),
            Just(",".to_string()),
            Just(":".to_string()),
            Just(" ".to_string()),
            Just("\n".to_string()),
            Just("null".to_string()),
            Just("true".to_string()),
            Just("fals".to_string()),
            Just("\"\\ud83d\\ude00\"".to_string()),
            Just("\"\\ud83d\"".to_string()),
            "\"[a-zæ\\\\\"\\t/]{0,4}\"",
            "-?[0-9]{1,21}(\\.[0-9]{0,2})?([eE][+-]?[0-9]{0,2})?",
        ];
        prop::collection::vec(token, 0..24).prop_map(|t| t.concat())
    }

    /// Well-formed values of every kind.
    fn value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<u64>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<String>().prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 32, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
                prop::collection::vec(("[a-c]{0,2}", inner), 0..6)
                    .prop_map(|m| { serde_json::Value::Object(m.into_iter().collect()) }),
            ]
        })
    }

    proptest! {
        #[test]
        fn accepts_and_rejects_as_serde_json(text in jsonish()) {
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            // The one difference: a number beyond a double's range is kept as written.
            prop_assume!(!theirs.as_ref().is_err_and(|e| e.to_string().starts_with("number out of range")));
            let mine = from_str(&text);
            prop_assert_eq!(theirs.is_ok(), mine.is_ok(), "{:?}: {:?} / {:?}", text, theirs, mine);
            match (theirs, mine) {
                (Ok(t), Ok(m)) => {
                    // Whole numbers and everything else read alike; other numbers are kept
                    // as written, so compare their values.
                    let again: serde_json::Value = serde_json::from_str(&m.to_string()).unwrap();
                    prop_assert_eq!(t, again);
                }
                (Err(t), Err(m)) => {
                    prop_assert_eq!(t.is_eof(), m.is_eof(), "{:?}: {} / {}", text, t, m);
                    prop_assert_eq!(t.line(), m.line(), "{:?}: {} / {}", text, t, m);
                    prop_assert_eq!(t.column(), m.column(), "{:?}: {} / {}", text, t, m);
                }
                _ => {}
            }
        }

        #[test]
        fn writes_what_serde_json_writes(v in value()) {
            let text = v.to_string();
            let mine = from_str(&text).unwrap();
            prop_assert_eq!(mine.to_string(), text);
        }
    }
}
