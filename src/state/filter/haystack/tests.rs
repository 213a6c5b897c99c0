use nucleo_matcher::Utf32String;
use nucleo_matcher::chars::graphemes;

use super::*;

fn clusters(text: &str) -> usize {
    graphemes(text).count()
}

/// Every character said to break around does, next to a character of each class UAX #29
/// joins with: Extend, ZWJ and `SpacingMark` join what precedes them (`a` then `c`), Prepend
/// what follows (`c` then `a`), CR a following LF, an L jamo a following syllable (`c`
/// then `가`), a syllable a following V or T jamo (`가` then `c`), regional indicators each
/// other. So these characters are Other, Control, LF, LV or LVT (a syllable: it joins
/// only a V or T jamo after it), and no rule joins two of them.
#[test]
fn every_character_said_to_break_does() {
    let (syllable, regional) = ('가', '🇦');
    let mut checked = 0;
    for c in (0..=0x10_ffff)
        .filter_map(char::from_u32)
        .filter(|c| breaks_around(*c))
    {
        for pair in [
            ['a', c],
            [c, 'a'],
            [c, '\n'],
            [syllable, c],
            [c, syllable],
            [c, regional],
            [regional, c],
        ] {
            let text: String = pair.iter().collect();
            assert_eq!(clusters(&text), 2, "{c:?} ({:#x}) in {text:?}", c as u32);
        }
        checked += 1;
    }
    assert!(checked > 30_000, "{checked}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]

    /// The text a haystack decodes is `Utf32String::from`'s, character for character, and its
    /// character set that text's.
    #[test]
    fn haystacks_decode_to_nucleos_text(
        text in "([a-zA-Z0-9 .@\r\n]|[À-ɏ]|[Ͱ-ϿЀ-ԯ]|[\u{300}-\u{36f}]|[ا-ي\u{64b}-\u{65f}]|[ぁ-ゖ\u{3099}゙]|[一-龥]|[가-힣]|[\u{1100}-\u{11ff}]|[\u{200b}-\u{200f}\u{202a}-\u{202e}\u{2060}\u{feff}]|[🇦-🇿😀-🙏👦-👩]|[\u{80}-\u{9f}]|\\PC){0,24}"
    ) {
        let expected = Utf32String::from(text.as_str());
        let kept = matcher_text(&text);
        let haystack = Haystack::new(
            CharSet::default(),
            kept.as_deref().unwrap_or(&text),
            kept.is_none(),
        );
        let mut buffer = Vec::new();
        let decoded = haystack.text(&mut buffer);
        proptest::prop_assert_eq!(decoded.is_ascii(), expected.slice(..).is_ascii());
        proptest::prop_assert_eq!(
            decoded.chars().collect::<Vec<_>>(),
            expected.slice(..).chars().collect::<Vec<_>>()
        );
        // The character set kept is that of the text nucleo scores.
        proptest::prop_assert_eq!(
            CharSet::of_str(kept.as_deref().unwrap_or(&text)),
            CharSet::of_text(expected.slice(..))
        );
    }
}
