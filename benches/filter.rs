//! Issue 6: the fuzzy filter of the loaded user list, per keystroke.
//!
//! The list is loaded and holds the complete answer to the query before the keystroke (setup,
//! not measured). Each sample times one more character typed into the filter, through
//! `update` exactly as a key press arrives, until:
//! - `page`: the rows on screen are final. A filter over many users runs as a background job;
//!   when a short scan (in load order, or down the previous ranking for a narrowed query)
//!   proves the top rows at once, the operator waits for nothing more, else the job runs here
//!   (on every core, as in the app) and its answer goes through `update`;
//! - `whole_list`: the background job has answered too (the match count is known and every
//!   row can be scrolled to).

mod common;

use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use tui_input::Input;
use userscope::effect::Effect;
use userscope::msg::Msg;
use userscope::state::filter::Ranking;
use userscope::state::{DetailTab, Focus, State, UserListState};
use userscope::update::update;

/// The complete answer to `query`, as the list holds it once its filter has ended (the empty
/// query: every user, in load order).
fn complete(state: &mut State, query: &str) -> Ranking {
    state.list.filter = Input::new(query.to_owned());
    if query.is_empty() {
        let rows = state.list_page_rows();
        let request = state.next_request();
        assert!(state.list.refilter(rows, request).is_none());
        return Ranking::default();
    }
    let rows = state.list_page_rows();
    let request = state.next_request();
    let job = state
        .list
        .refilter(rows, request)
        .expect("a query over this many users runs as a job");
    let ranking = job.run(&|| false).expect("not cancelled");
    state.list.show_ranking(ranking.clone());
    ranking
}

/// Puts the list back on `query`'s complete answer, as it was once typed.
fn show_complete(state: &mut State, query: &str, ranking: &Ranking) {
    state.list.filter = Input::new(query.to_owned());
    if query.is_empty() {
        let rows = state.list_page_rows();
        let request = state.next_request();
        assert!(state.list.refilter(rows, request).is_none());
    } else {
        state.list.show_ranking(ranking.clone());
    }
}

/// Puts the list as the operator left it typing `earlier`, then `before`: their complete
/// answers shown in turn, and no other query's ranking kept (not the last iteration's answer,
/// which a first keystroke would otherwise find kept).
fn as_typed(state: &mut State, earlier: (&str, &Ranking), before: (&str, &Ranking)) {
    show_complete(state, "", &Ranking::default());
    state.list.forget_earlier_rankings();
    show_complete(state, earlier.0, earlier.1);
    show_complete(state, before.0, before.1);
}

/// Types one character (`\u{8}`: a backspace) and waits as the operator does: until the rows
/// shown are final, or (`whole`) until the complete answer is in.
fn keystroke(state: &mut State, typed: char, whole: bool) {
    let key = if typed == '\u{8}' {
        Msg::Key(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Backspace,
            crossterm::event::KeyModifiers::NONE,
        ))
    } else {
        common::key(typed)
    };
    let effects = update(state, key);
    if state.list.rows_are_final() && !whole {
        std::hint::black_box(effects);
        return;
    }
    for effect in effects {
        if let Effect::FilterUsers { request, job } = effect {
            let ranking = Box::new(job.run(&|| false).expect("not cancelled"));
            update(state, Msg::UsersFiltered { request, ranking });
        }
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("filter");
    group
        .sample_size(10)
        // Flat: ten samples of the same few iterations; a whole-list filter over 1M users
        // takes ~0.1-1 s.
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    // One small record in the detail pane: the filter does not touch it.
    let record = common::zooza_record(3);
    for count in [100_000, 1_000_000] {
        let mut state = common::state_with(
            common::users(count),
            std::sync::Arc::clone(&record),
            DetailTab::Overview,
            (200, 60),
        );
        state.focus = Focus::Filter;
        // (the query typed before it, the query before, the character typed, a name)
        let cases = [
            ("", "ann", 'a', "ann_to_anna"),
            ("", "'berg ^ann", 'a', "extended_'berg_^ann_to_^anna"),
            // Initials: no one has the best possible score, so the load-order scan cannot prove
            // the page; walking the ranking of "ab" best first can (`filter/narrow.rs`).
            ("", "ab", 'g', "initials_ab_to_abg"),
            // A first keystroke: a load-order scan proves the page when enough users reach the
            // best score a letter allows.
            ("", "", 'a', "first_keystroke_a"),
            ("", "", 'q', "first_keystroke_q"),
            // A backspace widens the answer: nothing narrows to it, but the ranking of "ann"
            // was complete before "anna" was typed (`filter/recent.rs`).
            ("ann", "anna", '\u{8}', "backspace_anna_to_ann"),
            // Proven by the pass over every user's summary (`filter/bounded.rs`), which no
            // earlier ranking helps: a second character after a one-character needle (nucleo
            // scores one character by another path, so the walk has no bound from it), an
            // atom that turns postfix (`$`: another kind of atom), and a backspace to a query
            // not ranked before (as an edit in the middle of a query is). With no match
            // (`ann$`), users are ruled out by their last character unread; with 400,066
            // (`example.com$`, an e-mail domain), by where their letters stand.
            ("", "a", 'b', "second_keystroke_a_to_ab"),
            ("", "emma", '\u{8}', "backspace_unseen_emma_to_emm"),
            ("", "emax", '\u{8}', "backspace_unseen_emax_to_ema"),
            // A negation typed onto e-mail text: the last answer less the users it rules out.
            ("", "exa !", 'c', "negation_exa_to_exa_!c"),
            // E-mail text: every user's address matches `exa` alike (after `@` or `.`), so a
            // great many tie at the best score a domain reaches: the walk down the previous
            // ranking cannot stop, the pass over every user's summary can.
            ("ex", "exa", 'm', "email_exa_to_exam"),
            (
                "example.c",
                "example.co",
                'm',
                "email_example.co_to_example.com",
            ),
            ("", "ann", '$', "postfix_ann_to_ann$"),
            (
                "",
                "example.com",
                '$',
                "postfix_example.com_to_example.com$",
            ),
        ];
        for (earlier, before, typed, name) in cases {
            let earlier_ranking = complete(&mut state, earlier);
            let before_ranking = complete(&mut state, before);
            let matched = before_ranking.ranked.len();
            let mut proven = false;
            for wait in ["page", "whole_list"] {
                group.bench_function(BenchmarkId::new(format!("{name}/{wait}"), count), |b| {
                    b.iter_custom(|iters| {
                        let mut total = Duration::ZERO;
                        for _ in 0..iters {
                            as_typed(
                                &mut state,
                                (earlier, &earlier_ranking),
                                (before, &before_ranking),
                            );
                            let start = Instant::now();
                            keystroke(&mut state, typed, wait == "whole_list");
                            total += start.elapsed();
                            if wait == "page" {
                                proven = state.list.filtering.is_some();
                            }
                        }
                        total
                    });
                });
            }
            // The answer after the keystroke, to print its size.
            as_typed(
                &mut state,
                (earlier, &earlier_ranking),
                (before, &before_ranking),
            );
            keystroke(&mut state, typed, true);
            println!(
                "filter {name} over {count}: {matched} matched before, {} after; top rows \
                 proven before the job ended: {proven}",
                state.list.visible.len()
            );
        }
    }
    group.finish();
}

/// What loading a page of users costs the UI thread: each user's text converted for the
/// matcher, and what is known of it without reading it (letters, where they stand).
fn append(c: &mut Criterion) {
    let mut group = c.benchmark_group("filter");
    let page = common::users(1_000);
    group.bench_function("append_page_of_1000_users", |b| {
        b.iter_batched(
            || (UserListState::default(), page.clone()),
            |(mut list, page)| {
                list.append(page);
                list
            },
            criterion::BatchSize::SmallInput,
        );
    });
    group.finish();
}

criterion_group!(benches, bench, append);
criterion_main!(benches);
