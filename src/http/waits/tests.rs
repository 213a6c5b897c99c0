//! Unit tests of `http::waits`.

use std::sync::Mutex;
use std::time::Duration;

use super::*;

fn wait(secs: f64, retry: u32) -> ServerWait {
    ServerWait {
        status: 429,
        wait: Duration::from_secs_f64(secs),
        retry,
        retries: 3,
    }
}

#[tokio::test]
async fn the_listener_of_the_task_hears_its_waits_and_no_other_task_does() {
    let heard = Arc::new(Mutex::new(Vec::new()));
    let into = Arc::clone(&heard);
    reporting_waits(move |wait| into.lock().unwrap().push(wait), async {
        tell(wait(1.0, 1));
    })
    .await;
    // Outside the scope nobody listens, and telling is harmless.
    tell(wait(2.0, 2));
    tokio::spawn(async {
        tell(wait(3.0, 3));
    })
    .await
    .unwrap();
    assert_eq!(*heard.lock().unwrap(), vec![wait(1.0, 1)]);
}

#[tokio::test(start_paused = true)]
async fn a_long_wait_counts_down_by_the_second() {
    let heard = Arc::new(Mutex::new(Vec::new()));
    let into = Arc::clone(&heard);
    reporting_waits(
        move |wait: ServerWait| into.lock().unwrap().push(wait.wait.as_secs_f64()),
        sleep_telling(wait(2.5, 1)),
    )
    .await;
    assert_eq!(*heard.lock().unwrap(), vec![2.5, 1.5, 0.5, 0.0]);
}
