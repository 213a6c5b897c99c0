use super::*;

#[test]
fn seats_and_people_map_back_to_each_other() {
    for provider in [ZOO, ZOOZA, QUIP, SCANOVA] {
        for index in (0..2_000).step_by(2) {
            let person = seated_person(provider, index).unwrap();
            assert_eq!(seat_of(provider, person), Some(index));
        }
        assert_eq!(seated_person(provider, 7), None);
    }
}

#[test]
fn every_provider_holds_the_same_share_and_some_people_are_everywhere() {
    for provider in [ZOO, ZOOZA, QUIP, SCANOVA] {
        assert_eq!(residues(provider).count() as u64, SEATS_PER_ROUND);
    }
    for person in [0, 8, 80_000] {
        let seats: Vec<_> = [ZOO, ZOOZA, QUIP, SCANOVA]
            .iter()
            .map(|&p| seat_of(p, person))
            .collect();
        assert_eq!(seats, vec![Some(person / 8 * 10); 4]);
    }
    // Person 1 is in Zoo and Quip only.
    assert!(seat_of(ZOO, 1).is_some() && seat_of(QUIP, 1).is_some());
    assert!(seat_of(ZOOZA, 1).is_none() && seat_of(SCANOVA, 1).is_none());
}

#[test]
fn accounts_drift_apart_in_every_way_somewhere() {
    let variants: Vec<_> = (0..200)
        .map(|person| AccountVariant::of(42, QUIP, person))
        .collect();
    for variant in [
        AccountVariant::Same,
        AccountVariant::CapitalisedEmail,
        AccountVariant::OtherSpelling,
        AccountVariant::OtherAddress,
    ] {
        assert!(variants.contains(&variant), "{variant:?}");
    }
}
