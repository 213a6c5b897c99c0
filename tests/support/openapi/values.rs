//! Checks on one value: its JSON type, its range and its `format`.

use serde_json::Value;

pub(super) fn has_type(value: &Value, kind: &str) -> bool {
    match kind {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "number" => value.is_number(),
        "integer" => value.is_i64() || value.is_u64(),
        other => panic!("unsupported type {other}"),
    }
}

pub(super) fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(_) => "boolean".to_owned(),
        Value::Number(number) => format!("number {number}"),
        Value::String(text) => format!("string {:?}", text.chars().take(60).collect::<String>()),
        Value::Array(_) => "array".to_owned(),
        Value::Object(_) => "object".to_owned(),
    }
}

pub(super) fn check_range(schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
    let Some(number) = value.as_f64() else { return };
    let exclusive = |key: &str| schema.get(key) == Some(&Value::Bool(true));
    if let Some(minimum) = schema.get("minimum").and_then(Value::as_f64)
        && (number < minimum || (exclusive("exclusiveMinimum") && number <= minimum))
    {
        errors.push(format!("{path}: {value} is below the minimum {minimum}"));
    }
    if let Some(maximum) = schema.get("maximum").and_then(Value::as_f64)
        && (number > maximum || (exclusive("exclusiveMaximum") && number >= maximum))
    {
        errors.push(format!("{path}: {value} is above the maximum {maximum}"));
    }
}

/// Why `value` does not have `format`, if it does not. Formats apply to their own type only.
pub(super) fn format_error(format: &str, value: &Value) -> Option<String> {
    if let Some(text) = value.as_str() {
        let ok = match format {
            "uuid" => is_uuid(text),
            "date-time" => {
                // chrono also takes a space between date and time; RFC 3339's grammar wants T.
                chrono::DateTime::parse_from_rfc3339(text).is_ok()
                    && matches!(text.as_bytes().get(10), Some(b'T' | b't'))
            }
            "email" => is_email(text),
            "uri" => is_uri(text),
            _ => true,
        };
        return (!ok).then(|| format!("{text:?} is not a valid {format}"));
    }
    if value.is_number() {
        let fits = match format {
            "int32" => value.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
            "int64" => value.is_i64(),
            "uint32" => value.as_u64().is_some_and(|n| u32::try_from(n).is_ok()),
            "uint64" => value.is_u64(),
            _ => true,
        };
        return (!fits).then(|| format!("{value} does not fit {format}"));
    }
    None
}

/// `8-4-4-4-12` hexadecimal digits.
fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups.iter().zip([8, 4, 4, 4, 12]).all(|(group, len)| {
            group.len() == len && group.bytes().all(|byte| byte.is_ascii_hexdigit())
        })
}

/// One `@`, a non-empty local part, a dotted domain of letters, digits and hyphens, no spaces or controls.
fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_graphic() && !"()<>[]:;@\\,\"".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    local_ok
        && labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}

/// A scheme (`letter *(letter / digit / + - .)`), a colon, then no whitespace or controls.
fn is_uri(text: &str) -> bool {
    let Some((scheme, rest)) = text.split_once(':') else {
        return false;
    };
    scheme
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !rest.is_empty()
        && !rest.chars().any(|c| c.is_whitespace() || c.is_control())
}
