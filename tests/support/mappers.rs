//! One entry point per provider that runs a body through every mapper the app runs on a fetched
//! body (list pages, searches, records, error bodies, threads), for the property tests and the
//! fuzzers under `fuzz/` (which include this file). Kept out of the crate: nothing here is
//! called in production.

#![allow(dead_code, clippy::unwrap_used)]

use bytes::Bytes;
use chrono::{DateTime, Utc};

use userscope::json::labels;
use userscope::model::{UserRecord, UserSummary};
use userscope::provider::{ProviderError, offline::response, quip, scanova, zoo, zooza};
use userscope::state::tree::TreeState;

/// What the mappers made of one body, for the caller to walk further (tree, labels, display).
#[derive(Debug, Default)]
pub struct Mapped {
    /// Records mapped from the body, whichever mapper accepted it.
    pub records: Vec<UserRecord>,
    /// Summaries from list pages and searches.
    pub summaries: Vec<UserSummary>,
    /// Messages read from the body as an error body, and the errors mappers returned.
    pub messages: Vec<String>,
}

impl Mapped {
    fn record(&mut self, result: Result<UserRecord, ProviderError>) {
        match result {
            Ok(record) => self.records.push(record),
            Err(error) => self.messages.push(error.one_line()),
        }
    }

    fn summaries(&mut self, result: Result<Vec<UserSummary>, ProviderError>) {
        match result {
            Ok(summaries) => self.summaries.extend(summaries),
            Err(error) => self.messages.push(error.one_line()),
        }
    }

    fn message(&mut self, message: Option<String>) {
        self.messages.extend(message);
    }
}

/// A fixed clock, so a run is reproducible.
fn fixed_now() -> DateTime<Utc> {
    DateTime::from_timestamp(1_780_000_000, 0).unwrap_or_default()
}

/// Runs `bytes` through every mapper of `provider` (`zoo`, `zooza`, `quip`, `scanova`) as if each
/// endpoint had answered them, and through `map_export`. An unknown name maps nothing.
pub fn map_every_body(provider: &str, bytes: &Bytes) -> Mapped {
    let mut mapped = Mapped::default();
    let at = |path: &str| response(path, bytes.clone());
    match provider {
        zoo::NAME => {
            for endpoint in [
                zoo::ListEndpoint::Users,
                zoo::ListEndpoint::OrgMembers,
                zoo::ListEndpoint::Auto,
            ] {
                mapped.summaries(zoo::map_page(&at("/users"), endpoint).map(|page| page.users));
            }
            let details = at("/users/u/admin/details");
            mapped.record(zoo::map_record("u", &details, Ok(&at("/users/u"))));
            mapped.record(zoo::map_record(
                "u",
                &details,
                Err(zoo::ProfileGap::Status(404)),
            ));
            mapped.message(zoo::error_message(bytes));
            mapped.record(zoo::map_export(bytes.clone()));
        }
        zooza::NAME => {
            mapped.summaries(zooza::map_page(&at("/users"), 0, 100).map(|page| page.users));
            mapped.summaries(zooza::map_search(&at("/registrations")));
            mapped.record(zooza::map_user_record("1", &at("/user"), fixed_now()));
            let registrations = at("/registrations");
            mapped.record(zooza::map_activity_record(
                "1",
                &registrations,
                Ok(&at("/orders")),
                fixed_now(),
            ));
            mapped.record(zooza::map_activity_record(
                "1",
                &registrations,
                Err(403),
                fixed_now(),
            ));
            mapped.message(zooza::error_message(bytes));
            mapped.record(zooza::map_export(bytes.clone()));
        }
        quip::NAME => {
            mapped.summaries(quip::map_lookup(&at("/1/users/")));
            mapped.summaries(quip::map_scim_page(&at("/Users"), 1).map(|page| page.users));
            mapped.record(quip::map_record("q", &at("/1/admin/users/q")));
            let wanted = ["a".to_owned(), "b".to_owned()];
            match quip::map_thread_batch(&at("/1/admin/threads/"), &wanted) {
                Ok(threads) => mapped
                    .messages
                    .extend(threads.into_iter().map(|thread| thread.id)),
                Err(error) => mapped.messages.push(error.one_line()),
            }
            mapped.message(quip::error_message(bytes));
            mapped.message(quip::scim_error_message(bytes));
            mapped.record(quip::map_export(bytes.clone()));
            // The record's thread list, as the Threads tab builds it.
            let threads: Vec<String> = mapped
                .records
                .iter()
                .flat_map(|record| quip::threads_of(&record.json))
                .map(|thread| thread.id)
                .collect();
            mapped.messages.extend(threads);
        }
        scanova::NAME => {
            mapped.summaries(scanova::map_page(&at("/multi-users/")).map(|page| page.users));
            mapped.record(scanova::map_record("1", &at("/multi-users/1/")));
            mapped.message(scanova::error_message(bytes));
            mapped.record(scanova::map_export(bytes.clone()));
        }
        _ => {}
    }
    mapped
}

/// Does with a record what the explorer does: the labelled tree fully expanded, every node's jq
/// path and JSON pointer, the last node found again by its path (as the Audit tab reveals
/// evidence), every field's display text. Returns the tree for more checks.
pub fn walk_record(record: &UserRecord) -> TreeState {
    let mut tree = TreeState::of_record(record, labels::for_provider(record.provider), 2);
    tree.set_expanded(true, true);
    for node in 0..tree.len() {
        let _ = tree.row(node);
        let _ = tree.jq_path(node);
        let _ = tree.pointer(node);
    }
    // One lookup only: a path is found by walking down from the root, once is enough here.
    if let Some(last) = tree.len().checked_sub(1) {
        let _ = tree.find_path(&tree.jq_path(last));
    }
    tree.move_to_end(true);
    tree.scroll_to_cursor(20, 1);
    tree.collapse_to_depth(1);
    for field in record.sections.iter().flat_map(|section| &section.fields) {
        let _ = field.value.display();
    }
    tree
}
