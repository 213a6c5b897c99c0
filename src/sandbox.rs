//! The embedded sandbox: a loopback HTTP server that speaks the wire formats of the four providers
//! (Zoo, Zooza, Quip, Scanova) over generated, deterministic data, with fault injection.
//!
//! It shares no types with the providers or the model on purpose: every body is written here, from the
//! providers' docs, so a mapping mistake cannot hide on both sides of a test. Records are generated from
//! their index on demand (see [`generate`]), so a million users cost nothing until they are asked for.

// Generated numbers are small (indices below 2^40, seconds and microseconds since 2021), so u64 to
// i64 casts cannot wrap; and handlers return a ready `Response` as their error, as axum handlers do.
#![allow(clippy::cast_possible_wrap, clippy::result_large_err)]

mod fault;
mod fault_layer;
pub mod generate;
mod ids;
mod json_out;
mod names;
mod odd_json;
mod organisation;
mod quip;
mod reply;
mod residue_seq;
mod scanova;
mod seeded_rng;
mod timestamp;
mod zoo;
mod zooza;

#[cfg(test)]
pub(crate) use zooza::record::body_for_tests as zooza_body_for_tests;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use axum::Router;
use axum::routing::get;
use tokio_util::sync::CancellationToken;

pub use fault::{
    BodyFault, DEEP_LEVELS, FaultPlan, FaultSpecError, GZIP_BOMB_BYTES, RedirectFault, StatusBody,
    StatusFault, Storm,
};
pub use generate::{HostileKind, InvitationState, ZooBlock};

/// What the sandbox serves: how many users each provider has, the generator seed, the credentials it
/// accepts and the run-wide fault plan.
#[derive(Clone, Debug)]
pub struct SandboxConfig {
    /// Users per provider (each provider has its own generated population of this size).
    pub users: u64,
    /// Generator seed: the same seed gives byte-identical bodies.
    pub seed: u64,
    /// The credentials each provider accepts.
    pub credentials: SandboxCredentials,
    /// The run-wide fault plan (replaceable later with [`Sandbox::set_faults`]).
    pub faults: FaultPlan,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            users: 200,
            seed: 42,
            credentials: SandboxCredentials::default(),
            faults: FaultPlan::default(),
        }
    }
}

/// The credentials the sandbox accepts, one set per provider.
#[derive(Clone, Debug)]
pub struct SandboxCredentials {
    /// Zoo: `Authorization: Bearer <zoo_token>`.
    pub zoo_token: String,
    /// Zooza: `X-ZOOZA-API-KEY`.
    pub zooza_api_key: String,
    /// Zooza: `X-ZOOZA-TOKEN` of the owner (the user with the lowest id). `"{zooza_token}-{user_id}"`
    /// is the token of that user.
    pub zooza_token: String,
    /// Zooza: the company's id, the number `GET /v1/user` shows as `user.companies[].id` and the
    /// one `X-ZOOZA-COMPANY` takes (every other `company_id` of the bodies is its text).
    pub zooza_company_id: u64,
    /// Quip Admin and Automation API: `Authorization: Bearer <quip_token>`.
    pub quip_token: String,
    /// Quip SCIM: `Authorization: Bearer <quip_scim_token>` (the SCIM list only).
    pub quip_scim_token: String,
    /// Quip: the `company_id` query parameter the Admin API requires (11 characters).
    pub quip_company_id: String,
    /// Scanova: `Authorization: <scanova_key>`, no prefix.
    pub scanova_key: String,
}

impl Default for SandboxCredentials {
    fn default() -> Self {
        Self {
            zoo_token: "sandbox-zoo-token".to_owned(),
            zooza_api_key: "sandbox-zooza-key".to_owned(),
            zooza_token: "sandbox-zooza-token".to_owned(),
            zooza_company_id: 77,
            quip_token: "sandbox-quip-token".to_owned(),
            quip_scim_token: "sandbox-quip-scim-token".to_owned(),
            quip_company_id: "SBXcompany1".to_owned(),
            scanova_key: "sk_sandbox_scanova".to_owned(),
        }
    }
}

/// One request as the sandbox received it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedRequest {
    /// The HTTP method, e.g. `GET`.
    pub method: String,
    /// The path, e.g. `/zoo/users/…/admin/details`.
    pub path: String,
    /// The raw query string, if any.
    pub query: Option<String>,
}

/// State shared by every handler.
pub(crate) struct Shared {
    pub(crate) users: u64,
    pub(crate) seed: u64,
    pub(crate) credentials: SandboxCredentials,
    pub(crate) addr: SocketAddr,
    faults: Mutex<FaultPlan>,
    /// Bumped by `set_faults`, so storm and rate counters start again with a new plan.
    pub(crate) fault_generation: AtomicU64,
    pub(crate) counters: Mutex<fault_layer::Counters>,
    requests: Mutex<Vec<RecordedRequest>>,
    /// Counts responses; feeds the request ids (`X-Api-Call-Id`, Zoo's `request_id`).
    pub(crate) call_counter: AtomicU64,
}

impl Shared {
    pub(crate) fn faults(&self) -> FaultPlan {
        self.faults
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    pub(crate) fn record(&self, request: RecordedRequest) {
        self.requests
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(request);
    }

    /// A fresh request id (a UUID-shaped string), unique within this server.
    pub(crate) fn next_request_id(&self) -> String {
        let n = self.call_counter.fetch_add(1, Ordering::Relaxed);
        generate::uuid_from(generate::mix(self.seed ^ 0xCA11_1D00), n)
    }
}

/// A running sandbox. Dropping it stops the server.
pub struct Sandbox {
    shared: Arc<Shared>,
    shutdown: CancellationToken,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl Sandbox {
    /// Binds `addr` (port 0 picks a free port), spawns the server task and returns at once.
    pub async fn start(addr: SocketAddr, config: SandboxConfig) -> std::io::Result<Sandbox> {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared {
            users: config.users,
            seed: config.seed,
            credentials: config.credentials,
            addr,
            faults: Mutex::new(config.faults),
            fault_generation: AtomicU64::new(0),
            counters: Mutex::new(fault_layer::Counters::default()),
            requests: Mutex::new(Vec::new()),
            call_counter: AtomicU64::new(0),
        });
        let app = router(Arc::clone(&shared));
        let shutdown = CancellationToken::new();
        let stop = shutdown.clone();
        let task = tokio::spawn(async move {
            let served = axum::serve(listener, app)
                .with_graceful_shutdown(async move { stop.cancelled().await })
                .await;
            if let Err(error) = served {
                tracing::warn!(%error, "sandbox server stopped with an error");
            }
        });
        Ok(Sandbox {
            shared,
            shutdown,
            task: Some(task),
        })
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.shared.addr
    }

    /// The base URL a provider client should use: `zoo`, `zooza`, `quip`, `quip-scim` or `scanova`.
    /// Anything else gets the server root.
    pub fn base_url(&self, api: &str) -> String {
        let root = format!("http://{}", self.shared.addr);
        match api {
            "zoo" => format!("{root}/zoo"),
            "zooza" => format!("{root}/zooza/v1"),
            "quip" => format!("{root}/quip"),
            "quip-scim" => format!("{root}/quip/scim/2"),
            "scanova" => format!("{root}/scanova"),
            _ => root,
        }
    }

    /// One line per provider: its name, base URL and the credentials it accepts.
    pub fn banner(&self) -> Vec<String> {
        let c = &self.shared.credentials;
        vec![
            format!(
                "zoo      {}  Authorization: Bearer {}",
                self.base_url("zoo"),
                c.zoo_token
            ),
            format!(
                "zooza    {}  X-ZOOZA-API-KEY: {}  X-ZOOZA-TOKEN: {} (owner; \"{}-<user id>\" for a user)  X-ZOOZA-COMPANY: {}",
                self.base_url("zooza"),
                c.zooza_api_key,
                c.zooza_token,
                c.zooza_token,
                c.zooza_company_id
            ),
            format!(
                "quip     {}  Authorization: Bearer {}  company_id={}  (SCIM {}  Bearer {})",
                self.base_url("quip"),
                c.quip_token,
                c.quip_company_id,
                self.base_url("quip-scim"),
                c.quip_scim_token
            ),
            format!(
                "scanova  {}  Authorization: {}",
                self.base_url("scanova"),
                c.scanova_key
            ),
        ]
    }

    /// Every request received so far, in arrival order.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared
            .requests
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Replaces the run-wide fault plan; storm and rate counters start again.
    pub fn set_faults(&self, plan: FaultPlan) {
        *self
            .shared
            .faults
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = plan;
        self.shared.fault_generation.fetch_add(1, Ordering::Relaxed);
        self.shared
            .counters
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }

    /// The credentials the sandbox accepts.
    pub fn credentials(&self) -> &SandboxCredentials {
        &self.shared.credentials
    }

    /// Stops the server and waits for it to finish (open connections are closed gracefully).
    pub async fn shutdown(mut self) {
        self.shutdown.cancel();
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.shutdown.cancel();
    }
}

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/zoo/users/{id}/admin/details", get(zoo::admin_details))
        .route("/zoo/users/{id}", get(zoo::user))
        .route("/zoo/users", get(zoo::users))
        .route("/zoo/org/members", get(zoo::org_members))
        .route("/zooza/v1/user", get(zooza::current_user))
        .route("/zooza/v1/users", get(zooza::team))
        .route("/zooza/v1/registrations", get(zooza::registrations))
        .route(
            "/zooza/v1/user/{id}/registrations",
            get(zooza::user_registrations),
        )
        .route("/zooza/v1/user/{id}/orders", get(zooza::user_orders))
        .route("/quip/1/admin/users/{id}", get(quip::admin_user))
        .route("/quip/1/admin/threads/", get(quip::admin_threads))
        .route("/quip/1/admin/threads", get(quip::admin_threads))
        .route("/quip/1/users/", get(quip::users))
        .route("/quip/1/users", get(quip::users))
        .route("/quip/scim/2/Users", get(quip::scim_users))
        .route("/scanova/multi-users/", get(scanova::list))
        .route("/scanova/shared-user/", get(scanova::list))
        .route("/scanova/multi-users/{id}/", get(scanova::detail))
        .route("/scanova/shared-user/{id}/", get(scanova::detail))
        .fallback(reply::fallback)
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&shared),
            fault_layer::layer,
        ))
        .with_state(shared)
}
