//! Issue 6: the record tree at scale. One big Zooza-shaped record (31 MB, as the issue's: credits
//! each with events and attendance) is mapped as `userscope open` maps it; then opening it, the
//! tree's build (indexing the bytes), one cursor move and one fold of the whole tree are timed.

mod common;

use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode, criterion_group, criterion_main};
use userscope::state::tree::TreeState;

/// Discounts and as many free events: 2 x 8,750 = 17,500 credits, a 31 MB body (this generator
/// writes ~1.8 KB a credit where the record has ~2.7 KB, so it takes more credits to match
/// the bytes).
const CREDITS: u64 = 8_750;

fn bench(c: &mut Criterion) {
    let bytes = common::zooza_record_bytes(CREDITS);
    // The same body as a file, for `userscope open` (README, Performance).
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("zooza-31MB.json");
    std::fs::write(&path, &bytes).expect("target dir is writable");
    let record = common::zooza_record(CREDITS);
    let labeller = userscope::json::labels::for_provider(record.provider);
    let mut tree = TreeState::of_record(&record, labeller, 1);
    tree.set_expanded(true, true);
    println!(
        "tree: record of {} bytes ({}), {} nodes ({} MB of index), {} rows visible when expanded all",
        bytes.len(),
        path.display(),
        tree.len(),
        tree.index().heap_bytes() / 1_000_000,
        tree.visible.len()
    );

    let mut slow = c.benchmark_group("tree");
    slow.sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    // What `userscope open` does before its first frame, the body in memory: one validating
    // pass that indexes it, and the mapping of its small parts (the full mapping is deferred).
    slow.bench_function("index_31MB_body", |b| {
        b.iter(|| userscope::json_index::JsonIndex::new(&bytes).map(|index| index.len()));
    });
    slow.bench_function("open_deferred_31MB_body", |b| {
        b.iter(|| userscope::provider::deferred::map_export(None, bytes.clone()));
    });
    // What the explorer runs in the background once a big record is shown: the full mapping
    // (its credits read one at a time from the index kept at open), the JSON notes scan and
    // the record's audit.
    let opened =
        userscope::provider::deferred::map_export(None, bytes.clone()).expect("the body maps");
    let audit = userscope::audit::RecordAudit {
        profile: "bench".to_owned(),
        rules: userscope::audit::select_rules(None, &[]).expect("the built-in rules"),
        settings: userscope::audit::AuditSettings::default(),
    };
    slow.bench_function("map_in_full_31MB_body", |b| {
        b.iter(|| {
            let mut mapped =
                userscope::provider::deferred::map_in_full(&opened).expect("the body maps");
            userscope::provider::json_notes::annotate_record(&mut mapped);
            audit.findings(&mapped).len()
        });
    });
    // The same body parsed whole into a `Value` and mapped, as `get` and small records are.
    slow.bench_function("parse_and_map_31MB_body", |b| {
        b.iter(|| userscope::provider::map_export(Some("zooza"), bytes.clone()));
    });
    // The tree from the body's bytes: one validating pass that indexes every node.
    slow.bench_function("build_from_bytes", |b| {
        b.iter(|| TreeState::build(bytes.clone(), labeller, 1));
    });
    // The tree of the record `open` mapped: its index is the one kept at open, so this is the
    // fold bits and the visible rows only.
    slow.bench_function("tree_of_opened_record", |b| {
        b.iter(|| TreeState::of_record(&opened, labeller, 1).len());
    });
    // A `/` search of the raw view (2 million pretty-printed lines, formatted one at a time into
    // one buffer): the first key scans every line; a key that extends the query narrows.
    let lines =
        userscope::state::raw::RawLines::of_index(tree.source().clone(), tree.shared_index());
    slow.bench_function("raw_search_first_key", |b| {
        b.iter(|| {
            let mut search = userscope::state::RawSearch::default();
            search.input = "2003".into();
            search.find(&lines);
            search.matches.len()
        });
    });
    let mut searched = userscope::state::RawSearch::default();
    searched.input = "2003".into();
    searched.find(&lines);
    slow.bench_function("raw_search_next_key", |b| {
        b.iter(|| {
            let mut search = searched.clone();
            search.input = "20039".into();
            search.find(&lines);
            search.matches.len()
        });
    });
    slow.finish();

    let mut group = c.benchmark_group("tree");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    // One row down and back up, in the middle of the expanded tree: two moves per iteration.
    tree.cursor = tree.visible.len() / 2;
    group.bench_function("move_down_and_up_expanded_all", |b| {
        b.iter(|| {
            tree.move_by(1);
            tree.move_by(-1);
        });
    });
    // `2`: show two levels (collapses nearly everything); then `E`: expand the whole tree again.
    // Each is timed alone, the other undoing it untimed (cloning the tree would cost far more).
    group.bench_function("collapse_to_depth_2_from_expanded_all", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                tree.collapse_to_depth(2);
                total += start.elapsed();
                tree.set_expanded(true, true);
            }
            total
        });
    });
    group.bench_function("set_expanded_whole_tree_from_depth_2", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                tree.collapse_to_depth(2);
                let start = Instant::now();
                tree.set_expanded(true, true);
                total += start.elapsed();
            }
            total
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
