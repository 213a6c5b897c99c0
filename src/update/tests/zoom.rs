//! `z` zooms the focused pane: it toggles, it follows focus, Esc leaves it, and wherever text
//! is typed a `z` is a letter.

use super::*;

#[test]
fn z_zooms_the_focused_pane_and_z_again_restores_both() {
    let mut state = loaded();
    assert_eq!(state.zoomed_pane(), None, "no zoom by default");
    update(&mut state, key(KeyCode::Char('z')));
    assert_eq!(state.zoomed_pane(), Some(Focus::List));
    update(&mut state, key(KeyCode::Char('z')));
    assert!(!state.zoomed);
    assert_eq!(state.zoomed_pane(), None);
}

#[test]
fn focus_moves_while_zoomed_show_the_other_pane_zoomed() {
    let mut state = loaded();
    update(&mut state, key(KeyCode::Char('z')));
    update(&mut state, key(KeyCode::Tab));
    assert_eq!(state.focus, Focus::Detail);
    assert_eq!(state.zoomed_pane(), Some(Focus::Detail));
    update(&mut state, key(KeyCode::Char('h')));
    assert_eq!(state.zoomed_pane(), Some(Focus::List));
    // `l` on the list opens the user: the detail pane, still zoomed.
    update(&mut state, key(KeyCode::Char('l')));
    assert_eq!(state.zoomed_pane(), Some(Focus::Detail));
    update(&mut state, key(KeyCode::BackTab));
    assert_eq!(state.zoomed_pane(), Some(Focus::List));
}

#[test]
fn esc_cancels_without_leaving_the_zoom() {
    let mut state = loaded();
    answer_fetch(&mut state);
    update(&mut state, key(KeyCode::Tab));
    update(&mut state, key(KeyCode::Char('z')));
    update(&mut state, key(KeyCode::Esc));
    assert_eq!(state.focus, Focus::List, "Esc still goes back");
    assert!(state.zoomed, "but the zoom stays until z");
    assert_eq!(state.zoomed_pane(), Some(Focus::List));
}

#[test]
fn z_typed_into_the_filter_is_text_and_the_filter_zooms_with_its_list() {
    let mut state = loaded();
    update(&mut state, key(KeyCode::Char('z')));
    update(&mut state, key(KeyCode::Char('/')));
    type_text(&mut state, "liz");
    assert_eq!(state.list.filter.value(), "liz");
    assert!(state.zoomed, "typing z did not toggle");
    assert_eq!(state.zoomed_pane(), Some(Focus::List));
}

#[test]
fn z_typed_into_the_command_line_or_a_raw_search_is_text() {
    let mut state = loaded();
    update(&mut state, key(KeyCode::Char(':')));
    type_text(&mut state, "z");
    assert_eq!(
        state.command.as_ref().map(|line| line.input.value()),
        Some("z")
    );
    assert!(!state.zoomed);
    update(&mut state, key(KeyCode::Esc));
    state.focus = Focus::Detail;
    state.detail.tab = DetailTab::Raw;
    update(&mut state, key(KeyCode::Char('/')));
    type_text(&mut state, "zz");
    assert_eq!(state.detail.raw_search.input.value(), "zz");
    assert!(!state.zoomed);
}
