//! Whether a number's text survives being read as a double: the check behind the
//! "number beyond 64 bits" note.

/// What the parsed value prints as, when that is not the number the server wrote.
pub(super) fn inexact(text: &str) -> Option<String> {
    let integer = !text.contains(['.', 'e', 'E']);
    // serde_json keeps integers that fit in i64 or u64 exactly.
    if integer && (text.parse::<i64>().is_ok() || text.parse::<u64>().is_ok()) {
        return None;
    }
    let value: f64 = text.parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    let literal = normalize(text)?;
    if literal.0.len() <= 15 && !integer {
        // Up to 15 significant digits always survive a double.
        return None;
    }
    let shown = serde_json::Number::from_f64(value)?.to_string();
    (normalize(&format!("{value:e}"))? != literal).then_some(shown)
}

/// A decimal's significant digits (no leading or trailing zeros), its sign and where the point
/// sits relative to them, so `1.0e3`, `1000` and `1e3` compare equal.
fn normalize(text: &str) -> Option<(String, bool, i64)> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], unsigned[at + 1..].parse::<i64>().ok()?),
        None => (unsigned, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: String = whole.chars().chain(fraction.chars()).collect();
    let leading = digits.len() - digits.trim_start_matches('0').len();
    let significant = digits.trim_start_matches('0').trim_end_matches('0');
    if significant.is_empty() {
        return Some((String::new(), false, 0));
    }
    let point = i64::try_from(whole.len()).ok()? + exponent - i64::try_from(leading).ok()?;
    Some((significant.to_owned(), negative, point))
}
