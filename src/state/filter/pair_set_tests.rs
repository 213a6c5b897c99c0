use nucleo_matcher::Utf32String;
use proptest::prelude::*;

use super::*;

/// What a set kept, as codes (`None`: too many to keep).
fn kept_codes(set: u64) -> Option<Vec<u64>> {
    kept(set).map(|codes| codes.filter(|code| *code != NO_PAIR).collect())
}

#[test]
fn a_set_keeps_five_distinct_pairs_then_holds_every_pair() {
    let mut set = 0;
    for code in [7, 4095, 7, 0, 64, 7] {
        keep_pair(&mut set, code);
    }
    assert_eq!(kept_codes(set), Some(vec![7, 4095, 0, 64]));
    assert!(has_pair(set, 0) && has_pair(set, 4095) && !has_pair(set, 1));
    keep_pair(&mut set, 1);
    assert_eq!(kept_codes(set), Some(vec![7, 4095, 0, 64, 1]));
    keep_pair(&mut set, 2);
    assert_eq!(kept_codes(set), None);
    assert!(has_pair(set, 3));
}

#[test]
fn a_camel_case_hump_is_kept_apart_from_the_pairs() {
    let standing = Standing::of_text(Utf32String::from("JohnWalker").slice(..));
    assert!(standing.has_camel_hump());
    // No letter follows punctuation: no pair kept there.
    assert_eq!(kept_codes(standing.punctuated), Some(vec![]));
    let plain = Standing::of_text(Utf32String::from("John Walker j.walker@example.com").slice(..));
    assert!(!plain.has_camel_hump());
    let punctuated = kept_codes(plain.punctuated).unwrap_or_default();
    // `w` after `.`, `e` after `@`, `c` after `.`: each with the letter after it.
    let pair = |first: u8, second: u8| pair_code(code(first), code(second));
    assert_eq!(
        punctuated,
        vec![pair(b'w', b'a'), pair(b'e', b'x'), pair(b'c', b'o')]
    );
}

proptest! {
    /// The slots compared at once agree with a list of what was kept.
    #[test]
    fn a_set_holds_what_it_kept(codes in prop::collection::vec(0_u64..4096, 0..9), probe in 0_u64..4096) {
        let mut set = 0;
        let mut distinct: Vec<u64> = Vec::new();
        for code in codes {
            keep_pair(&mut set, code);
            if !distinct.contains(&code) {
                distinct.push(code);
            }
        }
        if distinct.len() > PAIR_SLOTS as usize {
            prop_assert_eq!(kept_codes(set), None);
            prop_assert!(has_pair(set, probe));
        } else {
            prop_assert_eq!(kept_codes(set), Some(distinct.clone()));
            prop_assert_eq!(has_pair(set, probe), distinct.contains(&probe));
        }
    }
}

#[test]
fn a_standing_kept_in_columns_comes_back_whole() {
    for text in [
        "John Walker j.walker@example.com",
        "JohnWalker",
        "Zoë Öztürk",
        "",
    ] {
        let standing = Standing::of_text(Utf32String::from(text).slice(..));
        let joined = Standing::of_words(standing.levels, standing.pair_words());
        assert_eq!(joined, standing, "{text:?}");
    }
}
