use super::*;
use crate::model::UserSummary;

#[test]
fn the_selection_covers_the_name_only_and_stays_visible_without_colour() {
    let user = UserSummary {
        id: "1".into(),
        name: "Anna Berg".into(),
        email: "anna@x.io".into(),
        role: None,
        status: vec![StatusMarker::Disabled],
    };
    let look = RowLook {
        severity: None,
        selected: true,
        marked: false,
        columns: Columns::fit(40, &std::iter::once(UserRef::from(&user))),
    };
    for theme in [Theme::dark(), Theme::no_color()] {
        let line = row_line(UserRef::from(&user), &look, &RowStyles::of(&theme, true));
        let styled: Vec<(&str, bool)> = line
            .spans
            .iter()
            .filter(|span| !span.content.is_empty())
            .map(|span| (span.content.as_ref(), span.style == theme.selection(true)))
            .collect();
        assert_eq!(
            styled,
            [
                (" ✕", false),
                (" ", false),
                (" ", true),
                ("Anna Berg", true),
                (" ", true),
                ("anna@x.io", false),
                (" ", false),
                ("disabled", false),
            ]
        );
        assert_ne!(theme.selection(true), theme.text());
    }
}
