use super::*;

fn rows(nodes: &[usize]) -> VisibleRows {
    let mut rows = VisibleRows::default();
    for node in nodes {
        rows.push(*node);
    }
    rows
}

#[test]
fn runs_answer_as_a_list_of_the_rows_would() {
    let shown = [0, 1, 2, 5, 9, 10, 11, 12, 20, 22, 23];
    let rows = rows(&shown);
    assert_eq!(rows.runs.len(), 5, "0-2, 5, 9-12, 20, 22-23");
    assert_eq!(rows.len(), shown.len());
    for (row, node) in shown.iter().enumerate() {
        assert_eq!(rows.get(row), Some(*node));
        assert_eq!(rows.row_of(*node), Some(row));
        let from: Vec<usize> = rows.iter_from(row).collect();
        assert_eq!(from, shown[row..]);
    }
    assert_eq!(rows.get(shown.len()), None);
    for hidden in [3, 4, 6, 13, 19, 21, 24, 1000] {
        assert_eq!(rows.row_of(hidden), None, "{hidden}");
    }
    assert_eq!(rows.iter_from(99).count(), 0);
    assert!(VisibleRows::default().iter().next().is_none());
    assert_eq!(VisibleRows::default().row_of(0), None);
}

#[test]
fn a_tree_shown_whole_is_one_run() {
    let rows = rows(&(0..1_000_000).collect::<Vec<_>>());
    assert_eq!(rows.runs.len(), 1);
    assert_eq!(rows.get(999_999), Some(999_999));
    assert_eq!(rows.row_of(123_456), Some(123_456));
}
