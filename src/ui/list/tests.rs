use super::*;

#[test]
fn the_header_names_the_columns_and_marks_the_sorted_one() {
    let columns = Columns {
        name: 8,
        email: 10,
        role: 0,
        status: 8,
        finding: 0,
    };
    let sort = ListSort {
        column: SortColumn::Email,
        reversed: true,
    };
    let line = header_line(columns, Some(sort), &Theme::dark());
    assert_eq!(line.to_string(), "    NAME     EMAIL↓     STATUS");
}
