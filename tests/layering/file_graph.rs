//! Which file of `src/` names which: the graph the no-cycle test walks (`file_cycles.rs` finds
//! the cycles in it).
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

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::rust_tokens::{Token, tokens};

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
