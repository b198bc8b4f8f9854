//! Small codecs for plan links: base64url without padding (RFC 4648 §5) and the FNV-1a
//! checksum. Written here to keep the core free of dependencies.

/// The base64url alphabet.
const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The alphabet character of the low six bits of `n`.
fn char_of(n: u32) -> char {
    char::from(ALPHABET.get((n & 63) as usize).copied().unwrap_or(b'A'))
}

/// `bytes` as base64url without padding ("Zm9v" for "foo").
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (b(0) << 16) | (b(1) << 8) | b(2);
        out.push(char_of(n >> 18));
        out.push(char_of(n >> 12));
        if chunk.len() > 1 {
            out.push(char_of(n >> 6));
        }
        if chunk.len() > 2 {
            out.push(char_of(n));
        }
    }
    out
}

/// The value of one base64url character.
fn value_of(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// The bytes of base64url text without padding, or `None` when it holds another
/// character, has an impossible length (one character left over) or unused bits that are
/// not zero (so every byte string has exactly one encoding).
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if bytes.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3 + 2);
    for chunk in bytes.chunks(4) {
        let mut n: u32 = 0;
        for (i, c) in chunk.iter().enumerate() {
            n |= value_of(*c)? << (18 - 6 * i);
        }
        let [_, b0, b1, b2] = n.to_be_bytes();
        match chunk.len() {
            2 if b1 == 0 && b2 == 0 => out.push(b0),
            3 if b2 == 0 => out.extend([b0, b1]),
            4 => out.extend([b0, b1, b2]),
            _ => return None,
        }
    }
    Some(out)
}

/// 32-bit FNV-1a of `bytes`: a fast checksum that catches damaged or edited text (not a
/// signature: anyone can compute it).
pub fn fnv1a32(bytes: &[u8]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for b in bytes {
        hash ^= u32::from(*b);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_the_rfc_4648_test_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64url_encode(plain.as_bytes()), encoded, "{plain}");
            assert_eq!(
                base64url_decode(encoded).as_deref(),
                Some(plain.as_bytes()),
                "{encoded}"
            );
        }
    }

    #[test]
    fn base64url_uses_the_url_safe_alphabet_and_round_trips_every_byte() {
        let all: Vec<u8> = (0..=255).collect();
        for len in 0..all.len() {
            let slice = all.get(..len).unwrap();
            let text = base64url_encode(slice);
            assert!(!text.contains(['+', '/', '=']));
            assert_eq!(base64url_decode(&text).as_deref(), Some(slice));
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn base64url_refuses_what_no_encoder_writes() {
        for bad in [
            "Z", "Zm9vY", "Zg==", "Zm+v", "Zm/v", "Zh", "Zm9", "Zm 9v", "Æøå",
        ] {
            assert_eq!(base64url_decode(bad), None, "{bad}");
        }
    }

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        assert_eq!(fnv1a32(b""), 0x811c_9dc5);
        assert_eq!(fnv1a32(b"a"), 0xe40c_292c);
        assert_eq!(fnv1a32(b"foobar"), 0xbf9c_f968);
    }
}
