use super::*;
use crate::model::UserSummary;

fn user(name: &str, email: &str, role: Option<&str>) -> UserSummary {
    UserSummary {
        id: "1".into(),
        name: name.into(),
        email: email.into(),
        role: role.map(str::to_owned),
        status: Vec::new(),
    }
}

#[test]
fn names_are_cut_in_the_middle_and_emails_in_the_domain_first() {
    assert_eq!(fit_middle("Zoë Ó Súilleabháin", 9), "Zoë …háin");
    assert_eq!(fit_middle("short", 9), "short");
    assert_eq!(
        fit_middle("山田 太郎", 6),
        "山…郎",
        "a wide glyph is never split"
    );
    assert_eq!(
        fit_email("jan.horvathova@example.net", 22),
        "jan.horvathova@exa…net"
    );
    assert_eq!(fit_email("jan.horvathova@example.net", 12), "jan.horvath…");
    for width in 0..30 {
        assert!(fit_email("jan.horvathova@example.net", width).width() <= width);
        assert!(fit_middle("Zoë Ó Súilleabháin", width).width() <= width);
    }
}

#[test]
fn name_and_email_come_first_and_the_other_columns_join_as_width_allows() {
    let page = [
        user(
            "Ján Horváthová",
            "jan.horvathova@example.net",
            Some("Admin"),
        ),
        user("Asha Rao", "asha.rao@example.in", None),
    ];
    // The list beside the detail pane at 80 columns: name and e-mail only, both readable.
    let narrow = Columns::fit(30, &page.iter().map(UserRef::from));
    assert_eq!((narrow.role, narrow.status, narrow.finding), (0, 0, 0));
    assert!(narrow.name >= 12 && narrow.email >= 12, "{narrow:?}");
    // At 140 columns the list is 56 wide: the role joins, whole name and e-mail kept.
    let wide = Columns::fit(56, &page.iter().map(UserRef::from));
    assert_eq!((wide.name, wide.email), (14, 26));
    assert_eq!((wide.role, wide.status, wide.finding), (5, 0, 0));
    // Zoomed: everything.
    let zoomed = Columns::fit(118, &page.iter().map(UserRef::from));
    assert_eq!((zoomed.role, zoomed.status, zoomed.finding), (5, 8, 8));
    // No role on the page: no ROLE column.
    let roleless = Columns::fit(118, &page[1..].iter().map(UserRef::from));
    assert_eq!(roleless.role, 0);
}
