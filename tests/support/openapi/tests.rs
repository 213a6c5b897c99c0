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
