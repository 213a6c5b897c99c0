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
mod tests;
