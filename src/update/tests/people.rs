use super::*;
use crate::people::{Account, MatchKind, ProfileAnswer};

fn account(profile: &str, provider: crate::model::ProviderKind, id: &str) -> Account {
    Account {
        profile: profile.to_owned(),
        provider,
        user_id: id.to_owned(),
        name: "Ava Smith".to_owned(),
        email: "ava@x.org".to_owned(),
        active: true,
        last_login: None,
        mfa: None,
        findings: crate::people::FindingCounts::new(),
        certainty: MatchKind::Certain,
    }
}

fn who(state: &mut State) -> RequestId {
    state.profile_names = vec!["sandbox-zoo".into(), "sandbox-quip".into()];
    let effects = crate::update::people::open(state, "  AVA@X.org ");
    match effects.as_slice() {
        [
            Effect::LookupPerson {
                request,
                query,
                profiles,
                ..
            },
        ] => {
            assert_eq!(query, &crate::people::WhoQuery::Email("ava@x.org".into()));
            assert_eq!(profiles, &["sandbox-zoo", "sandbox-quip"]);
            *request
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn who_waits_on_each_profile_and_fills_its_rows_as_it_answers() {
    let mut state = state();
    let request = who(&mut state);
    assert_eq!(state.key_context(), crate::state::KeyContext::People);
    assert!(state.needs_tick(), "the waiting rows spin");
    update(
        &mut state,
        Msg::PersonLookedUp {
            request,
            answer: ProfileAnswer {
                profile: "sandbox-quip".into(),
                accounts: Err("HTTP 401".into()),
            },
        },
    );
    // An answer to an older lookup is dropped.
    update(
        &mut state,
        Msg::PersonLookedUp {
            request: RequestId(request.0 + 100),
            answer: ProfileAnswer {
                profile: "sandbox-zoo".into(),
                accounts: Ok(Vec::new()),
            },
        },
    );
    let view = state.people.as_ref().unwrap();
    assert!(matches!(
        view.rows().as_slice(),
        [
            crate::state::people::PeopleRow::Waiting("sandbox-zoo", None),
            crate::state::people::PeopleRow::Failed("sandbox-quip", "HTTP 401")
        ]
    ));
    // `r` on the failed profile asks it again, and only it.
    update(&mut state, key(KeyCode::Down));
    let effects = update(&mut state, key(KeyCode::Char('r')));
    assert!(matches!(
        effects.as_slice(),
        [Effect::LookupPerson { profiles, .. }] if profiles == &["sandbox-quip"]
    ));
}

#[test]
fn enter_opens_the_account_in_its_profile_and_esc_comes_back() {
    let mut state = state();
    let request = who(&mut state);
    for (profile, provider, id) in [
        ("sandbox-zoo", crate::model::ProviderKind::Zoo, "z1"),
        ("sandbox-quip", crate::model::ProviderKind::Quip, "q1"),
    ] {
        update(
            &mut state,
            Msg::PersonLookedUp {
                request,
                answer: ProfileAnswer {
                    profile: profile.into(),
                    accounts: Ok(vec![account(profile, provider, id)]),
                },
            },
        );
    }
    assert!(!state.needs_tick());
    update(&mut state, key(KeyCode::Down));
    let effects = update(&mut state, key(KeyCode::Enter));
    assert!(
        matches!(effects.as_slice(), [Effect::SwitchProfile(name)] if name == "sandbox-quip"),
        "{effects:?}"
    );
    assert!(state.people.as_ref().unwrap().hidden);
    // Once switched, the account's record is fetched.
    let theme = state.theme.clone();
    let effects = update(
        &mut state,
        Msg::ProfileSwitched {
            result: Ok(crate::msg::ProfileView {
                badge: ProfileBadge {
                    name: "sandbox-quip".into(),
                    provider: "quip".into(),
                    is_sandbox: true,
                },
                theme,
            }),
        },
    );
    assert!(
        effects
            .iter()
            .any(|effect| matches!(effect, Effect::FetchRecord { id, .. } if id == "q1")),
        "{effects:?}"
    );
    // Asked for, not passed by the selection: it counts as viewed once shown, and no user the
    // list's selection rests on replaces it.
    assert!(state.detail.view_on_load);
    assert!(state.detail.wanted.is_none());
    update(&mut state, key(KeyCode::Esc));
    assert!(!state.people.as_ref().unwrap().hidden, "Esc comes back");
    update(&mut state, key(KeyCode::Esc));
    assert!(state.people.is_none(), "a second Esc closes the view");
}

#[test]
fn the_panes_keys_do_nothing_beneath_the_people_view() {
    let mut state = state();
    who(&mut state);
    let focus = state.focus;
    for code in [
        KeyCode::Char('x'),
        KeyCode::Char('/'),
        KeyCode::Char('z'),
        KeyCode::Char(']'),
        KeyCode::Char('Y'),
        KeyCode::Tab,
    ] {
        let effects = update(&mut state, key(code));
        assert!(effects.is_empty(), "{code:?}: {effects:?}");
        assert_eq!(state.focus, focus, "{code:?}");
        assert!(!state.zoomed, "{code:?}");
        assert!(state.people.as_ref().is_some_and(|view| !view.hidden));
    }
    // `?` and `:` still work over it.
    update(&mut state, key(KeyCode::Char('?')));
    assert!(state.help_open);
}

#[test]
fn a_profile_its_server_asks_to_wait_says_so_until_it_answers() {
    let mut state = state();
    let request = who(&mut state);
    let wait = crate::model::ServerWait {
        status: 429,
        wait: std::time::Duration::from_secs(61),
        retry: 1,
        retries: 3,
    };
    let waiting = |profile: &str, request| Msg::PersonWaiting {
        request,
        profile: profile.to_owned(),
        wait,
    };
    update(&mut state, waiting("sandbox-quip", request));
    // Another lookup's word is not this one's.
    update(
        &mut state,
        waiting("sandbox-zoo", RequestId(request.0 + 100)),
    );
    let rows = |state: &State| format!("{:?}", state.people.as_ref().unwrap().rows());
    assert!(
        matches!(
            state.people.as_ref().unwrap().rows().as_slice(),
            [
                crate::state::people::PeopleRow::Waiting("sandbox-zoo", None),
                crate::state::people::PeopleRow::Waiting("sandbox-quip", Some(said)),
            ] if *said == wait
        ),
        "{}",
        rows(&state)
    );
    update(
        &mut state,
        Msg::PersonLookedUp {
            request,
            answer: ProfileAnswer {
                profile: "sandbox-quip".into(),
                accounts: Ok(Vec::new()),
            },
        },
    );
    // Answered: a late word of a wait changes nothing.
    update(&mut state, waiting("sandbox-quip", request));
    assert!(
        matches!(
            state.people.as_ref().unwrap().rows().as_slice(),
            [
                crate::state::people::PeopleRow::Waiting("sandbox-zoo", None),
                crate::state::people::PeopleRow::NoAccount("sandbox-quip"),
            ]
        ),
        "{}",
        rows(&state)
    );
}
