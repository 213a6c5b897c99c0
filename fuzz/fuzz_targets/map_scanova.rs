//! Any body, as every scanova endpoint might answer it, through every scanova mapper, and each record
//! it yields through the tree, labels and field display the explorer builds from it; a few
//! nodes' jq paths must lead back to them.
#![no_main]

#[path = "../../tests/support/mappers.rs"]
mod mappers;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let bytes = bytes::Bytes::copy_from_slice(data);
    let mapped = mappers::map_every_body("scanova", &bytes);
    for record in &mapped.records {
        let tree = mappers::walk_record(record);
        userscope_fuzz::assert_paths_lead_back(&tree);
    }
});
