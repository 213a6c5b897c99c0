//! JSON helpers that providers, audit rules and the tree share, and that depend on nothing above
//! the model: reading values by pointer, jq paths, times, a record's path segments, and the
//! domain labels of each provider's record tree.

pub mod fields;
pub mod labels;
mod path;

pub use path::{Labeller, PathSegment, no_labels};
