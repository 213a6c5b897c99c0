//! The cycles between files in the graph `file_graph.rs` reads.
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

use crate::file_graph::Edge;

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
    // The two searches may find overlapping groups: one cycle shown once, with all its files.
    let mut groups: Vec<Vec<String>> = Vec::new();
    for found in strongly_connected(&without_up)
        .into_iter()
        .chain(strongly_connected(&without_down))
    {
        let mut merged = found;
        groups.retain(|group| {
            let overlaps = group.iter().any(|file| merged.contains(file));
            if overlaps {
                merged.extend(group.iter().cloned());
            }
            !overlaps
        });
        merged.sort();
        merged.dedup();
        groups.push(merged);
    }
    groups.sort();
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
