use super::*;

#[test]
fn ids_map_back_to_their_index() {
    for index in [0, 1, 7, 999_999] {
        assert_eq!(
            zoo_index_from_uuid(42, 1_000_000, &zoo_uuid(42, index)),
            Some(index)
        );
        let email = person(42, ZOO, index).email;
        assert_eq!(index_from_email(42, ZOO, 1_000_000, &email), Some(index));
        let quip = quip_id(42, b'U', index);
        assert_eq!(quip.len(), 11);
        assert_eq!(quip_number(42, b'U', &quip), Some(index));
    }
    assert_eq!(zoo_index_from_uuid(42, 10, &zoo_uuid(42, 11)), None);
    assert_eq!(quip_number(42, b'U', "UAAAAAAAAAA"), None);
}

#[test]
fn formula_names_cycle_through_every_start_and_leave_other_records_alone() {
    let starts: Vec<char> = (0..4)
        .map(|k| {
            let index = 19 + 25 * k;
            let who = person(42, ZOOZA, index);
            assert_eq!(who.hostile, None);
            who.full_name().chars().next().unwrap()
        })
        .collect();
    assert_eq!(starts, ['=', '@', '+', '-']);
    // The hostile records and every other name are what they were.
    assert_eq!(formula_first_name(7, "Ava"), None);
    assert_eq!(person(42, ZOOZA, 7).hostile, Some(HostileKind::Csi));
    assert!(person(42, ZOOZA, 17).first.chars().all(char::is_alphabetic));
}

#[test]
fn residue_sequences_count_and_index() {
    let seq = ResidueSeq {
        modulus: 10,
        residues: vec![0, 3],
        total: 25,
        skip_zero: true,
    };
    let all: Vec<u64> = (0..seq.len()).filter_map(|k| seq.nth(k)).collect();
    assert_eq!(all, vec![3, 10, 13, 20, 23]);
    assert_eq!(seq.nth(5), None);
}

#[test]
fn odd_json_splices_raw_numbers() {
    let body = render(&serde_json::json!({"f": future_field()}));
    let text = String::from_utf8(body).unwrap();
    assert!(text.contains("\"big\":123456789012345678901234567890"));
    assert!(text.contains("\"sci\":1.0e3"));
}

#[test]
fn scanova_timestamps_have_micros_and_ist() {
    assert_eq!(
        ist_micros(1_694_429_902, 227_002),
        "2023-09-11T16:28:22.227002+05:30"
    );
}
