//! The `?` help and the footer of every pane, drawn by the real render function on ratatui's
//! `TestBackend`: each says what the keys do in the pane that has focus, the list's help explains
//! every glyph the list draws, no help line is cut inside a word, and at 80 columns the footer
//! keeps help and quit.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use userscope::model::{StatusMarker, UserSummary};
use userscope::msg::Msg;
use userscope::state::{DetailTab, Focus, ProfileBadge, State};
use userscope::theme::Theme;
use userscope::ui::DrawnRows;
use userscope::update::update;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

/// A user of each status, one with a name the sanitiser marks, the first one marked.
fn users() -> Vec<UserSummary> {
    let statuses = [
        vec![StatusMarker::Owner],
        vec![StatusMarker::Blocked("admin".into())],
        vec![StatusMarker::Disabled],
        vec![StatusMarker::PendingInvitation],
        vec![StatusMarker::Robot],
        vec![StatusMarker::Inactive],
        vec![StatusMarker::NeverLoggedIn],
        vec![],
    ];
    statuses
        .into_iter()
        .enumerate()
        .map(|(index, status)| UserSummary {
            id: index.to_string(),
            name: if index == 7 {
                "\u{1b}]0;title\u{7}Ava Walker".to_owned()
            } else {
                format!("User {index}")
            },
            email: format!("user{index}@example.com"),
            role: None,
            status,
        })
        .collect()
}

fn loaded(size: (u16, u16)) -> State {
    let profile = ProfileBadge {
        name: "sandbox-zoo".into(),
        provider: "zoo".into(),
        is_sandbox: true,
    };
    let mut state = State::new(profile, size);
    let effects = userscope::update::init(&mut state);
    let Some(userscope::effect::Effect::OpenDirectory { request }) = effects.into_iter().next()
    else {
        panic!("no directory opened")
    };
    let stored = userscope::msg::StoredDirectory {
        users: users(),
        age_secs: Some(60),
        stale: false,
        total: Some(8),
        note: None,
        held: None,
    };
    update(
        &mut state,
        Msg::DirectoryOpened {
            request,
            stored: Ok(stored),
        },
    );
    state.list.marked.insert("0".to_owned());
    state
}

fn screen(state: &State) -> Vec<String> {
    let mut terminal =
        Terminal::new(TestBackend::new(state.size.0, state.size.1)).expect("a test terminal");
    terminal
        .draw(|frame| {
            userscope::ui::render(frame, state, &Theme::dark(), &mut DrawnRows::default());
        })
        .expect("draws");
    let buffer = terminal.backend().buffer();
    (0..state.size.1)
        .map(|y| (0..state.size.0).map(|x| buffer[(x, y)].symbol()).collect())
        .collect()
}

/// The help box's rows, inside its border (empty when no box is drawn).
fn help_box(screen: &[String]) -> Vec<String> {
    let Some((top, left)) = screen.iter().enumerate().find_map(|(y, line)| {
        line.find("┌ Keys")
            .map(|at| (y, line[..at].chars().count()))
    }) else {
        return Vec::new();
    };
    let width = screen[top]
        .chars()
        .skip(left)
        .take_while(|c| *c != '┐')
        .count()
        + 1;
    screen[top + 1..]
        .iter()
        .map(|line| line.chars().skip(left).take(width).collect::<String>())
        .take_while(|row| !row.starts_with('└'))
        .map(|row| row.chars().skip(1).take(width - 2).collect())
        .collect()
}

/// The pane focused for a context, with its help open.
fn with_help(size: (u16, u16), tab: Option<DetailTab>) -> State {
    let mut state = loaded(size);
    if let Some(tab) = tab {
        state.focus = Focus::Detail;
        state.detail.tab = tab;
    }
    state.help_open = true;
    state
}

const PANES: [(&str, Option<DetailTab>); 6] = [
    ("list", None),
    ("overview", Some(DetailTab::Overview)),
    ("tree", Some(DetailTab::Tree)),
    ("threads", Some(DetailTab::Threads)),
    ("audit", Some(DetailTab::Audit)),
    ("raw", Some(DetailTab::Raw)),
];

#[test]
fn the_list_help_explains_every_glyph_the_list_shows() {
    for size in SIZES {
        let mut state = loaded(size);
        let list = screen(&state);
        // The marks column: the two cells after the list's border, and the name's first cell.
        // The list's rows: below the header, above the footer and the status line.
        let glyphs: Vec<char> = list[3..list.len() - 3]
            .iter()
            .flat_map(|line| line.chars().skip(1).take(5).collect::<Vec<_>>())
            .filter(|c| !c.is_ascii() && !"│┌└─┐┘".contains(*c))
            .collect();
        for expected in ['●', '⊘', '✕', '✉', '★', '⚙', '–', '∅', '\u{FFFD}'] {
            assert!(
                glyphs.contains(&expected),
                "{size:?}: the list shows no {expected}"
            );
        }
        state.help_open = true;
        let help = help_box(&screen(&state)).join("\n");
        for glyph in glyphs {
            assert!(
                help.contains(glyph),
                "{size:?}: the help does not explain {glyph}\n{help}"
            );
        }
        assert!(help.contains("C H M L I"), "{help}");
    }
}

#[test]
fn help_says_what_the_keys_do_in_the_focused_pane() {
    let help_of = |tab| help_box(&screen(&with_help((120, 40), tab))).join("\n");
    assert!(help_of(Some(DetailTab::Raw)).contains("/  search the JSON"));
    assert!(help_of(None).contains("open"));
    for tab in [DetailTab::Threads, DetailTab::Audit, DetailTab::Tree] {
        let help = help_of(Some(tab));
        assert!(!help.contains("search server"), "{tab:?}: {help}");
    }
    assert!(help_of(Some(DetailTab::Audit)).contains("Enter  show the evidence / fold"));
    assert!(help_of(Some(DetailTab::Threads)).contains("Enter  show / hide the thread"));
}

#[test]
fn no_help_line_is_cut_inside_a_word() {
    for size in SIZES {
        for (pane, tab) in PANES {
            let help = help_box(&screen(&with_help(size, tab)));
            assert!(!help.is_empty(), "{pane} {size:?}: no help box");
            for row in &help {
                assert!(
                    row.ends_with(' '),
                    "{pane} {size:?}: a line reaches the border: {row:?}"
                );
            }
        }
    }
}

#[test]
fn at_80_columns_every_footer_keeps_help_and_quit() {
    for (pane, tab) in PANES {
        let mut state = with_help((80, 24), tab);
        state.help_open = false;
        let screen = screen(&state);
        let footer = &screen[22];
        assert!(footer.contains(" ? help "), "{pane}: {footer}");
        assert!(footer.contains(" q quit "), "{pane}: {footer}");
    }
}

#[test]
fn help_of_the_raw_view_and_the_tree() {
    for size in SIZES {
        for (pane, tab) in [("raw", DetailTab::Raw), ("tree", DetailTab::Tree)] {
            let help = help_box(&screen(&with_help(size, Some(tab)))).join("\n");
            insta::assert_snapshot!(format!("help_{pane}_{}x{}", size.0, size.1), help);
        }
    }
}
