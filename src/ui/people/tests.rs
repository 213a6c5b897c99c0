use super::*;

#[test]
fn columns_fit_the_pane_and_never_shrink_past_their_narrowest() {
    let full = COLUMNS.map(|(_, width)| width);
    assert_eq!(widths(200), full);
    for width in [118, 140] {
        let got = widths(width);
        let total: usize = got.iter().sum::<usize>() + 8;
        assert!(total <= width, "{width}: {got:?}");
        assert!(got.iter().zip(NARROWEST).all(|(w, n)| *w >= n));
    }
    // Narrower than every column at its narrowest: whole columns go (the id, the e-mail),
    // the others at their narrowest, and the row fits.
    let narrow = widths(78);
    assert_eq!(narrow, [12, 8, 0, 12, 0, 6, 11, 4, 16]);
    assert!(narrow.iter().sum::<usize>() + 6 <= 78);
    assert_eq!(widths(60)[6], 0, "then the last login");
}
