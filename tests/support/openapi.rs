//! A small, test-only `OpenAPI` 3.0 schema validator: enough of the Schema Object to check the
//! sandbox's bodies against the providers' published schemas, and strict where it checks at all.
//!
//! Supported: `$ref` (to `#/components/schemas/X`; siblings of a `$ref` are ignored, as `OpenAPI` 3.0
//! says), `type`, `nullable`, `properties`, `required`, `additionalProperties` (bool or schema),
//! `items`, `enum`, `allOf`/`oneOf`/`anyOf`, `format` (uuid, date-time, email, uri, int32, int64,
//! uint32, uint64, float, double; any other format is not checked), `minimum`/`maximum` and the 3.0
//! boolean `exclusiveMinimum`/`exclusiveMaximum`.
//!
//! Two readings worth knowing: `nullable: true` admits `null` even when the same schema also has an
//! `allOf` whose members do not (the way the Zoo spec writes optional references, and the 3.0.3
//! intent); and `integer` means a JSON number written without a fraction or exponent (`1.0` and
//! `1e3` are numbers, not integers).

use serde_json::Value;

const REF_PREFIX: &str = "#/components/schemas/";

/// A spec extract: `{"components": {"schemas": {...}}, "x-paths": {path: schema | null}}`.
pub struct Spec {
    doc: Value,
}

impl Spec {
    /// Parses an extract (see `tests/fixtures/specs/extract.py`).
    pub fn parse(text: &str) -> Spec {
        let doc: Value = serde_json::from_str(text).expect("the spec extract is JSON");
        assert!(
            doc["components"]["schemas"].is_object(),
            "the extract has no components.schemas"
        );
        Spec { doc }
    }

    /// A spec with only these named schemas, for unit tests.
    pub fn from_schemas(schemas: Value) -> Spec {
        let mut doc = serde_json::json!({ "components": {} });
        doc["components"]["schemas"] = schemas;
        Spec { doc }
    }

    /// The 200 response schema of `GET path`, or `None` when the spec has no such path any more.
    pub fn path_schema(&self, path: &str) -> Option<&Value> {
        self.doc["x-paths"]
            .get(path)
            .filter(|schema| !schema.is_null())
    }

    /// The named component schema (panics if the extract lacks it).
    pub fn schema(&self, name: &str) -> &Value {
        self.doc["components"]["schemas"]
            .get(name)
            .unwrap_or_else(|| panic!("no schema {name} in the extract"))
    }

    /// Every way `instance` breaks `schema`, one `"$.json.path: why"` line each; empty when valid.
    pub fn validate(&self, schema: &Value, instance: &Value) -> Vec<String> {
        let mut errors = Vec::new();
        self.check(schema, instance, "$", &mut errors);
        errors
    }

    fn check(&self, schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let name = reference
                .strip_prefix(REF_PREFIX)
                .unwrap_or_else(|| panic!("unsupported $ref {reference}"));
            self.check(self.schema(name), value, path, errors);
            return;
        }
        if value.is_null() && schema.get("nullable") == Some(&Value::Bool(true)) {
            return;
        }
        if let Some(kind) = schema.get("type").and_then(Value::as_str)
            && !has_type(value, kind)
        {
            errors.push(format!("{path}: expected {kind}, got {}", describe(value)));
            return;
        }
        if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
            && !allowed.contains(value)
        {
            errors.push(format!("{path}: {value} is not one of {allowed:?}"));
        }
        if let Some(format) = schema.get("format").and_then(Value::as_str)
            && let Some(why) = format_error(format, value)
        {
            errors.push(format!("{path}: {why}"));
        }
        check_range(schema, value, path, errors);
        self.check_combinators(schema, value, path, errors);
        if let Some(object) = value.as_object() {
            let properties = schema.get("properties").and_then(Value::as_object);
            if let Some(required) = schema.get("required").and_then(Value::as_array) {
                for name in required.iter().filter_map(Value::as_str) {
                    if !object.contains_key(name) {
                        errors.push(format!("{path}: required property {name:?} is missing"));
                    }
                }
            }
            for (key, item) in object {
                let child = format!("{path}.{key}");
                match (
                    properties.and_then(|props| props.get(key)),
                    schema.get("additionalProperties"),
                ) {
                    (Some(property), _) => self.check(property, item, &child, errors),
                    (None, Some(Value::Bool(false))) => {
                        errors.push(format!("{path}: property {key:?} is not allowed"));
                    }
                    (None, Some(extra)) if extra.is_object() => {
                        self.check(extra, item, &child, errors);
                    }
                    (None, _) => {}
                }
            }
        }
        if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
            for (index, item) in array.iter().enumerate() {
                self.check(items, item, &format!("{path}[{index}]"), errors);
            }
        }
    }

    fn check_combinators(
        &self,
        schema: &Value,
        value: &Value,
        path: &str,
        errors: &mut Vec<String>,
    ) {
        let members = |key: &str| schema.get(key).and_then(Value::as_array);
        if let Some(all) = members("allOf") {
            for member in all {
                self.check(member, value, path, errors);
            }
        }
        for (key, want_one) in [("oneOf", true), ("anyOf", false)] {
            let Some(options) = members(key) else {
                continue;
            };
            let results: Vec<Vec<String>> = options
                .iter()
                .map(|option| self.validate(option, value))
                .collect();
            let matched = results.iter().filter(|found| found.is_empty()).count();
            if matched == 0 {
                let why: Vec<&str> = results
                    .iter()
                    .flatten()
                    .map(|line| line.trim_start_matches("$: "))
                    .collect();
                errors.push(format!(
                    "{path}: matches none of the {} {key} schemas ({})",
                    options.len(),
                    why.join("; ")
                ));
            } else if want_one && matched > 1 {
                errors.push(format!(
                    "{path}: matches {matched} of the oneOf schemas, not exactly one"
                ));
            }
        }
    }
}

fn has_type(value: &Value, kind: &str) -> bool {
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

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(_) => "boolean".to_owned(),
        Value::Number(number) => format!("number {number}"),
        Value::String(text) => format!("string {:?}", text.chars().take(60).collect::<String>()),
        Value::Array(_) => "array".to_owned(),
        Value::Object(_) => "object".to_owned(),
    }
}

fn check_range(schema: &Value, value: &Value, path: &str, errors: &mut Vec<String>) {
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
fn format_error(format: &str, value: &Value) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::Spec;

    fn spec() -> Spec {
        Spec::from_schemas(json!({
            "Uuid": { "type": "string", "format": "uuid" },
            "Role": { "oneOf": [
                { "type": "string", "enum": ["admin"] },
                { "type": "string", "enum": ["member"] },
            ] },
            "User": {
                "type": "object",
                "required": ["id", "count"],
                "properties": {
                    "id": { "allOf": [{ "$ref": "#/components/schemas/Uuid" }] },
                    "count": { "type": "integer", "format": "int64", "minimum": 0 },
                    "small": { "type": "integer", "format": "uint32" },
                    "when": { "type": "string", "format": "date-time" },
                    "email": { "type": "string", "format": "email" },
                    "role": { "nullable": true, "allOf": [{ "$ref": "#/components/schemas/Role" }] },
                    "tags": { "type": "array", "items": { "type": "string" } },
                    "meta": { "type": "object", "additionalProperties": { "type": "string" } },
                    "closed": { "type": "object", "additionalProperties": false, "properties": { "a": { "type": "boolean" } } },
                    "name": { "type": "string" },
                },
            },
        }))
    }

    fn errors(instance: &serde_json::Value) -> Vec<String> {
        let spec = spec();
        spec.validate(spec.schema("User"), instance)
    }

    const ID: &str = "0b5c3a1e-9f2d-4c6b-8a7e-1d2c3b4a5f60";

    #[test]
    fn a_valid_body_has_no_errors() {
        let body = json!({
            "id": ID, "count": 3, "small": 4_294_967_295_u64, "when": "2026-01-02T03:04:05.123+05:30",
            "email": "a.b.7@mail.example.net", "role": null, "tags": ["x"], "meta": {"k": "v"},
            "closed": {"a": true}, "name": "Ann", "unknown_field": [1, 2],
        });
        assert_eq!(errors(&body), Vec::<String>::new());
        assert_eq!(
            errors(&json!({"id": ID, "count": 0, "role": "member"})),
            Vec::<String>::new()
        );
    }

    #[test]
    fn each_violation_is_caught_with_its_path() {
        let cases = [
            (
                json!({"count": 1}),
                "$: required property \"id\" is missing",
            ),
            (json!({"id": ID, "count": "1"}), "$.count: expected integer"),
            (json!({"id": ID, "count": 1.5}), "$.count: expected integer"),
            (
                json!({"id": ID, "count": -1}),
                "$.count: -1 is below the minimum",
            ),
            (
                json!({"id": ID, "count": 1, "small": 4_294_967_296_u64}),
                "$.small: 4294967296 does not fit uint32",
            ),
            (
                json!({"id": ID, "count": 1, "role": "owner"}),
                "$.role: matches none of the 2 oneOf",
            ),
            (
                json!({"id": "0b5c3a1e-9f2d-4c6b-8a7e-1d2c3b4a5f6", "count": 1}),
                "$.id: \"0b5c3a1e-9f2d-4c6b-8a7e-1d2c3b4a5f6\" is not a valid uuid",
            ),
            (
                json!({"id": "0b5c3a1e9f2d-4c6b-8a7e-1d2c-3b4a5f60", "count": 1}),
                "is not a valid uuid",
            ),
            (
                json!({"id": "zb5c3a1e-9f2d-4c6b-8a7e-1d2c3b4a5f60", "count": 1}),
                "is not a valid uuid",
            ),
            (
                json!({"id": ID, "count": 1, "when": "2026-01-02 03:04:05"}),
                "$.when: \"2026-01-02 03:04:05\" is not a valid date-time",
            ),
            (
                json!({"id": ID, "count": 1, "when": "2026-01-02T03:04:05"}),
                "is not a valid date-time",
            ),
            (
                json!({"id": ID, "count": 1, "email": "no-at-sign"}),
                "$.email: \"no-at-sign\" is not a valid email",
            ),
            (
                json!({"id": ID, "count": 1, "tags": ["x", 3]}),
                "$.tags[1]: expected string, got number 3",
            ),
            (
                json!({"id": ID, "count": 1, "meta": {"k": 1}}),
                "$.meta.k: expected string",
            ),
            (
                json!({"id": ID, "count": 1, "closed": {"b": 1}}),
                "$.closed: property \"b\" is not allowed",
            ),
            (
                json!({"id": ID, "count": 1, "name": null}),
                "$.name: expected string, got null",
            ),
            (
                json!({"id": null, "count": 1}),
                "$.id: expected string, got null",
            ),
        ];
        for (body, want) in cases {
            let found = errors(&body);
            assert!(
                found.iter().any(|line| line.contains(want)),
                "{body}: wanted {want:?}, got {found:?}"
            );
        }
    }

    #[test]
    fn one_of_must_match_exactly_one() {
        let spec = Spec::from_schemas(json!({
            "Twice": { "oneOf": [{ "type": "string" }, { "type": "string", "enum": ["a"] }] },
        }));
        let found = spec.validate(spec.schema("Twice"), &json!("a"));
        assert_eq!(
            found,
            vec!["$: matches 2 of the oneOf schemas, not exactly one".to_owned()]
        );
        assert!(spec.validate(spec.schema("Twice"), &json!("b")).is_empty());
    }

    #[test]
    fn big_and_scientific_numbers_are_not_integers() {
        let spec = Spec::from_schemas(json!({ "I": { "type": "integer" } }));
        for text in ["1.0e3", "123456789012345678901234567890", "1.0"] {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(spec.validate(spec.schema("I"), &value).len(), 1, "{text}");
        }
    }
}
