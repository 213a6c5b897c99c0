use super::*;

#[test]
fn the_replacement_mark_is_the_sanitisers() {
    assert!(
        LIST_GLYPHS
            .iter()
            .any(|(glyph, _)| glyph.starts_with(crate::sanitize::MARK))
    );
}

#[test]
fn every_severity_letter_is_explained() {
    let (letters, _) = LIST_GLYPHS
        .iter()
        .find(|(glyph, _)| glyph.starts_with('C'))
        .unwrap();
    for severity in crate::audit::Severity::ALL {
        let letter = severity.as_str()[..1].to_uppercase();
        assert!(letters.contains(&letter), "{severity:?}");
    }
}
