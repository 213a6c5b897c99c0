//! Any JSON value as a record's tree with each provider's labeller: the labellers see every
//! path and value, not only those a mapper accepts. A few nodes' jq paths must lead back to
//! them.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, json)) = data.split_first() else {
        return;
    };
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(json) else {
        return;
    };
    let provider = ["zoo", "zooza", "quip", "scanova"][usize::from(choice % 4)];
    let record = userscope::model::UserRecord {
        provider,
        id: "fuzz".into(),
        summary: userscope::model::UserSummary::with_id("fuzz"),
        bodies: Vec::new(),
        json,
        sections: Vec::new(),
        threads: Vec::new(),
        fetched_at: chrono::DateTime::UNIX_EPOCH,
    };
    let tree = userscope::provider::wire::walk_record(&record);
    userscope_fuzz::assert_paths_lead_back(&tree);
});
