use super::*;

#[test]
fn thousands_separators() {
    assert_eq!(thousands(0), "0");
    assert_eq!(thousands(999), "999");
    assert_eq!(thousands(4_210), "4,210");
    assert_eq!(thousands(1_000_000), "1,000,000");
}
