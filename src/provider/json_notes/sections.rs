//! The notes in the overview: a "JSON notes" section first, the exact digits in a number field
//! the server wrote beyond a double, and a marker on every field that holds a noted value.

use super::{JsonNote, NoteKind};
use crate::model::{Field, FieldValue, Section};

/// The title of the section that lists the notes.
pub use crate::model::NOTES_SECTION;

/// Marks the sections with the notes (nothing changes when there are none).
pub fn annotate_sections(sections: &mut Vec<Section>, notes: &[JsonNote]) {
    if notes.is_empty() {
        return;
    }
    let located: Vec<(String, &JsonNote)> =
        notes.iter().map(|note| (note.jq_path(), note)).collect();
    for field in sections.iter_mut().flat_map(|section| &mut section.fields) {
        for (path, note) in &located {
            if field.path == *path {
                match (&note.kind, &field.value) {
                    (NoteKind::InexactNumber { exact, .. }, FieldValue::Number(_)) => {
                        field.value = FieldValue::Number(exact.clone());
                    }
                    _ => mark(field, &note.marker()),
                }
            } else if holds(&field.path, path) {
                mark(field, "⚠ holds a value the JSON notes explain");
            }
        }
    }
    let mut section = Section::new(NOTES_SECTION);
    for (path, note) in located {
        let text = format!("{path}: {}", note.describe());
        section = section.with(note.title(), &path, FieldValue::Text(text));
    }
    sections.insert(0, section);
}

/// Whether the field at `field_path` contains the value at `path`.
fn holds(field_path: &str, path: &str) -> bool {
    path.len() > field_path.len()
        && path.starts_with(field_path)
        && matches!(path.as_bytes()[field_path.len()], b'.' | b'[')
}

fn mark(field: &mut Field, marker: &str) {
    let shown = field.value.display();
    if !shown.ends_with(marker) {
        field.value = FieldValue::Text(format!("{shown} {marker}"));
    }
}
