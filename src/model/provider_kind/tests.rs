use super::*;

#[test]
fn names_round_trip() {
    for kind in ProviderKind::ALL {
        assert_eq!(ProviderKind::from_name(kind.name()), Some(kind));
    }
    assert_eq!(ProviderKind::from_name("nope"), None);
}
