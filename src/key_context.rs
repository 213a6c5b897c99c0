//! Which key table applies. Its own file because the keymap, the actions' descriptions and the
//! state (which derives it from the focus) all name it, and the state holds the keymap.

/// Which key table applies: the focused pane, refined by the detail tab.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyContext {
    /// Typing in the filter.
    Filter,
    /// The user list.
    List,
    /// The detail pane (overview, raw).
    Detail,
    /// The detail pane's tree tab.
    Tree,
    /// The detail pane's thread list.
    Threads,
    /// The detail pane's audit findings.
    Audit,
    /// Typing a `:` command.
    Command,
    /// After `y` in the tree, choosing what to copy.
    Yank,
    /// The raw view.
    Raw,
    /// Typing a search of the raw view.
    RawSearch,
    /// The People view (`:who`).
    People,
}
