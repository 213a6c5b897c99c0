//! CSV as userscope writes it: the `csv` crate's RFC 4180 quoting (only where a cell needs it,
//! `\n` between rows), and every cell guarded so a spreadsheet shows it as text: every CSV
//! userscope writes holds remote text (names, e-mails, values), and a cell that starts like a
//! formula would run as one when the file is opened (CSV injection). The guard is ours: the
//! `csv` crate writes any text faithfully, which is what lets the injection through.

use std::borrow::Cow;

/// The characters a spreadsheet reads as the start of a formula (OWASP's CSV injection list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The text of a cell with a leading `'` when it starts like a formula (OWASP's advice;
/// spreadsheets hide the quote and show the text).
pub fn formula_guarded(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A CSV table: the `header` as it is, then each row with its cells [`formula_guarded`].
pub fn table<Row, Cell>(header: &[&str], rows: impl IntoIterator<Item = Row>) -> Vec<u8>
where
    Row: IntoIterator<Item = Cell>,
    Cell: AsRef<str>,
{
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    // Writing into a Vec cannot fail (no I/O, and `flexible` accepts any row length); a failure
    // all the same ends the table where it happened rather than panicking.
    let _ = write_rows(&mut writer, header, rows);
    writer.into_inner().unwrap_or_default()
}

fn write_rows<Row, Cell>(
    writer: &mut csv::Writer<Vec<u8>>,
    header: &[&str],
    rows: impl IntoIterator<Item = Row>,
) -> csv::Result<()>
where
    Row: IntoIterator<Item = Cell>,
    Cell: AsRef<str>,
{
    writer.write_record(header)?;
    for row in rows {
        for cell in row {
            writer.write_field(formula_guarded(cell.as_ref()).as_bytes())?;
        }
        writer.write_record(None::<&[u8]>)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
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
}
