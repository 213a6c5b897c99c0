//! Issue 6: the fuzzy filter of the loaded user list, per keystroke.
//!
//! The list is loaded (setup, not measured) and the filter holds a query; each sample times one
//! more character typed into the filter, through `update` exactly as a key press arrives, which
//! reruns `UserListState::refilter` over every loaded user.

mod common;

use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, SamplingMode, criterion_group, criterion_main};
use tui_input::Input;
use userscope::state::{DetailTab, Focus, State};
use userscope::update::update;

/// Puts the query before the keystroke back in the filter (its cursor at the end). `refilter`
/// starts from every loaded user whatever `visible` holds, so the list need not be refiltered.
fn typed_so_far(state: &mut State, before: &str) {
    state.list.filter = Input::new(before.to_owned());
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("filter");
    group
        .sample_size(10)
        // Flat: ten samples of the same few iterations; a keystroke over 1M users takes ~0.1-1 s.
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(6));
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
        // (query before, the character typed, a name for the figure)
        let cases = [
            ("ann", 'a', "ann_to_anna"),
            ("'berg ^ann", 'a', "extended_'berg_^ann_to_^anna"),
        ];
        for (before, typed, name) in cases {
            typed_so_far(&mut state, before);
            state.list.refilter();
            let matched = state.list.visible.len();
            group.bench_function(BenchmarkId::new(name, count), |b| {
                b.iter_custom(|iters| {
                    let mut total = Duration::ZERO;
                    for _ in 0..iters {
                        typed_so_far(&mut state, before);
                        let start = Instant::now();
                        let effects = update(&mut state, common::key(typed));
                        total += start.elapsed();
                        std::hint::black_box(effects);
                    }
                    total
                });
            });
            println!(
                "filter {name} over {count}: {matched} matched before, {} after",
                state.list.visible.len()
            );
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
