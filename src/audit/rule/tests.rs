use super::*;

#[test]
fn severities_order_and_parse() {
    assert!(Severity::Info < Severity::Low);
    assert!(Severity::High < Severity::Critical);
    assert_eq!(" HIGH ".parse::<Severity>(), Ok(Severity::High));
    assert!("urgent".parse::<Severity>().is_err());
    assert_eq!(Severity::Medium.to_string(), "medium");
}
