use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::effect::Effect;
use crate::model::UserSummary;
use crate::msg::Msg;
use crate::state::{Focus, ProfileBadge, RequestId, State};
use crate::ui::DrawnRows;
use crate::update::update;

fn key(c: char) -> Msg {
    Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// 12,000 users: more than a filter scores at once, so it runs in the background.
fn many_users() -> State {
    let profile = ProfileBadge {
        name: "sandbox-zoo".into(),
        provider: "zoo".into(),
        is_sandbox: true,
    };
    let mut state = State::new(profile, (120, 40));
    state.list.merge(
        (0..12_000)
            .map(|index| UserSummary {
                id: format!("u{index}"),
                name: format!("User {index}"),
                email: format!("user{index}@x.io"),
                role: None,
                status: Vec::new(),
            })
            .collect(),
    );
    state.focus = Focus::Filter;
    state
}

fn filter_job(effects: &[Effect]) -> Option<(RequestId, crate::state::filter::FilterJob)> {
    effects.iter().find_map(|effect| match effect {
        Effect::FilterUsers { request, job } => Some((*request, (**job).clone())),
        _ => None,
    })
}

/// The text on screen (the list's title says what the filter is doing).
fn screen(state: &State) -> String {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|frame| {
            crate::ui::render(frame, state, &state.theme, &mut DrawnRows::default());
        })
        .unwrap();
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect()
}

#[test]
fn typing_filters_in_the_background_and_each_keystroke_cancels_the_job_before() {
    let mut state = many_users();
    let (first, older) = filter_job(&update(&mut state, key('u'))).expect("a background job");
    assert!(screen(&state).contains("filtering…"));
    let effects = update(&mut state, key('s'));
    assert!(matches!(effects.first(), Some(Effect::Cancel(request)) if *request == first));
    let (second, job) = filter_job(&effects).expect("a job for the new query");
    // The answer to the superseded job comes late: dropped, the newer one still awaited.
    let ranking = Box::new(older.run(&|| false).unwrap());
    assert!(
        update(
            &mut state,
            Msg::UsersFiltered {
                request: first,
                ranking
            }
        )
        .is_empty()
    );
    assert_eq!(state.list.filtering.as_ref().unwrap().request, second);
    let ranking = Box::new(job.run(&|| false).unwrap());
    update(
        &mut state,
        Msg::UsersFiltered {
            request: second,
            ranking,
        },
    );
    assert!(state.list.filtering.is_none());
    assert!(
        screen(&state).contains("Users  12,000 "),
        "{}",
        screen(&state)
    );
}

#[test]
fn a_narrow_filter_and_clearing_it_need_no_job() {
    let mut state = many_users();
    for c in "user 1234".chars() {
        let effects = update(&mut state, key(c));
        if let Some((request, job)) = filter_job(&effects) {
            let ranking = Box::new(job.run(&|| false).unwrap());
            update(&mut state, Msg::UsersFiltered { request, ranking });
        }
    }
    assert_eq!(state.list.selected().unwrap().id, "u1234");
    assert!(screen(&state).contains("of 12,000 match"));
    // The first match was fetched at once (the pane was empty); shown, Esc has none to cancel.
    crate::update::tests::answer_fetch(&mut state);
    // Esc leaves the filter input; Esc again in the list clears the filter at once.
    update(
        &mut state,
        Msg::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
    );
    let effects = update(
        &mut state,
        Msg::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
    );
    assert!(filter_job(&effects).is_none());
    assert_eq!(state.list.rows().len(), 12_000);
    assert_eq!(state.list.selected().unwrap().id, "u1234");
}
