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

mod values;

#[cfg(test)]
mod tests;

use serde_json::Value;
use values::{check_range, describe, format_error, has_type};

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
