//! What the glyphs of the user list mean, for the `?` help of the list (and the README's
//! legend, which says the same).

/// The glyphs the list draws before and in a name, each with what it means, in the order the
/// help shows them. The status marks are `ui::list`'s, one per user, the first of its statuses.
pub const LIST_GLYPHS: &[(&str, &str)] = &[
    ("●", "marked"),
    ("⊘", "blocked"),
    ("✕", "disabled"),
    ("✉", "invited, not accepted"),
    ("★", "owner"),
    ("⚙", "robot"),
    ("–", "inactive"),
    ("∅", "never logged in"),
    (
        "C H M L I",
        "worst audit finding: critical, high, medium, low, info",
    ),
    (
        "\u{FFFD}",
        "control characters or escapes in a remote text, removed",
    ),
];

#[cfg(test)]
mod tests;
