//! One CSV cell, written so a spreadsheet shows it as text: every CSV userscope writes holds
//! remote text (names, e-mails, values), and a cell that starts like a formula would run as one
//! when the file is opened (CSV injection).

/// The characters a spreadsheet reads as the start of a formula (OWASP's CSV injection list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A CSV cell: a leading `'` when the text starts like a formula (OWASP's advice; spreadsheets
/// hide the quote and show the text), then quoted when it holds a comma, a quote or a line break
/// (quotes doubled).
pub fn csv_cell(text: &str) -> String {
    let guarded = if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

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
}
