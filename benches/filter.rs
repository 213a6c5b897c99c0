//! The list filter, per keystroke, through the path the explorer takes: users synced into the
//! directory store, read back as a profile opens (`Directory::load`, `Msg::DirectoryOpened`),
//! then a key typed into the filter through `update`.
//!
//! Before each sample the list shows the complete answer to the query before the keystroke
//! (setup, not timed). Each case is timed two ways:
//! - `frame`: `update` for the key press, all a keystroke makes the loop wait before it draws
//!   the next frame (a filter over many users runs off the loop, the previous rows shown);
//! - `final`: until the rows are final: `update`, the background job (on every core, as the
//!   app runs it) and its answer through `update`.
//!
//! Targets (issue "The whole directory"): over 100,000 users rows final within 16 ms; over
//! 1,000,000 a frame within 16 ms and final rows within 150 ms.

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use tui_input::Input;
use userscope::directory::{Directory, Store};
use userscope::effect::Effect;
use userscope::msg::Msg;
use userscope::state::{Focus, ProfileBadge, State};
use userscope::update::{init, update};

/// A store holding `count` users under one profile, and that profile's directory.
fn stored(count: usize) -> (tempfile::TempDir, Directory) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let (store, _) = Store::open(&dir.path().join("directory.sqlite3")).expect("a store");
    let ticket = store.begin_sync("bench", "bench", "zooza").expect("a sync");
    for page in common::users(count).chunks(100) {
        store.write_page(ticket, page, None).expect("a page");
    }
    store.finish_sync(ticket, 1).expect("finished");
    let mut directory = Directory::in_memory("bench", "zooza");
    directory.store = Some(Arc::new(store));
    "bench".clone_into(&mut directory.key);
    (dir, directory)
}

/// The explorer opened on the stored directory, as it opens a profile.
fn opened(directory: &Directory) -> State {
    let badge = ProfileBadge {
        name: "bench".to_owned(),
        provider: "zooza".to_owned(),
        is_sandbox: true,
    };
    let mut state = State::new(badge, (200, 60));
    let Some(Effect::OpenDirectory { request }) = init(&mut state).into_iter().next() else {
        panic!("the explorer opens its directory first")
    };
    // As the app's task does: the rows made ready for the list as they are read.
    let stored = directory.load_held(userscope::directory::unix_now() - 60);
    update(&mut state, Msg::DirectoryOpened { request, stored });
    state.focus = Focus::Filter;
    state
}

/// Runs the background filter jobs among `effects` as the app does, answers through `update`.
fn finish(state: &mut State, effects: Vec<Effect>) {
    for effect in effects {
        if let Effect::FilterUsers { request, job } = effect {
            let ranking = job.run(&|| false).expect("not cancelled");
            update(
                state,
                Msg::UsersFiltered {
                    request,
                    ranking: Box::new(ranking),
                },
            );
        }
    }
}

/// Puts the list on the complete answer to `query`, as pasted: no ranking kept to go back to.
fn show(state: &mut State, query: &str) {
    show_keeping(state, query);
    state.list.forget_kept_rankings();
}

/// Puts the list on the complete answer to `query`, keeping the rankings kept before.
fn show_keeping(state: &mut State, query: &str) {
    state.list.filter = Input::new(query.to_owned());
    let request = state.next_request();
    if let Some(job) = state.list.refilter(request) {
        let ranking = job.run(&|| false).expect("not cancelled");
        assert!(state.list.finish_filter(request, ranking));
    }
}

fn key_of(typed: char) -> Msg {
    if typed == '\u{8}' {
        Msg::Key(crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Backspace,
            crossterm::event::KeyModifiers::NONE,
        ))
    } else {
        common::key(typed)
    }
}

fn keystrokes(c: &mut Criterion) {
    let mut group = c.benchmark_group("filter");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for count in [100_000, 1_000_000] {
        let (_dir, directory) = stored(count);
        let mut state = opened(&directory);
        assert_eq!(state.list.users.len(), count);
        // (the query shown before it, if it was typed on the way; the query before the key; the
        // key typed: `\u{8}` a backspace; a name). A query typed on the way keeps its ranking, so
        // going back to it costs nothing; every other query is scored afresh.
        let cases = [
            (None, "", 'q', "first_q"),
            (None, "a", 'b', "a_to_ab"),
            (None, "ann", 'a', "ann_to_anna"),
            (None, "anna", '\u{8}', "backspace_anna_to_ann_pasted"),
            (Some("ann"), "anna", '\u{8}', "backspace_anna_to_ann_typed"),
            (None, "emax", '\u{8}', "backspace_emax_to_ema_pasted"),
            (None, "exa", 'm', "email_exa_to_exam"),
            (None, "example.co", 'm', "email_example.co_to_example.com"),
            (
                None,
                "example.com",
                '$',
                "postfix_example.com_to_example.com$",
            ),
            (None, "exa !", 'c', "negation_exa_!_to_exa_!c"),
        ];
        for (typed_on_the_way, before, typed, name) in cases {
            for wait in ["frame", "final"] {
                group.bench_function(BenchmarkId::new(format!("{name}/{wait}"), count), |b| {
                    b.iter_custom(|iters| {
                        let mut total = Duration::ZERO;
                        for _ in 0..iters {
                            match typed_on_the_way {
                                Some(earlier) => {
                                    show(&mut state, earlier);
                                    show_keeping(&mut state, before);
                                }
                                None => show(&mut state, before),
                            }
                            let start = Instant::now();
                            let effects = update(&mut state, key_of(typed));
                            if wait == "final" {
                                finish(&mut state, effects);
                                assert!(state.list.rows_are_final());
                            }
                            total += start.elapsed();
                        }
                        total
                    });
                });
            }
        }
    }
    group.finish();
}

/// A profile opening on its stored directory: read from the store, every user held and
/// filterable (`Msg::DirectoryOpened` through `update`).
fn open_from_store(c: &mut Criterion) {
    let mut group = c.benchmark_group("directory_open");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    for count in [100_000, 1_000_000] {
        let (_dir, directory) = stored(count);
        group.bench_function(BenchmarkId::from_parameter(count), |b| {
            b.iter_with_large_drop(|| {
                let state = opened(&directory);
                assert_eq!(state.list.users.len(), count);
                state
            });
        });
    }
    group.finish();
}

/// A full sync's end over a million users held: the users the sync did not see leave the
/// list, none or ten of them. `loop`: what `update` takes on the loop (the sync's end, then the
/// answer of the job that holds the others anew); `final`: with that job too (off the loop, as
/// the app runs it).
fn sync_end(c: &mut Criterion) {
    let mut group = c.benchmark_group("directory_sync_end");
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20));
    let count = 1_000_000;
    let (_dir, directory) = stored(count);
    let users = common::users(count);
    for gone in [0, 10] {
        for wait in ["loop", "final"] {
            let name = BenchmarkId::new(format!("{gone}_gone/{wait}"), count);
            group.bench_function(name, |b| {
                b.iter_custom(|iters| {
                    (0..iters)
                        .map(|_| sync_end_once(&directory, &users, gone, wait == "final"))
                        .sum()
                });
            });
        }
    }
    group.finish();
}

/// One full sync over the stored directory that does not list its first `gone` users, then
/// its end, timed (with the job off the loop when `with_job`).
fn sync_end_once(
    directory: &Directory,
    users: &[userscope::model::UserSummary],
    gone: usize,
    with_job: bool,
) -> Duration {
    let mut state = opened(directory);
    state.focus = Focus::List;
    let request = update(&mut state, common::key('r'))
        .into_iter()
        .find_map(|effect| match effect {
            Effect::SyncDirectory { request, .. } => Some(request),
            _ => None,
        })
        .expect("r syncs the directory");
    for page in users[gone..].chunks(1_000) {
        let page = userscope::model::UserPage {
            users: page.to_vec(),
            next: None,
            total: None,
        };
        update(&mut state, Msg::DirectoryPage { request, page });
    }
    let start = Instant::now();
    let effects = update(
        &mut state,
        Msg::DirectorySyncEnded {
            request,
            result: Ok(None),
        },
    );
    let mut took = start.elapsed();
    for effect in effects {
        if let Effect::KeepSeenUsers {
            request,
            users,
            seen,
        } = effect
        {
            let job = Instant::now();
            let kept = users.keeping(|at| seen.has(at));
            if with_job {
                took += job.elapsed();
            }
            let answer = Instant::now();
            update(
                &mut state,
                Msg::SeenUsersKept {
                    request,
                    kept,
                    seen,
                },
            );
            took += answer.elapsed();
        }
    }
    assert_eq!(state.list.users.len(), users.len() - gone);
    took
}

criterion_group!(benches, keystrokes, open_from_store, sync_end);
criterion_main!(benches);
