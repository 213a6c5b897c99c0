use super::*;
use crate::model::UserSummary;
use crate::state::{RequestId, UserListState};

fn user(id: &str, name: &str, email: &str, role: Option<&str>) -> UserSummary {
    UserSummary {
        id: id.into(),
        name: name.into(),
        email: email.into(),
        role: role.map(str::to_owned),
        status: Vec::new(),
    }
}

fn users() -> Vec<UserSummary> {
    vec![
        user("1", "carol", "c@x.io", Some("Viewer")),
        user("2", "Alice", "z@x.io", None),
        user("3", "bob", "a@x.io", Some("admin")),
    ]
}

fn names(list: &UserListState) -> Vec<&str> {
    list.rows()
        .iter()
        .filter_map(|index| list.users.get(*index).map(|user| user.name))
        .collect()
}

#[test]
fn each_column_orders_the_rows_ignoring_case_and_back_to_the_providers() {
    let mut list = UserListState::default();
    list.merge(users());
    let by = |column, reversed| ListSort { column, reversed };
    list.set_sort(by(SortColumn::Name, false));
    assert_eq!(names(&list), ["Alice", "bob", "carol"]);
    list.set_sort(by(SortColumn::Name, true));
    assert_eq!(names(&list), ["carol", "bob", "Alice"]);
    list.set_sort(by(SortColumn::Email, false));
    assert_eq!(names(&list), ["bob", "carol", "Alice"]);
    list.set_sort(by(SortColumn::Role, false));
    assert_eq!(names(&list), ["bob", "carol", "Alice"], "no role last");
    list.set_sort(ListSort::default());
    assert_eq!(names(&list), ["carol", "Alice", "bob"]);
    assert!(!list.rows_are_sorted());
}

#[test]
fn the_cursor_stays_on_its_user_and_new_users_are_merged_in_order() {
    let mut list = UserListState::default();
    list.merge(users());
    list.cursor = 0; // carol
    list.set_sort(ListSort {
        column: SortColumn::Name,
        reversed: false,
    });
    assert_eq!(list.selected().map(|user| user.name), Some("carol"));
    list.merge(vec![
        user("4", "aaron", "b@x.io", None),
        user("5", "dave", "d@x.io", None),
    ]);
    assert_eq!(names(&list), ["aaron", "Alice", "bob", "carol", "dave"]);
    assert_eq!(list.selected().map(|user| user.name), Some("carol"));
}

#[test]
fn a_filter_shows_its_ranking_and_the_sort_returns_when_it_is_cleared() {
    let mut list = UserListState::default();
    list.merge(users());
    list.set_sort(ListSort {
        column: SortColumn::Name,
        reversed: true,
    });
    list.filter = tui_input::Input::new("o".into());
    assert!(list.refilter(RequestId(1)).is_none());
    let ranking = list.rows().to_vec();
    assert!(!list.rows_are_sorted(), "the rows are the filter's ranking");
    // Sorting under the filter leaves the ranking as it is.
    list.set_sort(ListSort::default());
    list.set_sort(ListSort {
        column: SortColumn::Email,
        reversed: false,
    });
    assert_eq!(list.rows(), ranking);
    list.filter.reset();
    list.refilter(RequestId(2));
    assert_eq!(names(&list), ["bob", "carol", "Alice"], "by e-mail again");
    assert!(list.rows_are_sorted());
}

#[test]
fn merging_equals_sorting_the_whole_list() {
    let all: Vec<UserSummary> = (0..60)
        .map(|index| {
            let name = format!("{}{index}", ["zed", "Amy", "bo", "Cy"][index % 4]);
            user(&index.to_string(), &name, &format!("{index}@x"), None)
        })
        .collect();
    for column in [SortColumn::Name, SortColumn::Email, SortColumn::Role] {
        for reversed in [false, true] {
            let sort = ListSort { column, reversed };
            let mut paged = UserListState::default();
            paged.set_sort(sort);
            for chunk in all.chunks(7) {
                paged.merge(chunk.to_vec());
            }
            let mut whole = UserListState::default();
            whole.merge(all.clone());
            whole.set_sort(sort);
            assert_eq!(paged.rows(), whole.rows(), "{sort:?}");
        }
    }
}
