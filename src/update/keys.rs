//! Keys: resolved to actions by the keymap, then applied to the focused pane.

use crossterm::event::{Event, KeyEvent, KeyEventKind};
use tui_input::backend::crossterm::EventHandler;

use super::{cancel_detail, list_focused, open_record, selection_changed};
use crate::action::Action;
use crate::effect::Effect;
use crate::state::{DetailTab, Focus, State};

pub(crate) fn on_key(state: &mut State, key: &KeyEvent) -> Vec<Effect> {
    if key.kind == KeyEventKind::Release {
        return Vec::new();
    }
    // Any key is a new act: a message about an earlier one would read as about this one.
    state.status.clear_messages();
    if state.command.is_some() {
        return super::command::on_key(state, key);
    }
    if state.detail.raw_search.typing {
        return raw_search_key(state, key);
    }
    if state.yank_pending {
        state.yank_pending = false;
        return match state.keymap.resolve(crate::state::KeyContext::Yank, key) {
            Some(action) => super::copy::copy(state, action),
            None => Vec::new(),
        };
    }
    if state.people.is_some()
        && !state.help_open
        && let Some(effects) = super::people::on_key(state, key)
    {
        return effects;
    }
    if state.help_open {
        // Any key closes help; q and Ctrl-C still quit.
        state.help_open = false;
        return match state.keymap.resolve(state.key_context(), key) {
            Some(Action::Quit) => quit(state),
            _ => Vec::new(),
        };
    }
    match state.keymap.resolve(state.key_context(), key) {
        Some(action) => apply(state, action),
        None if state.focus == Focus::Filter => {
            let before = state.list.filter.value().to_owned();
            state.list.filter.handle_event(&Event::Key(*key));
            if state.list.filter.value() == before {
                return Vec::new();
            }
            state.filter_history.stop_recalling();
            super::filter::refilter(state)
        }
        None => Vec::new(),
    }
}

fn quit(state: &mut State) -> Vec<Effect> {
    state.quit = true;
    vec![Effect::Quit]
}

fn apply(state: &mut State, action: Action) -> Vec<Effect> {
    let page = isize::try_from(state.list_page_rows()).unwrap_or(isize::MAX);
    match action {
        Action::Quit => quit(state),
        Action::CommandLine => super::command::open(state),
        Action::YankStart => {
            state.yank_pending = true;
            state.status.info = Some("copy: v value, k key, p path (Esc cancels)".to_owned());
            Vec::new()
        }
        Action::YankValue | Action::YankKey | Action::YankPath | Action::YankRecord => {
            super::copy::copy(state, action)
        }
        Action::CycleSort | Action::ReverseSort
            if state.key_context() == crate::state::KeyContext::Audit =>
        {
            super::audit::sort(state, action == Action::ReverseSort)
        }
        Action::CycleSort | Action::ReverseSort
            if state.key_context() == crate::state::KeyContext::List =>
        {
            super::list_sort::sort(state, action == Action::ReverseSort)
        }
        Action::CycleSort | Action::ReverseSort => {
            super::threads::sort(state, action == Action::ReverseSort)
        }
        Action::Complete | Action::CompletePrevious => Vec::new(),
        Action::HistoryPrevious | Action::HistoryNext => {
            super::history::recall_filter(state, action == Action::HistoryPrevious)
        }
        Action::ToggleHelp => {
            state.help_open = true;
            Vec::new()
        }
        // Focus moves below leave the zoom on: it follows focus, as lazygit's does.
        Action::ToggleZoom => {
            state.zoomed = !state.zoomed;
            Vec::new()
        }
        Action::FocusNext | Action::FocusPrev => {
            if state.focus == Focus::Filter {
                super::history::remember_filter(state);
            }
            state.focus = match state.focus {
                Focus::Filter | Focus::Detail => Focus::List,
                Focus::List => Focus::Detail,
            };
            Vec::new()
        }
        Action::StartFilter if state.key_context() == crate::state::KeyContext::Raw => {
            state.detail.raw_search.typing = true;
            state.detail.raw_search.input.reset();
            state.detail.raw_search.forget_matches();
            Vec::new()
        }
        Action::NextMatch | Action::PrevMatch => {
            state.detail.raw_search.step(action == Action::NextMatch);
            jump_to_match(state);
            Vec::new()
        }
        Action::StartFilter => {
            if state.focus != Focus::Filter {
                state.focus_before_filter = if state.focus == Focus::Detail {
                    Focus::List
                } else {
                    state.focus
                };
            }
            state.focus = Focus::Filter;
            Vec::new()
        }
        Action::Cancel => cancel(state),
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => movement(state, action, page),
        Action::Open => open(state),
        Action::NextTab | Action::PrevTab => {
            state.detail.step_tab(action == Action::NextTab);
            super::threads::request_titles(state)
        }
        Action::Export => super::export::start(state),
        Action::ToggleMark => super::marks::toggle(state),
        Action::MarkAllShown => super::marks::mark_all_shown(state),
        Action::ClearMarks => super::marks::clear(state),
        Action::PersonEverywhere => super::people::open_selected(state),
        // On the list (or when it failed) `r` syncs the directory again; on a record it
        // fetches the record again.
        Action::Refresh if list_focused(state) || state.list.error.is_some() => {
            super::directory::sync(state)
        }
        Action::Refresh => match state.list.selected().map(|user| user.id.to_owned()) {
            Some(id) => open_record(state, id),
            None => Vec::new(),
        },
        Action::TreeExpand
        | Action::TreeCollapse
        | Action::TreeToggle
        | Action::TreeParent
        | Action::TreeNextSibling
        | Action::TreePrevSibling
        | Action::TreeExpandSubtree
        | Action::TreeExpandAll
        | Action::TreeCollapseSubtree
        | Action::TreeCollapseAll
        | Action::TreeDepth(_) => {
            tree_action(state, action);
            Vec::new()
        }
    }
}

fn tree_action(state: &mut State, action: Action) {
    let (rows, jump) = (state.detail_rows(), state.detail_jump());
    let tree = &mut state.detail.tree;
    match action {
        Action::TreeExpand => tree.expand_or_enter(),
        Action::TreeCollapse => tree.collapse_or_leave(),
        Action::TreeToggle => match tree.current() {
            Some(node) if tree.is_container(node) && tree.expanded[node] && node != 0 => {
                tree.collapse_or_leave();
            }
            _ => tree.expand_or_enter(),
        },
        Action::TreeParent => tree.go_parent(),
        Action::TreeNextSibling => tree.go_sibling(true),
        Action::TreePrevSibling => tree.go_sibling(false),
        Action::TreeExpandSubtree => tree.set_expanded(false, true),
        Action::TreeExpandAll => tree.set_expanded(true, true),
        Action::TreeCollapseSubtree => tree.set_expanded(false, false),
        Action::TreeCollapseAll => tree.set_expanded(true, false),
        Action::TreeDepth(depth) => tree.collapse_to_depth(usize::from(depth)),
        _ => {}
    }
    tree.scroll_to_cursor(rows, jump);
}

fn cancel(state: &mut State) -> Vec<Effect> {
    if state.focus == Focus::Filter {
        super::history::remember_filter(state);
        state.focus = state.focus_before_filter;
        return Vec::new();
    }
    let mut effects = cancel_detail(&mut state.detail);
    if state.audit_scan.running {
        effects.push(Effect::CancelAudit);
    }
    if let Some(request) = state.list.searching.take() {
        effects.push(Effect::Cancel(request));
    }
    if !effects.is_empty() {
        state.status.info = Some("cancelled".to_owned());
    }
    // A sync stopped says so itself (how many users are held).
    let stopped_sync = super::directory::stop(state);
    effects.extend(stopped_sync);
    if !effects.is_empty() {
        return effects;
    }
    if !state.list.filter.value().is_empty() {
        state.list.filter.reset();
        effects.extend(super::filter::refilter(state));
    } else if state.status.error.is_some() {
        state.status.error = None;
    } else if state.focus == Focus::Detail {
        state.focus = Focus::List;
    } else if !state.list.marked.is_empty() {
        // Marks are the last thing Esc lets go of, and it says so: they are not kept unseen.
        return super::marks::clear(state);
    }
    effects
}

fn movement(state: &mut State, action: Action, page: isize) -> Vec<Effect> {
    if state.focus == Focus::Detail && state.detail.tab == DetailTab::Tree {
        let (rows, jump) = (state.detail_rows(), state.detail_jump());
        let tree = &mut state.detail.tree;
        match action {
            Action::Up => tree.move_by(-1),
            Action::Down => tree.move_by(1),
            Action::PageUp => tree.move_by(-page),
            Action::PageDown => tree.move_by(page),
            Action::Top => tree.move_to_end(false),
            _ => tree.move_to_end(true),
        }
        tree.scroll_to_cursor(rows, jump);
        return Vec::new();
    }
    if state.focus == Focus::Detail && state.detail.tab == DetailTab::Audit {
        return super::audit::movement(state, action);
    }
    if state.focus == Focus::Detail && state.detail.tab == DetailTab::Threads {
        return super::threads::movement(state, action, page);
    }
    if state.focus == Focus::Detail && state.detail.tab == DetailTab::Overview {
        // The Overview moves a cursor over its fields; the pane keeps it in view.
        let detail = &mut state.detail;
        let fields = detail.record.as_ref().map_or(0, |record| {
            record
                .sections
                .iter()
                .map(|section| section.fields.len())
                .sum()
        });
        let last = fields.saturating_sub(1);
        let step = usize::try_from(page).unwrap_or(1);
        detail.overview_field = match action {
            Action::Up => detail.overview_field.saturating_sub(1),
            Action::Down => detail.overview_field + 1,
            Action::PageUp => detail.overview_field.saturating_sub(step),
            Action::PageDown => detail.overview_field + step,
            Action::Top => 0,
            _ => last,
        }
        .min(last);
        return Vec::new();
    }
    if state.focus == Focus::Detail {
        let detail = &mut state.detail;
        let step = usize::try_from(page).unwrap_or(1);
        detail.scroll = match action {
            Action::Up => detail.scroll.saturating_sub(1),
            Action::Down => detail.scroll + 1,
            Action::PageUp => detail.scroll.saturating_sub(step),
            Action::PageDown => detail.scroll + step,
            Action::Top => 0,
            _ => usize::MAX / 2,
        };
        // The renderer clamps to the content; keep the stored value sane for the next move.
        detail.scroll = detail.scroll.min(1_000_000);
        return Vec::new();
    }
    let list = &mut state.list;
    match action {
        Action::Up => list.move_by(-1),
        Action::Down => list.move_by(1),
        Action::PageUp => list.move_by(-page),
        Action::PageDown => list.move_by(page),
        Action::Top => list.cursor = 0,
        _ => list.cursor = list.rows().len().saturating_sub(1),
    }
    selection_changed(state)
}

fn open(state: &mut State) -> Vec<Effect> {
    if state.key_context() == crate::state::KeyContext::Audit {
        return super::audit::open(state);
    }
    if state.key_context() == crate::state::KeyContext::Threads {
        let threads = &mut state.detail.threads;
        threads.open = if threads.open == Some(threads.cursor) {
            None
        } else {
            Some(threads.cursor)
        };
        return Vec::new();
    }
    if state.focus == Focus::Filter {
        // Enter on a query also asks the server, where the API can search.
        super::history::remember_filter(state);
        let query = state.list.filter.value().trim().to_owned();
        state.focus = Focus::List;
        if query.is_empty() {
            return Vec::new();
        }
        let mut effects: Vec<Effect> = state
            .list
            .searching
            .take()
            .map(Effect::Cancel)
            .into_iter()
            .collect();
        let request = state.next_request();
        state.list.searching = Some(request);
        effects.push(Effect::SearchServer { request, query });
        return effects;
    }
    if list_focused(state) {
        state.focus = Focus::Detail;
        let Some(id) = state.list.selected().map(|user| user.id.to_owned()) else {
            return Vec::new();
        };
        if state.detail.current_id() == Some(id.as_str()) {
            return super::viewed::opened(state, &id);
        }
        return open_record(state, id);
    }
    Vec::new()
}

/// A key while typing a raw-view search: the search runs as you type.
fn raw_search_key(state: &mut State, key: &KeyEvent) -> Vec<Effect> {
    match state
        .keymap
        .resolve(crate::state::KeyContext::RawSearch, key)
    {
        Some(Action::Open) => state.detail.raw_search.typing = false,
        Some(Action::Cancel) => {
            let search = &mut state.detail.raw_search;
            search.typing = false;
            search.input.reset();
            search.forget_matches();
        }
        Some(Action::Quit) => return quit(state),
        _ => {
            let lines = std::sync::Arc::clone(&state.detail.raw_lines);
            let search = &mut state.detail.raw_search;
            search.input.handle_event(&Event::Key(*key));
            search.find(&lines);
            jump_to_match(state);
        }
    }
    Vec::new()
}

/// Scrolls the raw view so the current match sits a third of the way down.
fn jump_to_match(state: &mut State) {
    if let Some(line) = state.detail.raw_search.current_line() {
        state.detail.scroll = line.saturating_sub(state.detail_rows() / 3);
    }
}
