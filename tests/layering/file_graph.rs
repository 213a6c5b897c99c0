//! Which file of `src/` names which, and the cycles between files: the graph the no-cycle test
//! walks.
//!
//! The nodes are the files of the module tree, read from `src/lib.rs` by following `mod x;`
//! (and `#[path]`), so a test file placed by `#[path]` is the module it really is. An edge
//! `a -> b` means a path written in `a` reaches an item of `b`:
//!
//! - a path names the deepest file its prefix reaches: `crate::state::list::HeldUsers` names
//!   `src/state/list.rs`, `crate::state::KeyContext` names `src/state.rs` (a re-export reached
//!   through the parent names the parent: that is the file the reader opens);
//! - `super::` and `self::` paths (counted from the inline module they sit in, so a `mod
//!   tests { use super::*; }` names its own file), paths through a `use`d module (`use
//!   crate::state; state::list::X`) and paths through a child (`list::X` in `state.rs`) resolve
//!   the same way; a `use` of a module alone is a name for it, not an edge;
//! - a module declaring its descendants (`mod x;`) or re-exporting their items (`pub use
//!   x::Y;`) is not an edge: that is how Rust builds the tree and a module's public face;
//! - comments and string literals are not read; a first segment that is no module of the crate
//!   (`std::`, `Self::`, a local type) names nothing.
//!
//! Parent and child: a child uses its parent's items (`super::Shared`, `use super::*` in its
//! tests) and a parent calls its children. Each is how Rust's module tree works, and together
//! they would make every such pair a cycle. So a cycle counts when it can be walked without
//! going both down to a descendant and back up to an ancestor: the graph is searched twice,
//! once without the edges up and once without the edges down. Any cycle through files that are
//! not each other's ancestors shows (`keymap.rs <-> state.rs`, two siblings), and so does one
//! that passes a parent in one direction only (`zooza.rs -> zooza/record.rs -> deferred.rs ->
//! zooza.rs`). What it leaves is a parent as its children's hub: `update.rs` calls `keys.rs`,
//! which calls `command.rs`, which uses a helper of `update.rs` -- one module and its parts.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The module path of every file of the tree, and the file of every module path.
pub struct ModuleTree {
    /// Module path (`["state", "list"]`) -> file, relative to the crate (`src/state/list.rs`).
    pub files: BTreeMap<Vec<String>, String>,
}

/// Where a file names another, for the failure message.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edge {
    /// The file that names.
    pub from: String,
    /// The file named.
    pub to: String,
    /// The first line of `from` that names `to`.
    pub line: usize,
}

/// A token of code: an identifier, `::` or one punctuation character, with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Token {
    text: String,
    line: usize,
}

/// The tokens of a source file, comments, string and character literals left out.
fn tokens(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        let next = chars.get(at + 1).copied();
        if c == '\n' {
            line += 1;
            at += 1;
        } else if c == '/' && next == Some('/') {
            while at < chars.len() && chars[at] != '\n' {
                at += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while at < chars.len() {
                if chars[at] == '/' && chars.get(at + 1) == Some(&'*') {
                    depth += 1;
                    at += 2;
                } else if chars[at] == '*' && chars.get(at + 1) == Some(&'/') {
                    depth -= 1;
                    at += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    line += usize::from(chars[at] == '\n');
                    at += 1;
                }
            }
        } else if c == '"' || (c == 'r' && matches!(next, Some('"' | '#')) && is_raw(&chars, at)) {
            at = skip_string(&chars, at, &mut line);
        } else if c == 'b' && matches!(next, Some('"' | 'r')) && is_byte_string(&chars, at) {
            at = skip_string(&chars, at + 1, &mut line);
        } else if c == '\'' {
            at = skip_char_or_lifetime(&chars, at);
        } else if c.is_alphabetic() || c == '_' {
            let start = at;
            while at < chars.len() && (chars[at].is_alphanumeric() || chars[at] == '_') {
                at += 1;
            }
            let text: String = chars[start..at].iter().collect();
            out.push(Token { text, line });
        } else if c == ':' && next == Some(':') {
            out.push(Token {
                text: "::".into(),
                line,
            });
            at += 2;
        } else if c.is_whitespace() || c.is_numeric() {
            at += 1;
        } else {
            out.push(Token {
                text: c.to_string(),
                line,
            });
            at += 1;
        }
    }
    out
}

/// Whether `r` at `at` opens a raw string (`r"`, `r#"`) rather than ending an identifier.
fn is_raw(chars: &[char], at: usize) -> bool {
    let before = at.checked_sub(1).map(|i| chars[i]);
    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
        return false;
    }
    let mut i = at + 1;
    while chars.get(i) == Some(&'#') {
        i += 1;
    }
    chars.get(i) == Some(&'"')
}

/// Whether `b` at `at` opens a byte string (`b"`, `br"`).
fn is_byte_string(chars: &[char], at: usize) -> bool {
    let before = at.checked_sub(1).map(|i| chars[i]);
    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
        return false;
    }
    chars.get(at + 1) == Some(&'"') || is_raw(chars, at + 1)
}

/// Past a string literal starting at `at` (`"`, `r"`, `r#"`): the index after its end.
fn skip_string(chars: &[char], mut at: usize, line: &mut usize) -> usize {
    let raw = chars[at] == 'r';
    let mut hashes = 0;
    if raw {
        at += 1;
        while chars.get(at) == Some(&'#') {
            hashes += 1;
            at += 1;
        }
    }
    at += 1; // the opening quote
    while at < chars.len() {
        let c = chars[at];
        if c == '\n' {
            *line += 1;
        }
        if !raw && c == '\\' {
            if chars.get(at + 1) == Some(&'\n') {
                *line += 1;
            }
            at += 2;
            continue;
        }
        if c == '"' && (0..hashes).all(|k| chars.get(at + 1 + k) == Some(&'#')) {
            return at + 1 + hashes;
        }
        at += 1;
    }
    at
}

/// Past a character literal (`'x'`, `'\n'`, `'\u{1b}'`) or a lifetime (`'a`) at `at`.
fn skip_char_or_lifetime(chars: &[char], at: usize) -> usize {
    if chars.get(at + 1) == Some(&'\\') {
        let mut i = at + 2;
        while i < chars.len() && chars[i] != '\'' {
            i += 1;
        }
        return i + 1;
    }
    if chars.get(at + 2) == Some(&'\'') {
        return at + 3;
    }
    at + 1 // a lifetime: its name is read as an identifier, which names nothing
}

/// Reads the module tree from `src/lib.rs`, following `mod x;` and `#[path = "..."]`.
pub fn module_tree(root: &Path) -> ModuleTree {
    let mut files = BTreeMap::new();
    let mut todo = vec![(Vec::new(), PathBuf::from("src/lib.rs"))];
    while let Some((module, file)) = todo.pop() {
        let Ok(source) = std::fs::read_to_string(root.join(&file)) else {
            continue;
        };
        let is_root = file
            .file_name()
            .is_some_and(|n| n == "lib.rs" || n == "mod.rs");
        let own_dir = file.parent().unwrap_or(Path::new("")).to_path_buf();
        let child_dir = if is_root {
            own_dir.clone()
        } else {
            file.with_extension("")
        };
        let mut pending_path: Option<String> = None;
        for line in source.lines() {
            let line = line.trim();
            if let Some(rest) = line.strip_prefix("#[path = \"") {
                pending_path = rest.split('"').next().map(str::to_owned);
                continue;
            }
            let declared = line
                .strip_prefix("pub ")
                .or_else(|| line.strip_prefix("pub(crate) "))
                .unwrap_or(line)
                .strip_prefix("mod ")
                .and_then(|rest| rest.strip_suffix(';'));
            match declared {
                Some(name) => {
                    let child = match pending_path.take() {
                        Some(path) => own_dir.join(path),
                        None if root.join(child_dir.join(format!("{name}.rs"))).exists() => {
                            child_dir.join(format!("{name}.rs"))
                        }
                        None => child_dir.join(name).join("mod.rs"),
                    };
                    let mut child_module = module.clone();
                    child_module.push(name.to_owned());
                    todo.push((child_module, child));
                }
                None if !line.starts_with("#[") => pending_path = None,
                None => {}
            }
        }
        files.insert(module, file.to_string_lossy().replace('\\', "/"));
    }
    ModuleTree { files }
}

impl ModuleTree {
    /// The file a module path reaches: its deepest prefix that is a file of the tree.
    fn file_of(&self, path: &[String]) -> Option<&String> {
        (0..=path.len())
            .rev()
            .find_map(|len| self.files.get(&path[..len]))
    }

    /// Every edge of the graph, once per (from, to), at the first line that names it.
    pub fn edges(&self, root: &Path) -> Vec<Edge> {
        let mut first: BTreeMap<(String, String), usize> = BTreeMap::new();
        for (module, file) in &self.files {
            let source =
                std::fs::read_to_string(root.join(file)).expect("a source file is readable");
            for (target, line) in self.named_in(module, &tokens(&source)) {
                if &target != file {
                    first.entry((file.clone(), target)).or_insert(line);
                }
            }
        }
        first
            .into_iter()
            .map(|((from, to), line)| Edge { from, to, line })
            .collect()
    }

    /// The files a source of module `module` names, with the line of each naming.
    pub fn named_in_source(&self, module: &[&str], source: &str) -> Vec<(String, usize)> {
        let module: Vec<String> = module.iter().map(|s| (*s).to_owned()).collect();
        self.named_in(&module, &tokens(source))
    }

    /// The files a file's tokens name, with the line of each naming.
    fn named_in(&self, module: &[String], tokens: &[Token]) -> Vec<(String, usize)> {
        let mut reader = Reader {
            tree: self,
            file_module: module.to_vec(),
            tokens,
            at: 0,
            depth: 0,
            inline: Vec::new(),
            aliases: BTreeMap::new(),
            named: Vec::new(),
        };
        reader.read();
        reader.named
    }
}

/// One pass over a file's tokens.
struct Reader<'a> {
    tree: &'a ModuleTree,
    file_module: Vec<String>,
    tokens: &'a [Token],
    at: usize,
    /// Brace depth, to know when an inline module closes.
    depth: usize,
    /// The inline modules open here (`mod tests {`), each with the depth inside it.
    inline: Vec<(String, usize)>,
    /// Names a `use` bound to a module of the crate (`use crate::state;` -> `state`).
    aliases: BTreeMap<String, Vec<String>>,
    named: Vec<(String, usize)>,
}

impl Reader<'_> {
    fn text(&self, at: usize) -> &str {
        self.tokens.get(at).map_or("", |t| t.text.as_str())
    }

    fn current_module(&self) -> Vec<String> {
        let mut module = self.file_module.clone();
        module.extend(self.inline.iter().map(|(name, _)| name.clone()));
        module
    }

    fn read(&mut self) {
        while self.at < self.tokens.len() {
            match self.text(self.at) {
                "{" => {
                    self.depth += 1;
                    if self.at >= 2 && self.text(self.at - 2) == "mod" {
                        let name = self.text(self.at - 1).to_owned();
                        self.inline.push((name, self.depth));
                    }
                    self.at += 1;
                }
                "}" => {
                    if self.inline.last().is_some_and(|(_, d)| *d == self.depth) {
                        self.inline.pop();
                    }
                    self.depth = self.depth.saturating_sub(1);
                    self.at += 1;
                }
                "use" => self.read_use(),
                "::" => self.at += 1, // inside a path read already, or `::std`
                _ => self.read_path(),
            }
        }
    }

    /// Whether the `use` at `self.at` is public (`pub use`, `pub(crate) use`).
    fn use_is_public(&self) -> bool {
        let mut back = self.at;
        if back >= 1 && self.text(back - 1) == ")" {
            while back > 0 && self.text(back - 1) != "(" {
                back -= 1;
            }
            back = back.saturating_sub(1);
        }
        back >= 1 && self.text(back - 1) == "pub"
    }

    fn read_use(&mut self) {
        let public = self.use_is_public();
        self.at += 1;
        if self.text(self.at) == "<" {
            return; // `impl Trait + use<'a>`: a capture list, not an import
        }
        let mut leaves = Vec::new();
        self.use_tree(&mut Vec::new(), &mut leaves);
        for (path, binding, line) in leaves {
            let Some(absolute) = self.resolve(&path) else {
                continue;
            };
            if self.tree.files.contains_key(&absolute) && binding.as_deref() != Some("*") {
                // A name for a module: the paths through it are the edges.
                if let Some(name) = binding {
                    self.aliases.insert(name, absolute);
                }
                continue;
            }
            let is_descendant = absolute.len() > self.file_module.len()
                && absolute.starts_with(&self.file_module)
                && self.tree.file_of(&absolute) != self.tree.files.get(&self.file_module);
            if public && is_descendant {
                continue; // a module's public face, made of its children
            }
            self.name(&absolute, line);
        }
    }

    /// One use tree: `a::b::{c, d::e as f, self, *}`, each leaf with its binding and line.
    fn use_tree(
        &mut self,
        prefix: &mut Vec<String>,
        leaves: &mut Vec<(Vec<String>, Option<String>, usize)>,
    ) {
        let depth = prefix.len();
        loop {
            let token = self.text(self.at).to_owned();
            let line = self.tokens.get(self.at).map_or(0, |t| t.line);
            match token.as_str() {
                "" | ";" => break,
                "::" => self.at += 1,
                "{" => {
                    self.at += 1;
                    while !matches!(self.text(self.at), "}" | "") {
                        self.use_tree(prefix, leaves);
                        if self.text(self.at) == "," {
                            self.at += 1;
                        }
                    }
                    self.at += 1;
                    break;
                }
                "*" => {
                    leaves.push((prefix.clone(), Some("*".into()), line));
                    self.at += 1;
                    break;
                }
                "," | "}" => {
                    break;
                }
                "as" => {
                    self.at += 1;
                    let alias = self.text(self.at).to_owned();
                    if let Some(last) = leaves.last_mut() {
                        last.1 = Some(alias);
                    }
                    self.at += 1;
                    break;
                }
                name => {
                    let name = name.to_owned();
                    self.at += 1;
                    if name == "self" && self.text(self.at) != "::" && !prefix.is_empty() {
                        let binding = prefix.last().cloned();
                        leaves.push((prefix.clone(), binding, line));
                        continue;
                    }
                    prefix.push(name.clone());
                    if self.text(self.at) != "::" {
                        leaves.push((prefix.clone(), Some(name), line));
                    }
                }
            }
        }
        prefix.truncate(depth);
        if self.text(self.at) == ";" {
            self.at += 1;
        }
    }

    /// A path outside a `use`: `crate::a::b`, `super::x`, `alias::x`, `child::x`.
    fn read_path(&mut self) {
        let start = self.at;
        let line = self.tokens[start].line;
        let mut path = vec![self.text(start).to_owned()];
        self.at += 1;
        while self.text(self.at) == "::"
            && self
                .text(self.at + 1)
                .starts_with(|c: char| c.is_alphabetic() || c == '_')
        {
            path.push(self.text(self.at + 1).to_owned());
            self.at += 2;
        }
        let after_colons = start >= 1 && self.text(start - 1) == "::";
        if path.len() < 2 || after_colons {
            return;
        }
        if let Some(absolute) = self.resolve(&path) {
            self.name(&absolute, line);
        }
    }

    /// The absolute module path of a written path, or `None` when it leaves the crate.
    fn resolve(&self, path: &[String]) -> Option<Vec<String>> {
        let first = path.first()?;
        let here = self.current_module();
        let mut absolute = match first.as_str() {
            "crate" => Vec::new(),
            "self" => here,
            "super" => {
                let mut module = here;
                let supers = path.iter().take_while(|s| *s == "super").count();
                for _ in 0..supers {
                    module.pop()?;
                }
                module.extend(path[supers..].iter().cloned());
                return Some(module);
            }
            name => {
                if let Some(target) = self.aliases.get(name) {
                    target.clone()
                } else {
                    let mut child = here;
                    child.push(name.to_owned());
                    if !self.tree.files.contains_key(&child) {
                        return None;
                    }
                    child
                }
            }
        };
        absolute.extend(path[1..].iter().cloned());
        Some(absolute)
    }

    fn name(&mut self, absolute: &[String], line: usize) {
        if let Some(file) = self.tree.file_of(absolute) {
            self.named.push((file.clone(), line));
        }
    }
}

/// Whether `file` lies under `ancestor` in the module tree (`src/state/list.rs` under
/// `src/state.rs`; every file under `src/lib.rs`).
pub fn is_under(file: &str, ancestor: &str) -> bool {
    ancestor == "src/lib.rs" && file != ancestor
        || file.starts_with(&format!("{}/", ancestor.trim_end_matches(".rs")))
}

/// The cycles between files, by the rule above: the groups of files that reach each other with
/// the edges up left out, and those with the edges down left out.
pub fn file_cycles(edges: &[Edge]) -> Vec<Vec<String>> {
    let without_up: Vec<Edge> = edges
        .iter()
        .filter(|e| !is_under(&e.from, &e.to))
        .cloned()
        .collect();
    let without_down: Vec<Edge> = edges
        .iter()
        .filter(|e| !is_under(&e.to, &e.from))
        .cloned()
        .collect();
    let mut groups = strongly_connected(&without_up);
    groups.extend(strongly_connected(&without_down));
    groups.sort();
    groups.dedup();
    groups
}

/// The groups of files that reach each other (Tarjan's strongly connected components), each
/// sorted, only those of two files or more.
fn strongly_connected(edges: &[Edge]) -> Vec<Vec<String>> {
    let mut nodes: BTreeSet<&str> = BTreeSet::new();
    for edge in edges {
        nodes.insert(&edge.from);
        nodes.insert(&edge.to);
    }
    let nodes: Vec<&str> = nodes.into_iter().collect();
    let index_of: BTreeMap<&str, usize> = nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let mut next: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for edge in edges {
        next[index_of[edge.from.as_str()]].push(index_of[edge.to.as_str()]);
    }
    let mut tarjan = Tarjan {
        next: &next,
        index: vec![None; nodes.len()],
        low: vec![0; nodes.len()],
        on_stack: vec![false; nodes.len()],
        stack: Vec::new(),
        counter: 0,
        groups: Vec::new(),
    };
    for node in 0..nodes.len() {
        if tarjan.index[node].is_none() {
            tarjan.visit(node);
        }
    }
    let mut groups: Vec<Vec<String>> = tarjan
        .groups
        .into_iter()
        .filter(|group| group.len() > 1)
        .map(|group| {
            let mut names: Vec<String> = group.into_iter().map(|i| nodes[i].to_owned()).collect();
            names.sort();
            names
        })
        .collect();
    groups.sort();
    groups
}

struct Tarjan<'a> {
    next: &'a [Vec<usize>],
    index: Vec<Option<usize>>,
    low: Vec<usize>,
    on_stack: Vec<bool>,
    stack: Vec<usize>,
    counter: usize,
    groups: Vec<Vec<usize>>,
}

impl Tarjan<'_> {
    fn visit(&mut self, node: usize) {
        self.index[node] = Some(self.counter);
        self.low[node] = self.counter;
        self.counter += 1;
        self.stack.push(node);
        self.on_stack[node] = true;
        for &to in &self.next[node] {
            match self.index[to] {
                None => {
                    self.visit(to);
                    self.low[node] = self.low[node].min(self.low[to]);
                }
                Some(index) if self.on_stack[to] => self.low[node] = self.low[node].min(index),
                Some(_) => {}
            }
        }
        if Some(self.low[node]) == self.index[node] {
            let mut group = Vec::new();
            while let Some(top) = self.stack.pop() {
                self.on_stack[top] = false;
                group.push(top);
                if top == node {
                    break;
                }
            }
            self.groups.push(group);
        }
    }
}
