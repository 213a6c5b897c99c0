use super::*;

#[test]
fn a_line_step_moves_the_view_just_enough() {
    assert_eq!(offset_showing(0, 10, 10, 100, 1), 1);
    assert_eq!(offset_showing(5, 4, 10, 100, 1), 4);
    assert_eq!(offset_showing(5, 9, 10, 100, 1), 5);
    // A jump further than a step: as far as the cursor needs.
    assert_eq!(offset_showing(0, 50, 10, 100, 1), 41);
    assert_eq!(offset_showing(50, 3, 10, 100, 1), 3);
}

#[test]
fn a_page_step_turns_the_page_and_keeps_the_cursor_shown() {
    // Off the bottom: the last page's two last lines stay, the cursor below them.
    assert_eq!(offset_showing(0, 10, 10, 100, 8), 8);
    // Off the top: likewise, the other way.
    assert_eq!(offset_showing(20, 19, 10, 100, 8), 12);
    // Never past the last page, nor above the first.
    assert_eq!(offset_showing(88, 98, 10, 100, 8), 90);
    assert_eq!(offset_showing(3, 2, 10, 100, 8), 0);
    // A jump further than a page moves as far as the cursor needs.
    assert_eq!(offset_showing(0, 25, 10, 100, 8), 16);
    for jump in [1, 5, 8, 10, 50] {
        for cursor in 0..100 {
            for offset in 0..=90 {
                let shown = offset_showing(offset, cursor, 10, 100, jump);
                assert!((shown..shown + 10).contains(&cursor), "{offset} {cursor}");
                assert!(shown <= 90);
            }
        }
    }
}

#[test]
fn auto_steps_by_line_only_where_the_pane_spans_the_screen() {
    assert_eq!(ScrollStep::Auto.rows(56, true), 1);
    assert_eq!(ScrollStep::Auto.rows(56, false), 54);
    assert_eq!(ScrollStep::Line.rows(56, false), 1);
    assert_eq!(ScrollStep::Page.rows(56, true), 54);
    assert_eq!(ScrollStep::Page.rows(1, true), 1);
}
