//! The property: over random sessions, from 200 users to 100,000, the rows are the ranking from
//! scratch after every step.
//!
//! Failures are kept in `sessions.proptest-regressions` beside this file, as the config says:
//! proptest's default looks for the crate's `main.rs` and would keep them in
//! `tests/proptest-regressions/sessions.txt`.

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

use crate::{Step, run_steps, users};

/// `cases` cases, failures kept in `sessions.proptest-regressions` (see above).
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

fn step() -> impl Strategy<Value = Step> {
    let typed = prop::sample::select(vec![
        'a', 'n', 'e', 'z', 'h', 'g', 'm', 'i', 'l', 'r', 'o', 'u', 'A', 'Z', 'S', ' ', ' ', '\'',
        '^', '$', '!', '.', '@', 'é', 'ö', '伟', 'š', '\\',
    ]);
    prop_oneof![
        8 => typed.prop_map(Step::Type),
        3 => Just(Step::Backspace),
        1 => Just(Step::Left),
        1 => Just(Step::Right),
        3 => (1_usize..400).prop_map(Step::Page),
        1 => any::<usize>().prop_map(Step::Change),
        1 => any::<usize>().prop_map(Step::Resync),
        3 => Just(Step::Answer),
        1 => Just(Step::LateAnswer),
    ]
}

proptest! {
    #![proptest_config(config(48))]

    /// From 200 users to past the size a filter is computed at once, so both the inline
    /// path and the background job are driven.
    #[test]
    fn rows_are_the_exhaustive_ranking_after_every_step(
        count in prop_oneof![200_usize..=userscope::state::FILTER_AT_ONCE_UP_TO, 5_001_usize..12_000],
        first_share in 1_usize..10,
        steps in prop::collection::vec(step(), 1..40),
    ) {
        run_steps(users(count), count * first_share / 10, &steps);
    }
}

proptest! {
    #![proptest_config(config(3))]

    /// 100,000 users: the filter runs as background jobs on every core.
    #[test]
    fn rows_are_the_exhaustive_ranking_over_100_000_users(
        steps in prop::collection::vec(step(), 1..16),
    ) {
        run_steps(users(100_000), 90_000, &steps);
    }
}
