//! Amounts of an activity and their units (domain.md §2, §3).
//!
//! An [`Amount`] is a positive whole number of thousandths of its unit (2.5 km is 2500),
//! so steps and sums never drift as floating-point numbers would.

use crate::rules::{
    ACTIVITY_NAME_MAX_CHARS, GRAIN_KG_COARSE_MILLI, GRAIN_KG_FINE_MILLI, GRAIN_KM_COARSE_MILLI,
    GRAIN_KM_FINE_MILLI, GRAIN_STEPS_MILLI, GRAIN_WHOLE_MILLI, KG_COARSE_FROM_MILLI,
    KM_COARSE_FROM_MILLI,
};
use crate::time::Lang;
use std::fmt;

/// Thousandths per unit.
pub const MILLI: u32 = 1_000;

/// Largest amount, in thousandths: one million units (a million steps is already absurd).
pub const AMOUNT_MAX_MILLI: u32 = 1_000_000_000;

/// A positive amount in thousandths of its unit, at most [`AMOUNT_MAX_MILLI`].
///
/// Only the constructors build one, so an `Amount` is never zero. Ordering is by size.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount(u32);

/// Why a value is not a valid amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    /// Nothing was entered.
    Empty,
    /// The text is not a plain decimal number ("x", "1e3", "2,5,1", NaN).
    NotANumber,
    /// The number is below zero.
    Negative,
    /// The number is zero: an amount must be more than nothing.
    Zero,
    /// More than three decimals that are not zeros ("2,0001").
    TooManyDecimals,
    /// A fraction for a unit that is counted in whole numbers (repetitions, sets, steps).
    NotWhole,
    /// More than [`AMOUNT_MAX_MILLI`] thousandths (one million units).
    TooLarge,
}

impl AmountError {
    /// Translation key: "amount.empty", "amount.not_a_number", "amount.negative",
    /// "amount.zero", "amount.too_many_decimals", "amount.not_whole", "amount.too_large".
    pub fn key(self) -> &'static str {
        match self {
            AmountError::Empty => "amount.empty",
            AmountError::NotANumber => "amount.not_a_number",
            AmountError::Negative => "amount.negative",
            AmountError::Zero => "amount.zero",
            AmountError::TooManyDecimals => "amount.too_many_decimals",
            AmountError::NotWhole => "amount.not_whole",
            AmountError::TooLarge => "amount.too_large",
        }
    }
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl std::error::Error for AmountError {}

impl Amount {
    /// The amount of `milli` thousandths: [`AmountError::Zero`] for 0,
    /// [`AmountError::TooLarge`] above [`AMOUNT_MAX_MILLI`].
    pub fn from_milli(milli: u32) -> Result<Amount, AmountError> {
        match milli {
            0 => Err(AmountError::Zero),
            m if m > AMOUNT_MAX_MILLI => Err(AmountError::TooLarge),
            m => Ok(Amount(m)),
        }
    }

    /// The amount of `units` whole units (10 minutes: `from_units(10)`).
    pub fn from_units(units: u32) -> Result<Amount, AmountError> {
        units
            .checked_mul(MILLI)
            .ok_or(AmountError::TooLarge)
            .and_then(Amount::from_milli)
    }

    /// The amount for a number (e.g. from a number input), rounded to thousandths.
    /// NaN is [`AmountError::NotANumber`]; below zero [`AmountError::Negative`]; zero or
    /// less than half a thousandth [`AmountError::Zero`]; too large or infinite
    /// [`AmountError::TooLarge`].
    pub fn from_f64(units: f64) -> Result<Amount, AmountError> {
        if units.is_nan() {
            return Err(AmountError::NotANumber);
        }
        if units < 0.0 {
            return Err(AmountError::Negative);
        }
        let milli = (units * f64::from(MILLI)).round();
        if milli > f64::from(AMOUNT_MAX_MILLI) {
            return Err(AmountError::TooLarge);
        }
        // In 0..=AMOUNT_MAX_MILLI and whole: the cast is exact.
        Amount::from_milli(milli as u32)
    }

    /// Thousandths of the unit (always at least 1).
    pub fn milli(self) -> u32 {
        self.0
    }

    /// The amount in units, as a float (for charts; never for arithmetic).
    pub fn as_f64(self) -> f64 {
        f64::from(self.0) / f64::from(MILLI)
    }

    /// Whether the amount is a whole number of units.
    pub fn is_whole(self) -> bool {
        self.0.is_multiple_of(MILLI)
    }

    /// `self + other`, capped at [`AMOUNT_MAX_MILLI`].
    pub fn saturating_add(self, other: Amount) -> Amount {
        Amount(self.0.saturating_add(other.0).min(AMOUNT_MAX_MILLI))
    }

    /// `self - other`, or `None` when that is zero or less.
    pub fn checked_sub(self, other: Amount) -> Option<Amount> {
        self.0
            .checked_sub(other.0)
            .and_then(|m| Amount::from_milli(m).ok())
    }

    /// `fraction` of this amount in thousandths, rounded to the nearest thousandth (for
    /// steps and plan B; never stored).
    pub(crate) fn scaled_milli(self, fraction: f64) -> u64 {
        let x = (f64::from(self.0) * fraction).round();
        if x.is_finite() && x > 0.0 {
            // Bounded by AMOUNT_MAX_MILLI times a small factor: fits a u64.
            x as u64
        } else {
            0
        }
    }

    /// Parses what the patient typed, in any unit: surrounding whitespace ignored, an
    /// optional "+", digits, and optionally a decimal comma or point with up to three
    /// decimals (more are accepted only when they are zeros): "2,5", "2.5", "10", "0,125".
    ///
    /// Errors: "" -> `Empty`; "x", "1e3", ",5", "2,", "2,5,1", "NaN" -> `NotANumber`;
    /// "-2" -> `Negative`; "0", "0,000" -> `Zero`; "2,0001" -> `TooManyDecimals`;
    /// above one million -> `TooLarge`.
    pub fn parse(text: &str) -> Result<Amount, AmountError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(AmountError::Empty);
        }
        let (negative, unsigned) = match text.as_bytes().first() {
            Some(b'-') => (true, text.get(1..).unwrap_or("")),
            Some(b'+') => (false, text.get(1..).unwrap_or("")),
            _ => (false, text),
        };
        let (whole, fraction) = match unsigned.find(['.', ',']) {
            Some(i) => (
                unsigned.get(..i).unwrap_or(""),
                unsigned.get(i + 1..).unwrap_or(""),
            ),
            None => (unsigned, "0"),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(whole) || !digits(fraction) {
            return Err(AmountError::NotANumber);
        }
        let whole = whole.trim_start_matches('0');
        let (first3, rest) = fraction.split_at(fraction.len().min(3));
        let is_zero = whole.is_empty() && first3.bytes().all(|b| b == b'0');
        if negative && !is_zero {
            return Err(AmountError::Negative);
        }
        if rest.bytes().any(|b| b != b'0') {
            return Err(AmountError::TooManyDecimals);
        }
        // A million has 7 digits; anything longer is too large (and would overflow).
        if whole.len() > 7 {
            return Err(AmountError::TooLarge);
        }
        let whole: u64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| AmountError::NotANumber)?
        };
        let mut frac: u64 = first3.parse().map_err(|_| AmountError::NotANumber)?;
        for _ in first3.len()..3 {
            frac *= 10;
        }
        let milli = whole * u64::from(MILLI) + frac;
        if milli > u64::from(AMOUNT_MAX_MILLI) {
            return Err(AmountError::TooLarge);
        }
        // milli <= AMOUNT_MAX_MILLI fits a u32.
        Amount::from_milli(u32::try_from(milli).map_err(|_| AmountError::TooLarge)?)
    }

    /// Parses an amount in `unit` (see [`Amount::parse`]). For units counted in whole
    /// numbers ([`Unit::whole_only`]: repetitions, sets, steps) a fraction is
    /// [`AmountError::NotWhole`], and points between groups of three digits are the Danish
    /// thousands separator: "10.000" steps is ten thousand ("2,5" sets is refused; "2,000"
    /// is 2 in Danish). Other units read the point as a decimal point.
    pub fn parse_for(text: &str, unit: &Unit) -> Result<Amount, AmountError> {
        if !unit.whole_only() {
            return Amount::parse(text);
        }
        let trimmed = text.trim();
        let mut groups = trimmed.split('.');
        let grouped = trimmed.contains('.')
            && groups.next().is_some_and(|g| {
                let g = g.strip_prefix('+').unwrap_or(g);
                (1..=3).contains(&g.len()) && g.bytes().all(|b| b.is_ascii_digit())
            })
            && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
        let amount = if grouped {
            Amount::parse(&trimmed.replace('.', ""))?
        } else {
            Amount::parse(trimmed)?
        };
        if amount.is_whole() {
            Ok(amount)
        } else {
            Err(AmountError::NotWhole)
        }
    }

    /// The amount as the patient reads it: whole units without decimals ("10"), otherwise
    /// up to three decimals without trailing zeros, with a decimal comma in Danish
    /// ("2,5") and a point in English ("2.5"). No thousands separator.
    pub fn format(self, lang: Lang) -> String {
        let whole = self.0 / MILLI;
        let frac = self.0 % MILLI;
        if frac == 0 {
            return whole.to_string();
        }
        let sep = match lang {
            Lang::Da => ',',
            Lang::En => '.',
        };
        let decimals = format!("{frac:03}");
        format!("{whole}{sep}{}", decimals.trim_end_matches('0'))
    }
}

impl fmt::Display for Amount {
    /// The English form of [`Amount::format`] ("2.5").
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.format(Lang::En))
    }
}

/// The unit an activity is measured in (domain.md §2).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Minutes (minutter).
    Minutes,
    /// Repetitions (gentagelser).
    Repetitions,
    /// Sets (sæt).
    Sets,
    /// Kilometres.
    Km,
    /// Steps (skridt).
    Steps,
    /// Kilograms (a weight lifted or carried).
    Kg,
    /// The patient's own word (e.g. "trapper", "laps"), trimmed, non-empty.
    Custom(String),
}

/// Why a unit is not valid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitError {
    /// An own unit without a word.
    NameEmpty,
    /// An own unit longer than [`ACTIVITY_NAME_MAX_CHARS`] characters.
    NameTooLong,
}

impl UnitError {
    /// Translation key: "unit.name_empty", "unit.name_too_long".
    pub fn key(self) -> &'static str {
        match self {
            UnitError::NameEmpty => "unit.name_empty",
            UnitError::NameTooLong => "unit.name_too_long",
        }
    }
}

impl fmt::Display for UnitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl std::error::Error for UnitError {}

impl Unit {
    /// The built-in units, in the order the form offers them (then "own word").
    pub const BUILT_IN: [Unit; 6] = [
        Unit::Minutes,
        Unit::Repetitions,
        Unit::Sets,
        Unit::Km,
        Unit::Steps,
        Unit::Kg,
    ];

    /// Translation key suffix: "minutes", "repetitions", "sets", "km", "steps", "kg";
    /// "custom" for an own word (shown as typed).
    pub fn key(&self) -> &'static str {
        match self {
            Unit::Minutes => "minutes",
            Unit::Repetitions => "repetitions",
            Unit::Sets => "sets",
            Unit::Km => "km",
            Unit::Steps => "steps",
            Unit::Kg => "kg",
            Unit::Custom(_) => "custom",
        }
    }

    /// An own unit with the word trimmed, checked ([`UnitError`]). Built-in units are
    /// returned as they are.
    pub fn validated(&self) -> Result<Unit, UnitError> {
        match self {
            Unit::Custom(word) => {
                let word = word.trim();
                if word.is_empty() {
                    Err(UnitError::NameEmpty)
                } else if word.chars().count() > ACTIVITY_NAME_MAX_CHARS {
                    Err(UnitError::NameTooLong)
                } else {
                    Ok(Unit::Custom(word.to_string()))
                }
            }
            other => Ok(other.clone()),
        }
    }

    /// Whether the unit is counted in whole numbers: repetitions, sets and steps.
    /// Minutes, km, kg and own units accept decimals ("2,5").
    pub fn whole_only(&self) -> bool {
        matches!(self, Unit::Repetitions | Unit::Sets | Unit::Steps)
    }

    /// The rounding grain (and smallest step) of this unit for amounts around `at`
    /// (domain.md §3, "rounded to a sensible unit"): 1 for minutes, repetitions, sets and
    /// own units; 100 steps; km 0.1 below 5 km and 0.5 from 5 km; kg 0.5 below 25 kg and
    /// 2.5 from 25 kg (the constants in [`crate::rules`]).
    pub fn grain(&self, at: Amount) -> Amount {
        let milli = match self {
            Unit::Minutes | Unit::Repetitions | Unit::Sets | Unit::Custom(_) => GRAIN_WHOLE_MILLI,
            Unit::Steps => GRAIN_STEPS_MILLI,
            Unit::Km if at.0 < KM_COARSE_FROM_MILLI => GRAIN_KM_FINE_MILLI,
            Unit::Km => GRAIN_KM_COARSE_MILLI,
            Unit::Kg if at.0 < KG_COARSE_FROM_MILLI => GRAIN_KG_FINE_MILLI,
            Unit::Kg => GRAIN_KG_COARSE_MILLI,
        };
        Amount(milli)
    }

    /// `milli` thousandths rounded to the nearest multiple of the grain at `at`, halves
    /// down (when in doubt, the smaller step), and at least one grain.
    pub fn round_to_grain(&self, milli: u64, at: Amount) -> Amount {
        let grain = u64::from(self.grain(at).0);
        // Nearest multiple, halves down: (2m + g - 1) / 2g.
        let grains = (2 * milli + grain - 1) / (2 * grain);
        let rounded = grains.max(1).saturating_mul(grain);
        let rounded =
            u32::try_from(rounded.min(u64::from(AMOUNT_MAX_MILLI))).unwrap_or(AMOUNT_MAX_MILLI);
        Amount(rounded.max(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::a;

    #[test]
    fn amounts_are_stored_as_thousandths() {
        assert_eq!(Amount::from_units(10).unwrap().milli(), 10_000);
        assert_eq!(a(2.5).milli(), 2_500);
        assert_eq!(a(0.001).milli(), 1);
        assert_eq!(a(0.1).saturating_add(a(0.2)), a(0.3), "no float drift");
        assert_eq!(Amount::from_milli(0), Err(AmountError::Zero));
        assert_eq!(
            Amount::from_milli(AMOUNT_MAX_MILLI + 1),
            Err(AmountError::TooLarge)
        );
        assert_eq!(Amount::from_units(u32::MAX), Err(AmountError::TooLarge));
        assert_eq!(a(10.0).checked_sub(a(10.0)), None);
        assert_eq!(a(10.0).checked_sub(a(2.5)), Some(a(7.5)));
    }

    #[test]
    fn danish_decimal_comma_and_point_are_both_read() {
        let cases = [
            ("2,5", 2_500),
            ("2.5", 2_500),
            (" 10 ", 10_000),
            ("+3", 3_000),
            ("0,125", 125),
            ("1,0000", 1_000),
            ("007", 7_000),
            ("1000000", 1_000_000_000),
        ];
        for (text, milli) in cases {
            assert_eq!(
                Amount::parse(text).map(Amount::milli),
                Ok(milli),
                "{text:?}"
            );
        }
    }

    #[test]
    fn zero_negative_text_and_nan_are_refused_with_their_reason() {
        use AmountError::*;
        let cases = [
            ("", Empty),
            ("  ", Empty),
            ("x", NotANumber),
            ("NaN", NotANumber),
            ("inf", NotANumber),
            ("1e3", NotANumber),
            (",5", NotANumber),
            ("2,", NotANumber),
            ("2,5,1", NotANumber),
            ("2 km", NotANumber),
            ("--2", NotANumber),
            ("0", Zero),
            ("0,000", Zero),
            ("-0", Zero),
            ("0,0001", TooManyDecimals),
            ("-2", Negative),
            ("-0,5", Negative),
            ("2,0001", TooManyDecimals),
            ("1000000,001", TooLarge),
            ("99999999999999999999", TooLarge),
        ];
        for (text, err) in cases {
            assert_eq!(Amount::parse(text), Err(err), "{text:?}");
        }
        assert_eq!(Amount::from_f64(f64::NAN), Err(NotANumber));
        assert_eq!(Amount::from_f64(-1.0), Err(Negative));
        assert_eq!(Amount::from_f64(0.0), Err(Zero));
        assert_eq!(Amount::from_f64(0.0004), Err(Zero));
        assert_eq!(Amount::from_f64(f64::INFINITY), Err(TooLarge));
        for e in [
            Empty,
            NotANumber,
            Negative,
            Zero,
            TooManyDecimals,
            NotWhole,
            TooLarge,
        ] {
            assert!(e.key().starts_with("amount."));
            assert_eq!(e.to_string(), e.key());
        }
    }

    #[test]
    fn counted_units_take_whole_numbers_and_danish_thousands_points() {
        let cases: [(&str, Unit, Result<u32, AmountError>); 10] = [
            ("10.000", Unit::Steps, Ok(10_000_000)),
            ("1.234.567", Unit::Steps, Err(AmountError::TooLarge)),
            ("1.000", Unit::Steps, Ok(1_000_000)),
            ("2,000", Unit::Sets, Ok(2_000)),
            ("2,5", Unit::Sets, Err(AmountError::NotWhole)),
            ("1.5", Unit::Repetitions, Err(AmountError::NotWhole)),
            ("12", Unit::Repetitions, Ok(12_000)),
            ("1.000", Unit::Km, Ok(1_000)),
            ("2,5", Unit::Km, Ok(2_500)),
            ("2,5", Unit::Custom("baner".into()), Ok(2_500)),
        ];
        for (text, unit, expected) in cases {
            assert_eq!(
                Amount::parse_for(text, &unit).map(Amount::milli),
                expected,
                "{text:?} {unit:?}"
            );
        }
    }

    #[test]
    fn amounts_print_with_a_comma_in_danish_and_a_point_in_english() {
        let cases = [
            (10_000, "10", "10"),
            (2_500, "2,5", "2.5"),
            (125, "0,125", "0.125"),
            (1_050, "1,05", "1.05"),
        ];
        for (milli, da, en) in cases {
            let x = Amount::from_milli(milli).unwrap();
            assert_eq!(x.format(Lang::Da), da);
            assert_eq!(x.format(Lang::En), en);
            assert_eq!(Amount::parse(da), Ok(x), "round trip");
        }
    }

    #[test]
    fn each_unit_rounds_to_its_grain() {
        // (unit, around, grain in thousandths)
        let cases = [
            (Unit::Minutes, 10.0, 1_000),
            (Unit::Repetitions, 12.0, 1_000),
            (Unit::Sets, 3.0, 1_000),
            (Unit::Custom("trapper".into()), 4.0, 1_000),
            (Unit::Steps, 5000.0, 100_000),
            (Unit::Km, 1.0, 100),
            (Unit::Km, 4.9, 100),
            (Unit::Km, 5.0, 500),
            (Unit::Kg, 2.0, 500),
            (Unit::Kg, 24.5, 500),
            (Unit::Kg, 25.0, 2_500),
        ];
        for (unit, at, grain) in cases {
            assert_eq!(unit.grain(a(at)).milli(), grain, "{unit:?} at {at}");
        }
        // Halves round down, everything rounds to at least one grain.
        let m = Unit::Minutes;
        assert_eq!(m.round_to_grain(1_500, a(15.0)), a(1.0));
        assert_eq!(m.round_to_grain(1_501, a(15.0)), a(2.0));
        assert_eq!(m.round_to_grain(0, a(1.0)), a(1.0));
        assert_eq!(m.round_to_grain(499, a(5.0)), a(1.0));
        assert_eq!(Unit::Steps.round_to_grain(449_000, a(4490.0)), a(400.0));
        assert_eq!(Unit::Km.round_to_grain(250, a(2.5)), a(0.2));
    }

    #[test]
    fn own_units_need_a_word() {
        assert_eq!(
            Unit::Custom("  trapper ".into()).validated(),
            Ok(Unit::Custom("trapper".into()))
        );
        assert_eq!(
            Unit::Custom("  ".into()).validated(),
            Err(UnitError::NameEmpty)
        );
        assert_eq!(
            Unit::Custom("x".repeat(61)).validated(),
            Err(UnitError::NameTooLong)
        );
        assert_eq!(Unit::Km.validated(), Ok(Unit::Km));
        assert!(Unit::BUILT_IN.iter().all(|u| u.key() != "custom"));
    }
}
