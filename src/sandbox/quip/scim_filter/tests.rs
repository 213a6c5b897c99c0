use super::*;

#[test]
fn filters_read_as_scim_writes_them() {
    assert_eq!(
        parse(r#"userName eq "a@x.com""#),
        Some(ScimFilter::UserName("a@x.com".into()))
    );
    assert_eq!(
        parse(r#"meta.lastModified gt "2026-06-01T00:00:00Z""#),
        Some(ScimFilter::ChangedAfter {
            secs: NOW_EPOCH_SECS,
            inclusive: false
        })
    );
    assert_eq!(
        parse(r#"META.LASTMODIFIED GE "2026-06-01T02:00:00+02:00""#),
        Some(ScimFilter::ChangedAfter {
            secs: NOW_EPOCH_SECS,
            inclusive: true
        })
    );
    for refused in [
        r#"name.familyName co "x""#,
        r#"meta.lastModified lt "2026-06-01T00:00:00Z""#,
        r#"meta.lastModified gt "yesterday""#,
        "userName eq x",
        "",
    ] {
        assert_eq!(parse(refused), None, "{refused}");
    }
}

#[test]
fn a_few_users_changed_in_the_two_days_before_now_and_none_before_creation() {
    let two_days_ago = NOW_EPOCH_SECS - 2 * 86_400;
    let changed: Vec<u64> = (0..200)
        .filter(|&index| changed_after(index, two_days_ago, false))
        .collect();
    assert_eq!(changed, [7, 57, 107, 157]);
    for index in (0..2_000_000).step_by(997) {
        assert!(last_modified_secs(index) > created_floor_secs(index) + 79);
    }
}
