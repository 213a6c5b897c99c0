//! The parts of `src/` and the directions they may not take (docs/ARCHITECTURE.md): a file of
//! one part that names a part it must never use fails this test, with the file and the line.
//! And no two files need each other: a cycle between files fails it too (`layering/file_graph.rs`
//! says how the graph is read, `layering/file_cycles.rs` which cycles count).
//!
//! A part is a top-level module of the crate (`src/state.rs` and everything under
//! `src/state/`); a file names a part when a path it writes reaches a file of that part (in a
//! `use`, a type or a call; read as the file graph reads it, `super::` and aliases included).
//! Test modules are read too: a test of the pure core that needs a provider belongs beside the
//! provider.

use std::path::{Path, PathBuf};

/// (the parts a rule covers, the parts they must never name, why)
const RULES: &[(&[&str], &[&str], &str)] = &[
    (
        &[
            "update",
            "state",
            "msg",
            "action",
            "effect",
            "keymap",
            "key_context",
        ],
        &[
            "provider",
            "http",
            "sandbox",
            "directory",
            "app",
            "tui",
            "commands",
            "ui",
        ],
        "the pure core does no I/O, knows no wire format and draws nothing",
    ),
    (
        &["ui", "theme"],
        &[
            "provider",
            "http",
            "sandbox",
            "directory",
            "app",
            "commands",
            "update",
        ],
        "panes only draw the state",
    ),
    (
        &["provider"],
        &[
            "state",
            "ui",
            "sandbox",
            "update",
            "app",
            "tui",
            "commands",
            "directory",
        ],
        "providers only speak HTTP and map to the model",
    ),
    (
        &["sandbox"],
        &[
            "provider",
            "model",
            "state",
            "ui",
            "update",
            "app",
            "directory",
            "audit",
        ],
        "the sandbox serves the wire formats, not the app's view of them",
    ),
    (
        &["audit"],
        &[
            "provider",
            "http",
            "ui",
            "sandbox",
            "app",
            "directory",
            "update",
            "state",
        ],
        "audit rules read records; fetching them is the scan's job (scan.rs)",
    ),
    (
        &["model", "json"],
        &[
            "provider", "http", "sandbox", "state", "ui", "update", "app", "audit",
        ],
        "the shared model and JSON helpers depend on nothing above them",
    ),
    (
        &["layout"],
        &[
            "provider",
            "http",
            "sandbox",
            "directory",
            "ui",
            "theme",
            "app",
            "tui",
            "commands",
            "state",
            "update",
            "msg",
            "effect",
            "action",
            "keymap",
            "audit",
        ],
        "the layout is geometry that the pure core and the panes share: it uses neither",
    ),
];

/// Files (or folders, ending in `/`) exempt from the rules, each with the reason.
const EXEMPT: &[(&str, &str)] = &[
    (
        "src/audit/scan.rs",
        "the scan fetches records over a provider: the audit's network job, apart from the rules",
    ),
    (
        "src/audit/tests.rs",
        "the rules' tests run them on records the real providers fetch from the sandbox",
    ),
    (
        "src/audit/tests/",
        "the rules' tests run them on records the real providers fetch from the sandbox",
    ),
    (
        "src/update/filter/tests.rs",
        "the filter's tests drive update and read the screen the panes draw from its state",
    ),
    (
        "src/ui/row_memo/tests.rs",
        "the memo's tests draw the frames of a session that update drives",
    ),
    (
        "src/provider/zooza/record/tests.rs",
        "the mapper's tests read bodies the sandbox writes, byte for byte",
    ),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// The part a file of `src/` belongs to: `src/state/list.rs` and `src/state.rs` are `state`.
fn part_of(relative: &Path) -> String {
    let first = relative
        .components()
        .nth(1)
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    first.trim_end_matches(".rs").to_owned()
}

#[test]
fn no_part_names_a_part_it_must_never_use() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let edges = file_graph::module_tree(root).edges(root);
    let mut broken = Vec::new();
    for edge in &edges {
        if EXEMPT.iter().any(|(path, _)| {
            *path == edge.from || (path.ends_with('/') && edge.from.starts_with(path))
        }) {
            continue;
        }
        let (part, named) = (part_of(Path::new(&edge.from)), part_of(Path::new(&edge.to)));
        for (covered, forbidden, why) in RULES {
            if covered.contains(&part.as_str()) && forbidden.contains(&named.as_str()) {
                broken.push(format!(
                    "{}:{}: `{part}` names `{named}` ({why})",
                    edge.from, edge.line
                ));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "{} lines cross a layer:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

/// Whether a line declares a `static` item or a `thread_local!`: state that lives outside the
/// value a part is given, shared by every caller.
fn declares_hidden_state(line: &str) -> bool {
    let code = line.split("//").next().unwrap_or("").trim_start();
    let item = code
        .strip_prefix("pub ")
        .or_else(|| code.strip_prefix("pub(crate) "))
        .or_else(|| code.strip_prefix("pub(super) "))
        .unwrap_or(code);
    item.starts_with("static ") || item.starts_with("thread_local!")
}

#[test]
fn the_pure_core_and_the_panes_keep_no_hidden_state() {
    // A frame is a function of the state and the view's own memo (`ui::DrawnRows`), an update
    // of the state and the message: neither reads a cache or a counter kept elsewhere.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    files.sort();
    let mut hidden = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(root).expect("under the crate");
        let part = part_of(relative);
        if !["ui", "state", "update", "layout"].contains(&part.as_str()) {
            continue;
        }
        let text = std::fs::read_to_string(file).expect("a source file is readable");
        for (number, line) in text.lines().enumerate() {
            if declares_hidden_state(line) {
                hidden.push(format!(
                    "{}:{}: {}",
                    relative.display(),
                    number + 1,
                    line.trim()
                ));
            }
        }
    }
    assert!(
        hidden.is_empty(),
        "state kept outside the values given:\n{}",
        hidden.join("\n")
    );
    assert!(declares_hidden_state(
        "static NEXT: AtomicU64 = AtomicU64::new(1);"
    ));
    assert!(declares_hidden_state("thread_local! {"));
    assert!(!declares_hidden_state("fn name(&self) -> &'static str {"));
}

#[test]
fn a_file_belongs_to_the_part_it_is_under() {
    assert_eq!(part_of(Path::new("src/state/list.rs")), "state");
    assert_eq!(part_of(Path::new("src/state.rs")), "state");
}

#[path = "layering/file_cycles.rs"]
mod file_cycles;
#[path = "layering/file_graph.rs"]
mod file_graph;
#[path = "layering/graph_tests.rs"]
mod graph_tests;
#[path = "layering/rust_tokens.rs"]
mod rust_tokens;

#[test]
fn no_two_files_need_each_other() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let edges = file_graph::module_tree(root).edges(root);
    let cycles: Vec<Vec<String>> = file_cycles::file_cycles(&edges);
    let shown: Vec<String> = cycles
        .iter()
        .map(|group| {
            let inside: Vec<String> = edges
                .iter()
                .filter(|e| group.contains(&e.from) && group.contains(&e.to))
                .map(|e| format!("    {}:{} names {}", e.from, e.line, e.to))
                .collect();
            format!("  {}\n{}", group.join(" <-> "), inside.join("\n"))
        })
        .collect();
    assert!(
        cycles.is_empty(),
        "{} groups of files name each other in a cycle:\n{}",
        cycles.len(),
        shown.join("\n")
    );
}
