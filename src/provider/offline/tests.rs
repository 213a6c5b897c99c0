use super::*;

#[test]
fn splits_an_export_of_several_bodies_byte_for_byte() {
    let export =
        br#"{"admin_details":{"b":1.50, "z":1},"profile":{"a":123456789012345678901234567890}}"#;
    let parts = split_bodies(export).unwrap();
    assert_eq!(&parts["admin_details"][..], br#"{"b":1.50, "z":1}"#);
    assert_eq!(
        &parts["profile"][..],
        br#"{"a":123456789012345678901234567890}"#
    );
    assert!(split_bodies(b"[1,2]").is_none());
}
