use super::*;

#[test]
fn a_zoomed_pane_takes_the_body_and_keeps_its_height() {
    for screen in [Rect::new(0, 0, 80, 24), Rect::new(0, 0, 120, 40)] {
        let split = areas(screen, None);
        let body = split.list.union(split.detail);
        let list = areas(screen, Some(Zoomed::List));
        assert_eq!(list.list, body);
        assert!(list.detail.is_empty());
        let detail = areas(screen, Some(Zoomed::Detail));
        assert_eq!(detail.detail, body);
        assert!(detail.list.is_empty());
        // The page sizes `update` derives from the height hold zoomed or not.
        assert_eq!(list.list.height, split.list.height);
        assert_eq!(detail.detail.height, split.detail.height);
        assert_eq!((list.header, list.footer), (split.header, split.footer));
    }
}

#[test]
fn the_pages_are_the_rows_under_the_chrome() {
    // The header and footer (3 lines), the borders (2), then the list's filter and column
    // header, the detail pane's tabs and the tree's path line (2), less the row under the
    // page; the Audit tab has its header line only.
    for columns in [0, 1, 30, 80, 200] {
        for rows in 0..=120u16 {
            let pages = Pages::of((columns, rows));
            let less = |chrome: u16| usize::from(rows.saturating_sub(chrome)).max(1);
            assert_eq!(pages.list_rows, less(8), "list at {columns}x{rows}");
            assert_eq!(pages.detail_rows, less(8), "detail at {columns}x{rows}");
            assert_eq!(pages.audit_lines, less(7), "audit at {columns}x{rows}");
        }
    }
}

#[test]
fn the_list_rows_start_under_the_border_the_filter_and_the_column_header() {
    let pane = Rect::new(0, 1, 48, 37);
    let list = ListAreas::of(pane);
    assert_eq!(list.rows.y, pane.y + 3);
    assert_eq!(list.rows.bottom(), pane.bottom() - 1);
    assert_eq!(list.body.y, pane.y + 2);
    let tree = TreeAreas::of(DetailAreas::of(pane).body);
    assert_eq!(tree.rows.y, pane.y + 2);
    assert_eq!(tree.path.y, pane.bottom() - 2);
}
