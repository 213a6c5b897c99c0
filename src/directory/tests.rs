use super::*;

#[test]
fn max_ages_read_with_units() {
    assert_eq!(parse_max_age("90").unwrap(), Duration::from_secs(90));
    assert_eq!(parse_max_age("30m").unwrap(), Duration::from_secs(1800));
    assert_eq!(parse_max_age("1h").unwrap(), Duration::from_secs(3600));
    assert_eq!(parse_max_age("2d").unwrap(), Duration::from_secs(172_800));
    assert!(parse_max_age("soon").is_err());
    assert!(parse_max_age("3w").is_err());
}
