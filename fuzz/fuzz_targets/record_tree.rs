//! Any bytes as a record's body, shown as its tree with each provider's labeller: the byte
//! indexer sees every input, and the labellers every path and value, not only those a mapper
//! accepts. A few nodes' jq paths must lead back to them.
#![no_main]

#[path = "../../tests/support/mappers.rs"]
mod mappers;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, json)) = data.split_first() else {
        return;
    };
    let body = bytes::Bytes::copy_from_slice(json);
    // What the tree falls back to when the indexer refuses the bytes.
    let json = serde_json::from_slice::<serde_json::Value>(json).unwrap_or_default();
    let provider = ["zoo", "zooza", "quip", "scanova"][usize::from(choice % 4)];
    let record = userscope::model::UserRecord {
        provider,
        id: "fuzz".into(),
        summary: userscope::model::UserSummary::with_id("fuzz"),
        bodies: vec![userscope::model::RawBody {
            label: "user".into(),
            path: "/fuzz".into(),
            bytes: body,
        }],
        json,
        sections: Vec::new(),
        threads: Vec::new(),
        fetched_at: chrono::DateTime::UNIX_EPOCH,
        deferred: false,
    };
    let tree = mappers::walk_record(&record);
    userscope_fuzz::assert_paths_lead_back(&tree);
});
