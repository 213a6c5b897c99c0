use super::*;
use serde_json::json;

#[test]
fn lines_read_from_the_index_are_serde_json_pretty_lines() {
    let value = json!({"a": [1, {"b": null, "c\"": "é\n"}, [], {}], "d": {"e": [true]}, "f": 2.5});
    let bytes = Bytes::from(serde_json::to_vec(&value).unwrap());
    let index = Arc::new(JsonIndex::new(&bytes).unwrap());
    let lines = RawLines::of_index(bytes, index);
    let pretty = serde_json::to_string_pretty(&value).unwrap();
    let expected: Vec<&str> = pretty.lines().collect();
    let got: Vec<String> = lines.iter().map(Cow::into_owned).collect();
    assert_eq!(got, expected);
    assert_eq!(lines.line(99), "");
    let one_by_one: Vec<String> = (0..lines.len())
        .map(|line| lines.line(line).into_owned())
        .collect();
    assert_eq!(one_by_one, expected);
}

#[test]
fn lines_far_past_a_checkpoint_are_found() {
    let value = json!({"list": (0..500).map(|n| json!({"n": n, "deep": [[n], {}]})).collect::<Vec<_>>(), "end": []});
    let bytes = Bytes::from(serde_json::to_vec(&value).unwrap());
    let lines = RawLines::of_index(bytes.clone(), Arc::new(JsonIndex::new(&bytes).unwrap()));
    let pretty = serde_json::to_string_pretty(&value).unwrap();
    let expected: Vec<&str> = pretty.lines().collect();
    assert_eq!(lines.len(), expected.len());
    for line in [0, 1, 63, 64, 65, 127, 128, 1000, expected.len() - 1] {
        assert_eq!(lines.line(line), expected[line], "line {line}");
    }
    assert_eq!(lines.line(expected.len()), "");
}

#[test]
fn a_scalar_document_is_one_line() {
    let bytes = Bytes::from_static(b" 12345678901234567890 ");
    let lines = RawLines::of_index(bytes.clone(), Arc::new(JsonIndex::new(&bytes).unwrap()));
    assert_eq!(lines.iter().collect::<Vec<_>>(), ["12345678901234567890"]);
}
