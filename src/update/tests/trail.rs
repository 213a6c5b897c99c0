//! The audit trail: a record is `viewed` once it is shown and the selection rests on it, or
//! when the operator opens it; never for a user that flickers by while a filter narrows.

use super::*;

fn viewed(effects: &[Effect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            Effect::Trail {
                user_id,
                action: "viewed",
            } => Some(user_id.clone()),
            _ => None,
        })
        .collect()
}

/// Answers the record fetch in flight, returning the effects.
fn answer(state: &mut State) -> Vec<Effect> {
    let Some((request, id)) = state.detail.loading.clone() else {
        return Vec::new();
    };
    update(
        state,
        Msg::RecordLoaded {
            request,
            result: Ok(record(&id)),
        },
    )
}

fn selected(state: &State) -> String {
    state
        .list
        .selected()
        .map(|user| user.id.to_owned())
        .unwrap_or_default()
}

#[test]
fn viewing_and_exporting_leave_a_trail_without_content() {
    let mut state = loaded();
    let (request, _) = open_selected(&mut state);
    let effects = update(
        &mut state,
        Msg::RecordLoaded {
            request,
            result: Ok(record("u0")),
        },
    );
    assert!(
        matches!(effects.as_slice(), [Effect::Trail { user_id, action: "viewed" }] if user_id == "u0")
    );
    update(&mut state, key(KeyCode::Char('x')));
    let effects = update(
        &mut state,
        Msg::ExportFinished {
            result: Ok("/tmp/e.json".into()),
        },
    );
    assert!(
        matches!(effects.as_slice(), [Effect::Trail { user_id, action: "exported" }] if user_id == "u0")
    );
}

#[test]
fn typing_a_filter_over_several_users_logs_no_viewed_and_resting_logs_one() {
    let mut state = loaded();
    // The first user, fetched at once at launch, shows while the operator starts typing.
    let mut effects = answer(&mut state);
    update(&mut state, key(KeyCode::Char('/')));
    let mut tops = vec![selected(&state)];
    for (step, text) in ["1", "2", "\u{8}", "3", "\u{8}", "4"]
        .into_iter()
        .enumerate()
    {
        let code = if text == "\u{8}" {
            KeyCode::Backspace
        } else {
            KeyCode::Char(text.chars().next().unwrap())
        };
        effects.extend(update(&mut state, key(code)));
        let top = selected(&state);
        if tops.last() != Some(&top) {
            tops.push(top);
        }
        // The new top rests just long enough to be fetched; its record arrives before the next
        // key, or after it (a fetch the selection already left).
        effects.extend(update(&mut state, Msg::Tick));
        effects.extend(update(&mut state, Msg::Tick));
        if step % 2 == 0 {
            effects.extend(answer(&mut state));
        }
    }
    effects.extend(answer(&mut state));
    assert!(tops.len() >= 5, "the filter passed several users: {tops:?}");
    assert_eq!(viewed(&effects), Vec::<String>::new(), "tops: {tops:?}");
    // Resting on the last one, shown, logs it once.
    let mut rested = Vec::new();
    for _ in 0..DEBOUNCE_TICKS + 3 {
        rested.extend(update(&mut state, Msg::Tick));
    }
    assert_eq!(viewed(&rested), [selected(&state)]);
    assert!(!state.needs_tick(), "nothing left to wait for");
}

#[test]
fn a_record_left_before_it_rests_counts_once_the_selection_comes_back_and_rests() {
    let mut state = loaded();
    let mut effects = answer(&mut state);
    effects.extend(update(&mut state, Msg::Tick));
    effects.extend(update(&mut state, key(KeyCode::Char('j'))));
    // Leaving u0 for a moment: nothing waits on time for it while the selection is elsewhere.
    effects.extend(update(&mut state, Msg::Tick));
    effects.extend(update(&mut state, key(KeyCode::Char('k'))));
    assert_eq!(viewed(&effects), Vec::<String>::new());
    assert!(state.needs_tick(), "back on the record shown: it rests");
    effects.extend(update(&mut state, Msg::Tick));
    assert_eq!(
        viewed(&effects),
        Vec::<String>::new(),
        "one tick is no rest"
    );
    effects.extend(update(&mut state, Msg::Tick));
    assert_eq!(viewed(&effects), ["u0"]);
    // Shown and logged: Enter does not log it twice.
    let effects = update(&mut state, key(KeyCode::Enter));
    assert_eq!(viewed(&effects), Vec::<String>::new());
}

#[test]
fn enter_on_a_record_shown_logs_it_without_waiting() {
    let mut state = loaded();
    assert_eq!(viewed(&answer(&mut state)), Vec::<String>::new());
    assert_eq!(viewed(&update(&mut state, key(KeyCode::Enter))), ["u0"]);
    assert!(state.detail.unviewed.is_none());
    for _ in 0..=DEBOUNCE_TICKS {
        assert_eq!(viewed(&update(&mut state, Msg::Tick)), Vec::<String>::new());
    }
}
