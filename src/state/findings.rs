//! The Audit tab's list: findings grouped by severity, rule or user, groups folded or open, the
//! rows that show, the cursor and the scroll. Grouping is redone only when the findings, the
//! grouping or a fold change, never per frame: after `:audit` over 10,000 users there may be
//! 20,000 findings, and a frame only walks the rows on screen.

use std::collections::{HashMap, HashSet};

use crate::audit::{Finding, Severity};

/// What the findings are grouped (and the groups sorted) by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FindingGrouping {
    /// Most severe first.
    #[default]
    Severity,
    /// Rule id, A to Z.
    Rule,
    /// User (e-mail, or id when there is none), A to Z.
    User,
}

impl FindingGrouping {
    /// The next grouping, cycling.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Self::Severity => Self::Rule,
            Self::Rule => Self::User,
            Self::User => Self::Severity,
        }
    }

    /// Its name for the tab's header.
    pub fn name(self) -> &'static str {
        match self {
            Self::Severity => "severity",
            Self::Rule => "rule",
            Self::User => "user",
        }
    }

    /// How the groups are ordered, for the header: the natural order, or reversed.
    pub fn order(self, reversed: bool) -> &'static str {
        match (self, reversed) {
            (Self::Severity, false) => "most severe first",
            (Self::Severity, true) => "least severe first",
            (_, false) => "A-Z",
            (_, true) => "Z-A",
        }
    }
}

/// One group of findings.
#[derive(Debug, Clone, PartialEq)]
pub struct FindingGroup {
    /// What the findings share: a severity's name, a rule id, or a user's e-mail (their id when
    /// the record has no e-mail). Remote text: sanitized when drawn.
    pub label: String,
    /// The most severe finding in the group.
    pub worst: Severity,
    /// Indices into the findings, in display order (the findings' own order: most severe first,
    /// then rule, user and path, as the report sorts them).
    pub findings: Vec<usize>,
    /// Only the header shows.
    pub folded: bool,
}

/// A row of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingRow {
    /// A group's header: its label and count (Enter folds or opens it).
    Group(usize),
    /// A finding (Enter opens the user and the evidence).
    Finding {
        /// Its group.
        group: usize,
        /// Its index in the findings.
        finding: usize,
    },
}

impl FindingRow {
    /// Lines the row takes on screen: a header one, a finding two (what, then where and value).
    pub fn height(self) -> usize {
        match self {
            Self::Group(_) => 1,
            Self::Finding { .. } => 2,
        }
    }
}

/// The Audit tab's list.
#[derive(Debug, Clone, Default)]
pub struct FindingsView {
    /// What the findings are grouped by.
    pub grouping: FindingGrouping,
    /// Groups in the reverse of their natural order.
    pub reversed: bool,
    /// The groups, in display order.
    pub groups: Vec<FindingGroup>,
    /// The rows shown: each group's header, then its findings unless it is folded.
    pub rows: Vec<FindingRow>,
    /// Cursor, an index into `rows`.
    pub cursor: usize,
    /// The first row drawn.
    pub offset: usize,
}

impl FindingsView {
    /// Groups a new set of findings: folds are kept by label, the cursor goes to the first finding
    /// (the most severe, in the natural order), so Enter opens it as before there were groups.
    pub fn regroup(&mut self, findings: &[Finding]) {
        let folded: HashSet<String> = self
            .groups
            .iter()
            .filter(|group| group.folded)
            .map(|group| group.label.clone())
            .collect();
        self.groups = group(findings, self.grouping, self.reversed);
        for group in &mut self.groups {
            group.folded = folded.contains(&group.label);
        }
        self.rebuild_rows();
        self.cursor = self
            .rows
            .iter()
            .position(|row| matches!(row, FindingRow::Finding { .. }))
            .unwrap_or(0);
        self.offset = 0;
    }

    /// `s`: groups by the next key (its natural order, every group open), keeping the cursor on
    /// its finding.
    pub fn cycle_grouping(&mut self, findings: &[Finding]) {
        let current = self.current_finding();
        self.grouping = self.grouping.next();
        self.reversed = false;
        self.groups = group(findings, self.grouping, self.reversed);
        self.rebuild_rows();
        self.cursor = current.map_or(0, |finding| self.row_of_finding(finding));
    }

    /// `S`: reverses the order of the groups, keeping the cursor on its row.
    pub fn reverse(&mut self) {
        let current = self.rows.get(self.cursor).copied();
        self.reversed = !self.reversed;
        self.groups.reverse();
        let last = self.groups.len().saturating_sub(1);
        self.rebuild_rows();
        // Group indices were mirrored by the reversal.
        self.cursor = match current {
            Some(FindingRow::Group(group)) => self.row_of_group(last - group),
            Some(FindingRow::Finding { finding, .. }) => self.row_of_finding(finding),
            None => 0,
        };
    }

    /// Folds or opens a group; the cursor stays on its header.
    pub fn toggle_fold(&mut self, group: usize) {
        let Some(entry) = self.groups.get_mut(group) else {
            return;
        };
        entry.folded = !entry.folded;
        self.rebuild_rows();
        self.cursor = self.row_of_group(group);
    }

    /// The row under the cursor.
    pub fn current(&self) -> Option<FindingRow> {
        self.rows.get(self.cursor).copied()
    }

    /// The finding under the cursor, if the cursor is on a finding.
    pub fn current_finding(&self) -> Option<usize> {
        match self.current()? {
            FindingRow::Finding { finding, .. } => Some(finding),
            FindingRow::Group(_) => None,
        }
    }

    /// Moves the cursor by `delta` rows, clamped, and scrolls it into a view of `lines`.
    pub fn move_by(&mut self, delta: isize, lines: usize) {
        self.cursor = self
            .cursor
            .saturating_add_signed(delta)
            .min(self.rows.len().saturating_sub(1));
        self.scroll_to_cursor(lines);
    }

    /// Scrolls so the cursor's row is within a view of `lines`.
    pub fn scroll_to_cursor(&mut self, lines: usize) {
        self.offset = self.first_row(lines);
    }

    /// The first row to draw in a view of `lines` so the cursor shows: `offset`, moved only as
    /// far as needed. Walks back from the cursor over one screen at most, so a jump to the end of
    /// 20,000 rows costs a screen, not the list.
    pub fn first_row(&self, lines: usize) -> usize {
        if self.rows.is_empty() {
            return 0;
        }
        let cursor = self.cursor.min(self.rows.len() - 1);
        if cursor < self.offset {
            return cursor;
        }
        let mut first = cursor;
        let mut used = self.rows[cursor].height();
        while first > self.offset {
            let height = self.rows[first - 1].height();
            if used + height > lines.max(1) {
                return first;
            }
            used += height;
            first -= 1;
        }
        self.offset
    }

    fn rebuild_rows(&mut self) {
        let shown: usize = self
            .groups
            .iter()
            .map(|group| {
                1 + if group.folded {
                    0
                } else {
                    group.findings.len()
                }
            })
            .sum();
        let mut rows = Vec::with_capacity(shown);
        for (index, group) in self.groups.iter().enumerate() {
            rows.push(FindingRow::Group(index));
            if !group.folded {
                rows.extend(group.findings.iter().map(|&finding| FindingRow::Finding {
                    group: index,
                    finding,
                }));
            }
        }
        self.rows = rows;
        self.offset = self.offset.min(self.rows.len().saturating_sub(1));
    }

    fn row_of_group(&self, group: usize) -> usize {
        self.rows
            .iter()
            .position(|row| *row == FindingRow::Group(group))
            .unwrap_or(0)
    }

    fn row_of_finding(&self, finding: usize) -> usize {
        self.rows
            .iter()
            .position(|row| matches!(row, FindingRow::Finding { finding: f, .. } if *f == finding))
            .unwrap_or(0)
    }
}

/// Groups findings: one pass to bucket them (each group keeps the findings' order), then the
/// groups, far fewer, are sorted.
fn group(findings: &[Finding], grouping: FindingGrouping, reversed: bool) -> Vec<FindingGroup> {
    let mut index_of: HashMap<&str, usize> = HashMap::new();
    let mut groups: Vec<FindingGroup> = Vec::new();
    let mut keys: Vec<&str> = Vec::new();
    for (index, finding) in findings.iter().enumerate() {
        let key = match grouping {
            FindingGrouping::Severity => finding.severity.as_str(),
            FindingGrouping::Rule => finding.rule,
            FindingGrouping::User => finding.user_id.as_str(),
        };
        let slot = *index_of.entry(key).or_insert_with(|| {
            let label = match grouping {
                FindingGrouping::User if !finding.email.trim().is_empty() => finding.email.clone(),
                _ => key.to_owned(),
            };
            groups.push(FindingGroup {
                label,
                worst: finding.severity,
                findings: Vec::new(),
                folded: false,
            });
            keys.push(key);
            groups.len() - 1
        });
        let group = &mut groups[slot];
        group.worst = group.worst.max(finding.severity);
        group.findings.push(index);
    }
    let mut order: Vec<usize> = (0..groups.len()).collect();
    match grouping {
        FindingGrouping::Severity => {
            order.sort_by(|a, b| groups[*b].worst.cmp(&groups[*a].worst));
        }
        FindingGrouping::Rule => order.sort_by(|a, b| keys[*a].cmp(keys[*b])),
        FindingGrouping::User => order.sort_by_cached_key(|index| {
            (groups[*index].label.to_lowercase(), keys[*index].to_owned())
        }),
    }
    if reversed {
        order.reverse();
    }
    let mut slots: Vec<Option<FindingGroup>> = groups.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|index| slots[index].take())
        .collect()
}

#[cfg(test)]
mod tests;
