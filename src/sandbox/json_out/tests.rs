use super::*;

#[test]
fn members_are_written_as_serde_json_writes_them() {
    let texts = [
        "plain",
        "",
        "quo\"te",
        "back\\slash",
        "tab\tand\u{1}",
        "é 😀 /",
        "\u{7f}",
    ];
    for text in texts {
        let mut out = Vec::new();
        ObjectOut::new(&mut out)
            .u64("id", u64::MAX)
            .u64("zero", 0)
            .bool("yes", true)
            .bool("no", false)
            .str("text", text)
            .end();
        let expected = serde_json::json!({
            "id": u64::MAX, "zero": 0, "yes": true, "no": false, "text": text,
        });
        assert_eq!(out, serde_json::to_vec(&expected).unwrap(), "{text:?}");
    }
    let mut out = Vec::new();
    array(&mut out, &[1_u64, 2, 3], |n, out| {
        ObjectOut::new(out).u64("n", *n).end();
    });
    assert_eq!(out, br#"[{"n":1},{"n":2},{"n":3}]"#);
    let mut out = Vec::new();
    array(&mut out, &[] as &[u64], |_, _| {});
    assert_eq!(out, b"[]");
    ObjectOut::new(&mut out).end();
    assert_eq!(out, b"[]{}");
}
