use super::{formula_guarded, table};
use proptest::prelude::*;

/// One cell as the table writes it: the first of a row of two (a lone empty cell would be a
/// row of its own, which CSV writes as `""`).
fn csv_cell(text: &str) -> String {
    let out = String::from_utf8(table(&["cell", "end"], [[text, "end"]])).unwrap();
    out["cell,end\n".len()..]
        .strip_suffix(",end\n")
        .unwrap()
        .to_owned()
}

#[test]
fn cells_that_start_like_a_formula_start_with_a_quote() {
    assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv_cell("@SUM(A1:A9)"), "'@SUM(A1:A9)");
    assert_eq!(csv_cell("+15550100"), "'+15550100");
    assert_eq!(csv_cell("-1+1"), "'-1+1");
    assert_eq!(csv_cell("\tcmd"), "'\tcmd");
    assert_eq!(csv_cell("\rcmd"), "\"'\rcmd\"");
}

#[test]
fn other_cells_are_only_quoted_when_they_must_be() {
    assert_eq!(csv_cell("ana@example.com"), "ana@example.com");
    assert_eq!(csv_cell("a=b"), "a=b");
    assert_eq!(csv_cell(""), "");
    assert_eq!(csv_cell("x,\"y\"\nz"), "\"x,\"\"y\"\"\nz\"");
}

/// The hand-written writer this module replaced: the `csv` crate must write the same bytes.
fn hand_written(header: &[&str], rows: &[Vec<String>]) -> Vec<u8> {
    let cell = |text: &str| {
        let guarded = formula_guarded(text);
        if guarded.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", guarded.replace('"', "\"\""))
        } else {
            guarded.into_owned()
        }
    };
    let mut out = header.join(",");
    out.push('\n');
    for row in rows {
        let line: Vec<String> = row.iter().map(|text| cell(text)).collect();
        out.push_str(&line.join(","));
        out.push('\n');
    }
    out.into_bytes()
}

proptest! {
    #[test]
    fn tables_are_byte_for_byte_what_the_hand_written_writer_wrote(
        rows in prop::collection::vec(
            prop::collection::vec("[a-z=+@\\-\t\r\n,\"' é漢]{0,6}", 3),
            0..5,
        )
    ) {
        let header = ["a", "b", "c"];
        prop_assert_eq!(table(&header, &rows), hand_written(&header, &rows));
    }
}
