use super::*;

fn texts(lines: &[Line<'_>]) -> Vec<String> {
    lines
        .iter()
        .map(|line| line.spans.iter().map(|span| &*span.content).collect())
        .collect()
}

#[test]
fn notes_break_between_pieces_never_inside_one() {
    let style = Style::default();
    let note = Note {
        pieces: vec![
            vec![("●".to_owned(), style), (" marked".to_owned(), style)],
            vec![("⊘".to_owned(), style), (" blocked".to_owned(), style)],
            vec![
                ("∅".to_owned(), style),
                (" never logged in".to_owned(), style),
            ],
        ],
        gap: "   ",
    };
    assert_eq!(
        texts(&flow(&[note], 28)),
        [" ● marked   ⊘ blocked", " ∅ never logged in"]
    );
    let lines = flow(&[words("Tab keeps the zoom, z undoes it", style)], 12);
    assert_eq!(texts(&lines), [" Tab keeps", " the zoom, z", " undoes it"]);
}
