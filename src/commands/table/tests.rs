use super::*;

#[test]
fn pads_by_display_width_and_strips_escapes() {
    let rows = vec![
        vec!["山田".to_owned(), "x".to_owned()],
        vec!["a\u{1b}[31mb".to_owned(), "y".to_owned()],
    ];
    let table = render(&["NAME", "E"], &rows);
    assert_eq!(table, "NAME  E\n山田  x\na\u{FFFD}b   y\n");
}

#[test]
fn shortens_long_cells() {
    let table = render(&["N"], &[vec!["x".repeat(500)]]);
    assert!(table.lines().nth(1).unwrap().ends_with('…'));
    assert!(table.lines().nth(1).unwrap().width() <= MAX_CELL_WIDTH);
}
