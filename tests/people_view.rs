//! The People view (`:who`) on ratatui's `TestBackend`, reached the way an operator reaches it
//! (`:who ADDRESS` typed), with one profile answered (an account with a hostile name), one
//! failed and one still looking: a snapshot at 80x24 and 120x40.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use userscope::effect::Effect;
use userscope::model::ProviderKind;
use userscope::msg::Msg;
use userscope::people::{Account, FindingCounts, MatchKind, ProfileAnswer};
use userscope::state::{ProfileBadge, State};
use userscope::theme::Theme;
use userscope::ui::DrawnRows;
use userscope::update::update;

fn key(code: KeyCode) -> Msg {
    Msg::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn people_view(size: (u16, u16)) -> State {
    let profile = ProfileBadge {
        name: "sandbox-zoo".into(),
        provider: "zoo".into(),
        is_sandbox: true,
    };
    let mut state = State::new(profile, size);
    state.profile_names = [
        "sandbox-zoo",
        "sandbox-zooza",
        "sandbox-quip",
        "sandbox-scanova",
    ]
    .map(str::to_owned)
    .to_vec();
    update(&mut state, key(KeyCode::Char(':')));
    for c in "who Ava.Smith@staff.example.com".chars() {
        update(&mut state, key(KeyCode::Char(c)));
    }
    let effects = update(&mut state, key(KeyCode::Enter));
    let Some(Effect::LookupPerson { request, .. }) = effects.into_iter().next() else {
        panic!("no lookup asked for")
    };
    let mut findings = FindingCounts::new();
    findings.insert(userscope::audit::Severity::High, 1);
    findings.insert(userscope::audit::Severity::Low, 2);
    let answers = [
        ProfileAnswer {
            profile: "sandbox-zoo".into(),
            accounts: Ok(vec![Account {
                profile: "sandbox-zoo".into(),
                provider: ProviderKind::Zoo,
                user_id: "2ece05a0-4767-482f-9476-000000000000".into(),
                name: "Ava\u{1b}[2J Smith".into(),
                email: "ava.smith@staff.example.com".into(),
                active: true,
                last_login: None,
                mfa: None,
                findings,
                certainty: MatchKind::Certain,
            }]),
        },
        ProfileAnswer {
            profile: "sandbox-scanova".into(),
            accounts: Ok(vec![Account {
                profile: "sandbox-scanova".into(),
                provider: ProviderKind::Scanova,
                user_id: "10".into(),
                name: "Ava Smith".into(),
                email: "Ava.Smith@staff.example.com".into(),
                active: false,
                last_login: Some("2026-03-26T05:21:47+05:30".into()),
                mfa: Some(false),
                findings: FindingCounts::new(),
                certainty: MatchKind::Certain,
            }]),
        },
        ProfileAnswer {
            profile: "sandbox-quip".into(),
            accounts: Err("HTTP 401 Unauthorized".into()),
        },
    ];
    for answer in answers {
        update(&mut state, Msg::PersonLookedUp { request, answer });
    }
    state
}

#[test]
fn the_people_view_shows_accounts_a_waiting_profile_and_a_failed_one() {
    for size in [(80, 24), (120, 40)] {
        let state = people_view(size);
        let mut terminal = Terminal::new(TestBackend::new(size.0, size.1)).unwrap();
        terminal
            .draw(|frame| {
                userscope::ui::render(frame, &state, &Theme::dark(), &mut DrawnRows::default());
            })
            .unwrap();
        let screen = terminal.backend().to_string();
        assert!(
            !screen.contains('\u{1b}'),
            "no escape byte reaches the screen"
        );
        insta::assert_snapshot!(format!("people_{}x{}", size.0, size.1), screen);
    }
}
