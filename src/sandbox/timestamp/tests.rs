use super::*;

fn written(secs: i64) -> String {
    serde_json::to_string(&Timestamp(secs)).unwrap()
}

#[test]
fn timestamps_read_as_chrono_writes_them() {
    // Every day from 1970 to 2100 at a varying time of day, the edges, and beyond them.
    let mut cases: Vec<i64> = (0..47_500)
        .map(|day: i64| day * 86_400 + (day * 7_919) % 86_400)
        .collect();
    cases.extend([
        0,
        1_609_459_200,
        1_780_272_000,
        951_782_400,   // 2000-02-29
        4_107_542_399, // 2100-02-28T23:59:59
        LAST_FOUR_DIGIT_SECS,
        LAST_FOUR_DIGIT_SECS + 1,
        -1,
        -86_400 * 400,
    ]);
    for secs in cases {
        assert_eq!(written(secs), format!("\"{}\"", rfc3339(secs)), "{secs}");
        let mut out = Vec::new();
        Timestamp(secs).write_json(&mut out);
        assert_eq!(out, written(secs).as_bytes(), "{secs}");
    }
}

#[test]
fn a_timestamp_member_is_written_as_serde_json_writes_it() {
    let mut out = Vec::new();
    ObjectOut::new(&mut out)
        .u64("id", 1)
        .timestamp("at", Timestamp(1_780_272_000))
        .end();
    let expected = serde_json::json!({"id": 1, "at": "2026-06-01T00:00:00Z"});
    assert_eq!(out, serde_json::to_vec(&expected).unwrap());
}
