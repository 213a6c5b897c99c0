//! Cases from issues and from the property tests, each a named test.

use crossterm::event::KeyCode;
use userscope::model::UserSummary;

use crate::{Explorer, Step, run_steps, runtime, synced, users};

/// Types a query key by key with every answer delivered, and returns the names on top.
fn typed_key_by_key(users: Vec<UserSummary>, query: &str) -> Vec<String> {
    let mut explorer = Explorer::new(users, usize::MAX);
    for c in query.chars() {
        explorer.key(KeyCode::Char(c));
        explorer.check(&format!("typing {c:?}"));
        explorer.settle();
    }
    let list = &explorer.state.list;
    list.rows()
        .iter()
        .take(5)
        .filter_map(|&index| list.users.get(index))
        .map(|user| user.name.to_owned())
        .collect()
}

fn sync_of(provider_name: &str, users: u64) -> Vec<UserSummary> {
    runtime().block_on(synced(provider_name, users))
}

/// Issue "The whole directory": `ann` on `sandbox-quip` put Katarína Šťastný on top.
#[test]
fn ann_on_the_quip_sandbox_puts_anneliese_and_ananya_on_top() {
    let top = typed_key_by_key(sync_of("quip", 200), "ann");
    assert!(
        top.iter()
            .any(|name| name.starts_with("Anneliese") || name.starts_with("Ananya")),
        "{top:?}"
    );
    assert!(!top[0].contains("Šťastný"), "{top:?}");
}

/// The same on `sandbox-zoo`, where Çağla Ó Súilleabháin came first.
#[test]
fn ann_on_the_zoo_sandbox_puts_an_ann_on_top() {
    let top = typed_key_by_key(sync_of("zoo", 200), "ann");
    assert!(top[0].to_lowercase().contains("ann"), "{top:?}");
}

/// 30,000 Scanova users: `zhang` listed an Ó Súilleabháin above every Zhang.
#[test]
fn zhang_over_30_000_scanova_users_puts_the_zhangs_on_top() {
    let top = typed_key_by_key(users(30_000), "zhang");
    assert!(top.iter().all(|name| name.contains("Zhang")), "{top:?}");
}

/// A page that arrives while a background filter runs is ranked into its answer.
#[test]
fn a_page_arriving_while_a_filter_runs_is_ranked_into_its_answer() {
    run_steps(
        users(20_000),
        10_000,
        &[
            Step::Type('a'),
            Step::Page(300),
            Step::Answer,
            Step::Type('n'),
            Step::Change(3),
            Step::Page(300),
            Step::Answer,
        ],
    );
}

/// A row that changes while a newer query runs leaves the older answer stale: going back to
/// that query ranks it again (found by the property test in `sessions`).
#[test]
fn a_row_changed_under_a_pending_query_leaves_the_older_answer_stale() {
    run_steps(
        users(8_553),
        6_842,
        &[
            Step::Type('a'),
            Step::Type('l'),
            Step::Answer,
            Step::Type('a'),
            Step::Change(262_320_588_396_126_195),
            Step::Backspace,
        ],
    );
}
