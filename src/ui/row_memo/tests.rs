//! The row memo alone, and the panes that use it: at every step of a session (moves, marks,
//! folds, a renamed user, another theme, another size), a frame drawn with the memo warm from
//! the frames before is the frame drawn from nothing, with a memo that has seen no row.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Style};

use super::*;

use crate::model::{RawBody, UserRecord, UserSummary};
use crate::state::tree::{TreeState, no_labels};
use crate::state::{DetailTab, Focus, ProfileBadge, State};
use crate::theme::Theme;
use crate::ui::DrawnRows;

fn drawn(state: &State, drawn_rows: &mut DrawnRows) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(state.size.0, state.size.1)).unwrap();
    terminal
        .draw(|frame| crate::ui::render(frame, state, &state.theme, drawn_rows))
        .unwrap();
    terminal.backend().buffer().clone()
}

/// The frame drawn with an empty memo, which has seen no row.
fn drawn_cold(state: &State) -> Buffer {
    drawn(state, &mut DrawnRows::default())
}

fn session_state() -> State {
    let badge = ProfileBadge {
        name: "memo".to_owned(),
        provider: "zoo".to_owned(),
        is_sandbox: false,
    };
    let mut state = State::new(badge, (100, 20));
    state.list.merge(
        (0..60)
            .map(|index| UserSummary {
                id: format!("u{index}"),
                name: if index % 3 == 0 {
                    format!("Zoë Ó {index}")
                } else {
                    format!("User {index}")
                },
                email: format!("user{index}@example.org"),
                role: None,
                status: Vec::new(),
            })
            .collect(),
    );
    let json = serde_json::json!({"user": {"id": 1, "names": ["a", "b", {"c": [1, 2, 3]}]}, "more": (0..40).collect::<Vec<_>>()});
    let record = UserRecord {
        provider: crate::model::ProviderKind::Zoo,
        id: "u1".to_owned(),
        summary: UserSummary::with_id("u1"),
        bodies: vec![RawBody {
            label: "user".into(),
            path: "/u".into(),
            bytes: bytes::Bytes::from(json.to_string()),
        }],
        json,
        sections: Vec::new(),
        threads: Vec::new(),
        fetched_at: chrono::Utc::now(),
        deferred: false,
        big: None,
    };
    let request = state.next_request();
    state.detail.loading = Some((request, record.id.clone()));
    let result = Ok(std::sync::Arc::new(record));
    crate::update::update(
        &mut state,
        crate::msg::Msg::RecordLoaded { request, result },
    );
    state.detail.tab = DetailTab::Tree;
    state
}

/// A step of the session: its name and what it changes.
type Step = (&'static str, Box<dyn Fn(&mut State)>);

fn press(state: &mut State, keys: &str) {
    for c in keys.chars() {
        let code = crossterm::event::KeyCode::Char(c);
        let event = crossterm::event::KeyEvent::new(code, crossterm::event::KeyModifiers::NONE);
        crate::update::update(state, crate::msg::Msg::Key(event));
    }
}

#[test]
fn a_frame_drawn_from_remembered_rows_is_the_frame_drawn_from_nothing() {
    let mut state = session_state();
    let steps: Vec<Step> = vec![
        ("first", Box::new(|_| {})),
        ("list down", Box::new(|s| press(s, "j"))),
        ("list down again", Box::new(|s| press(s, "j"))),
        ("list scrolls", Box::new(|s| press(s, &"j".repeat(20)))),
        ("list up", Box::new(|s| press(s, "k"))),
        ("mark", Box::new(|s| press(s, " "))),
        (
            "renamed in place",
            Box::new(|s| {
                let at = s.list.rows()[s.list.cursor];
                let mut user = s.list.users.get(at).unwrap().to_summary();
                user.name = "Renamed".to_owned();
                s.list.users.set(at, &user);
            }),
        ),
        ("detail focused", Box::new(|s| s.focus = Focus::Detail)),
        ("tree down", Box::new(|s| press(s, "j"))),
        ("tree expanded", Box::new(|s| press(s, "E"))),
        ("tree down twice", Box::new(|s| press(s, "jj"))),
        ("tree to the end", Box::new(|s| press(s, "G"))),
        ("tree up", Box::new(|s| press(s, "k"))),
        ("tree folded", Box::new(|s| press(s, "h"))),
        (
            "another record",
            Box::new(|s| {
                let json = serde_json::json!({"other": [true, null]});
                let document = s.next_document();
                s.detail.tree = TreeState::from_value(&json, no_labels, 3).numbered(document);
            }),
        ),
        ("no colour", Box::new(|s| s.theme = Theme::no_color())),
        ("narrower", Box::new(|s| s.size = (70, 12))),
        ("list focused", Box::new(|s| s.focus = Focus::List)),
    ];
    // Warm from every frame before, as the loop keeps it.
    let mut warm = DrawnRows::default();
    for (step, change) in steps {
        change(&mut state);
        assert_eq!(drawn(&state, &mut warm), drawn_cold(&state), "after {step}");
    }
}

/// One frame of two rows showing `text`; counts the rows drawn rather than copied.
fn two_rows(
    memo: &mut RowMemo<(&'static str, u16)>,
    text: &'static str,
    draws: &mut usize,
) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, 6, 2));
    for slot in 0..2u16 {
        memo.draw_row(
            &mut buf,
            Rect::new(0, slot, 6, 1),
            usize::from(slot),
            |key| *key == (text, slot),
            |buf, row| {
                *draws += 1;
                buf.set_string(row.x, row.y, text, Style::default().fg(Color::Red));
                (text, slot)
            },
        );
    }
    buf
}

#[test]
fn a_row_is_drawn_again_only_when_its_key_changes() {
    let mut memo = RowMemo::new();
    let mut draws = 0;
    let first = two_rows(&mut memo, "abc", &mut draws);
    assert_eq!(draws, 2);
    let again = two_rows(&mut memo, "abc", &mut draws);
    assert_eq!(draws, 2, "nothing changed: both rows copied");
    assert_eq!(again, first);
    let other = two_rows(&mut memo, "xy", &mut draws);
    assert_eq!(draws, 4);
    let mut expected = Buffer::empty(Rect::new(0, 0, 6, 2));
    expected.set_string(0, 0, "xy", Style::default().fg(Color::Red));
    expected.set_string(0, 1, "xy", Style::default().fg(Color::Red));
    assert_eq!(other, expected);
}
