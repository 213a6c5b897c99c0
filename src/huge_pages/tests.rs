use super::*;

#[test]
fn a_big_file_reads_back_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.json");
    let bytes: Vec<u8> = (0..MIN_BYTES + 12_345).map(|at| (at % 251) as u8).collect();
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(read_file(&path).unwrap(), bytes);
}

#[test]
fn a_small_file_reads_back_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("small.json");
    std::fs::write(&path, b"{\"id\":1}").unwrap();
    assert_eq!(read_file(&path).unwrap(), &b"{\"id\":1}"[..]);
    std::fs::write(&path, b"").unwrap();
    assert_eq!(read_file(&path).unwrap(), &b""[..]);
}

#[test]
fn a_missing_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    assert!(read_file(&dir.path().join("absent.json")).is_err());
}

#[test]
fn a_zeroed_map_is_zeroed_and_writable() {
    let mut map = zeroed(MIN_BYTES).unwrap();
    assert!(map.iter().all(|byte| *byte == 0));
    map[MIN_BYTES - 1] = 7;
    assert_eq!(map[MIN_BYTES - 1], 7);
}
