//! The file graph's reader and its cycle rule, each on small inputs whose answer is known.

use crate::{file_cycles, file_graph};

#[test]
fn the_graph_reads_every_form_of_a_path() {
    let mut files = std::collections::BTreeMap::new();
    for (module, file) in [
        (&[][..], "src/lib.rs"),
        (&["state"][..], "src/state.rs"),
        (&["state", "list"][..], "src/state/list.rs"),
        (&["keymap"][..], "src/keymap.rs"),
        (&["keymap", "defaults"][..], "src/keymap/defaults.rs"),
    ] {
        let module: Vec<String> = module.iter().map(|s| (*s).to_owned()).collect();
        files.insert(module, file.to_owned());
    }
    let tree = file_graph::ModuleTree { files };
    let named = |module: &[&str], source: &str| -> Vec<String> {
        let mut named: Vec<String> = tree
            .named_in_source(module, source)
            .into_iter()
            .map(|(file, _)| file)
            .collect();
        named.sort();
        named.dedup();
        named
    };
    // The deepest file a path reaches; a re-export through the parent names the parent.
    assert_eq!(
        named(&["keymap"], "use crate::state::list::HeldUsers;"),
        ["src/state/list.rs"]
    );
    assert_eq!(
        named(&["keymap"], "use crate::state::KeyContext;"),
        ["src/state.rs"]
    );
    assert_eq!(
        named(&["keymap"], "use crate::{state::{self, list::Row}};"),
        ["src/state/list.rs"]
    );
    // A module alias alone is no edge; the paths through it are.
    assert_eq!(named(&["keymap"], "use crate::state;"), [] as [&str; 0]);
    assert_eq!(
        named(
            &["keymap"],
            "use crate::state;\nfn f() { state::list::g() }"
        ),
        ["src/state/list.rs"]
    );
    // `super::` from the file, and from an inline test module.
    assert_eq!(
        named(&["keymap", "defaults"], "use super::KeyBinding;"),
        ["src/keymap.rs"]
    );
    assert_eq!(
        named(
            &["keymap"],
            "mod tests {\n use super::*;\n}\nfn f() { super::state::S }"
        ),
        ["src/keymap.rs", "src/state.rs"]
    );
    // Declaring and re-exporting children are no edges; using a child is one.
    assert_eq!(
        named(&["state"], "mod list;\npub use list::Row;"),
        [] as [&str; 0]
    );
    assert_eq!(named(&["state"], "use list::Row;"), ["src/state/list.rs"]);
    // Comments and strings are not read.
    assert_eq!(
        named(
            &["keymap"],
            "// crate::state::X\nlet s = \"crate::state::Y\";"
        ),
        [] as [&str; 0]
    );
    assert!(file_cycles::is_under("src/state/list.rs", "src/state.rs"));
    assert!(!file_cycles::is_under("src/state.rs", "src/state/list.rs"));
    assert!(!file_cycles::is_under("src/statement.rs", "src/state.rs"));
}

#[test]
fn a_cycle_counts_unless_it_goes_down_the_tree_and_back_up() {
    let graph = |edges: &[(&str, &str)]| -> Vec<Vec<String>> {
        let edges: Vec<file_graph::Edge> = edges
            .iter()
            .map(|(from, to)| file_graph::Edge {
                from: format!("src/{from}"),
                to: format!("src/{to}"),
                line: 1,
            })
            .collect();
        file_cycles::file_cycles(&edges)
    };
    // Two files that are not each other's ancestors.
    assert_eq!(
        graph(&[("keymap.rs", "state.rs"), ("state.rs", "keymap.rs")]),
        [["src/keymap.rs", "src/state.rs"]]
    );
    // A parent calling its child, the child using the parent's items.
    assert!(graph(&[("state.rs", "state/list.rs"), ("state/list.rs", "state.rs")]).is_empty());
    // Down into a child, across and back to the parent from outside.
    assert_eq!(
        graph(&[
            ("provider/zooza.rs", "provider/zooza/record.rs"),
            ("provider/zooza/record.rs", "provider/deferred.rs"),
            ("provider/deferred.rs", "provider/zooza.rs"),
        ])
        .len(),
        1
    );
    // Found by both searches, overlapping: shown once.
    assert_eq!(
        graph(&[
            ("action.rs", "state.rs"),
            ("keymap.rs", "action.rs"),
            ("keymap.rs", "keymap/defaults.rs"),
            ("keymap/defaults.rs", "state.rs"),
            ("state.rs", "keymap.rs"),
        ]),
        [[
            "src/action.rs",
            "src/keymap.rs",
            "src/keymap/defaults.rs",
            "src/state.rs"
        ]]
    );
    // A parent as its children's hub: down, across, back up.
    assert!(
        graph(&[
            ("update.rs", "update/keys.rs"),
            ("update/keys.rs", "update/command.rs"),
            ("update/command.rs", "update.rs"),
        ])
        .is_empty()
    );
}
