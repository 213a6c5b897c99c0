use super::*;

#[tokio::test(start_paused = true)]
async fn spaces_requests_evenly() {
    let limiter = RateLimiter::new(10.0);
    let start = Instant::now();
    for _ in 0..5 {
        limiter.acquire().await;
    }
    // Five slots at 0, 100, 200, 300 and 400 ms of virtual time.
    assert_eq!(Instant::now() - start, Duration::from_millis(400));
}
