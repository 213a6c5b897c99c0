//! The rows a folding tree shows, kept as runs of consecutive nodes. In pre-order, an expanded
//! node is followed by its first child, so everything shown between two folded subtrees is one
//! run: a tree expanded whole (1.56 million rows for a 31 MB record) is a single run, where a
//! list of its rows took 4 bytes a row (6 MB). A row's node, and a node's row, are found by a
//! binary search over the runs.

/// A run of rows showing consecutive nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    /// The first row of the run.
    row: u32,
    /// The node on that row; the run's next rows show the next nodes.
    node: u32,
}

/// The rows shown, in order, each a node of the tree.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VisibleRows {
    /// The runs, in order (both their rows and their nodes increase).
    runs: Vec<Run>,
    /// How many rows.
    len: usize,
}

impl VisibleRows {
    /// No rows.
    pub fn clear(&mut self) {
        self.runs.clear();
        self.len = 0;
    }

    /// Shows `node` on the next row.
    pub fn push(&mut self, node: usize) {
        let continues = self
            .runs
            .last()
            .is_some_and(|run| run.node as usize + (self.len - run.row as usize) == node);
        if !continues {
            self.runs.push(Run {
                row: self.len as u32,
                node: node as u32,
            });
        }
        self.len += 1;
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The run holding `row`, by position.
    fn run_of_row(&self, row: usize) -> usize {
        self.runs.partition_point(|run| run.row as usize <= row) - 1
    }

    /// The node shown on a row.
    pub fn get(&self, row: usize) -> Option<usize> {
        if row >= self.len {
            return None;
        }
        let run = self.runs[self.run_of_row(row)];
        Some(run.node as usize + (row - run.row as usize))
    }

    /// The row showing a node, if it is shown.
    pub fn row_of(&self, node: usize) -> Option<usize> {
        let at = self.runs.partition_point(|run| run.node as usize <= node);
        let run = self.runs.get(at.checked_sub(1)?)?;
        let end = self.runs.get(at).map_or(self.len, |next| next.row as usize);
        let row = run.row as usize + (node - run.node as usize);
        (row < end).then_some(row)
    }

    /// The nodes shown from `row` on, in order.
    pub fn iter_from(&self, row: usize) -> impl Iterator<Item = usize> + '_ {
        let first = if row < self.len {
            self.run_of_row(row)
        } else {
            self.runs.len()
        };
        self.runs[first..]
            .iter()
            .enumerate()
            .flat_map(move |(at, run)| {
                let end = self
                    .runs
                    .get(first + at + 1)
                    .map_or(self.len, |next| next.row as usize);
                let start = (run.row as usize).max(row);
                (start..end).map(move |shown| run.node as usize + (shown - run.row as usize))
            })
    }

    /// Every node shown, in order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.iter_from(0)
    }
}

#[cfg(test)]
mod tests;
