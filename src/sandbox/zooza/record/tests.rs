use std::net::SocketAddr;
use std::sync::Mutex;
use std::sync::atomic::AtomicU64;

use super::{body, value_reference};
use crate::sandbox::fault::FaultPlan;
use crate::sandbox::fault_layer::Counters;
use crate::sandbox::generate::render;
use crate::sandbox::{SandboxConfig, Shared};

pub(super) fn shared(seed: u64, users: u64) -> Shared {
    let config = SandboxConfig::default();
    Shared {
        users,
        seed,
        credentials: config.credentials,
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        faults: Mutex::new(FaultPlan::default()),
        fault_generation: AtomicU64::new(0),
        counters: Mutex::new(Counters::default()),
        requests: Mutex::new(Vec::new()),
        call_counter: AtomicU64::new(0),
    }
}

/// The written body is byte for byte the old `Value` construction rendered: same keys in the same
/// order, same numbers, same escapes, for every rule the index drives (owner, hostile kinds,
/// odd JSON, roles, used and expired credits) and several seeds.
#[test]
fn the_written_body_is_the_old_construction_byte_for_byte() {
    // Every hostile kind (`index % 25 == 7`, the kind cycling every 25) and odd JSON (`% 25 == 13`)
    // for the default seed; the first users and a few of each rule for other seeds. A few hundred
    // records: the `Value` construction is slow in a debug build.
    let rules: Vec<u64> = (0..8).flat_map(|k| [7 + 25 * k, 13 + 25 * k]).collect();
    for (seed, first) in [
        (42, 60),
        (0, 12),
        (7, 12),
        (0xDEAD_BEEF, 12),
        (u64::MAX, 12),
    ] {
        let shared = shared(seed, 1_000_000);
        let indices = (0..first)
            .chain(rules.iter().copied())
            .chain([4_321, 999_999]);
        for index in indices {
            let written = body::record(&shared, index);
            let reference = render(&value_reference::record(&shared, index));
            if written != reference {
                let at = written
                    .iter()
                    .zip(&reference)
                    .position(|(a, b)| a != b)
                    .unwrap_or(written.len().min(reference.len()));
                let context = |bytes: &[u8]| {
                    String::from_utf8_lossy(
                        &bytes[at.saturating_sub(80)..(at + 80).min(bytes.len())],
                    )
                    .into_owned()
                };
                panic!(
                    "seed {seed}, index {index}: differs at byte {at}:\n written: {}\n reference: {}",
                    context(&written),
                    context(&reference)
                );
            }
        }
    }
}

#[test]
fn odd_json_records_carry_raw_numbers() {
    let text = String::from_utf8(body::record(&shared(42, 100), 13)).unwrap();
    assert!(text.contains("\"big\":123456789012345678901234567890"));
    assert!(text.contains("\"sci\":1.0e3"));
    assert!(!text.contains("__sbx_"));
}
