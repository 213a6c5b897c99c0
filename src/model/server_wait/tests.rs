//! Unit tests of `model::server_wait`.

use super::*;

fn wait(secs: f64, retry: u32) -> ServerWait {
    ServerWait {
        status: 429,
        wait: Duration::from_secs_f64(secs),
        retry,
        retries: 3,
    }
}

#[test]
fn a_wait_says_the_status_the_retry_and_how_long() {
    assert_eq!(
        wait(61.0, 1).describe(),
        "server answered 429: retry 1/3 in 61 s"
    );
    assert_eq!(
        wait(4.0, 1).describe(),
        "server answered 429: retry 1/3 in 4 s"
    );
    assert_eq!(
        wait(0.75, 2).describe(),
        "server answered 429: retry 2/3 in 1 s"
    );
    assert_eq!(
        wait(9.2, 2).describe(),
        "server answered 429: retry 2/3 in 10 s"
    );
}
