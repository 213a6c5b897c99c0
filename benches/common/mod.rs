//! Data the benchmarks share: user summaries by the hundred thousand and one big Zooza-shaped
//! record, both generated from a seed (setup, never measured), and a state loaded with them.
//!
//! Each bench file compiles this module on its own and uses only part of it.
#![allow(dead_code)]

use std::sync::Arc;

use bytes::Bytes;
use serde_json::{Value, json};
use userscope::model::{StatusMarker, UserRecord, UserSummary};
use userscope::msg::Msg;
use userscope::state::{DetailTab, Focus, ProfileBadge, State};

/// A small deterministic generator (splitmix64), so every run sees the same data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// (display, ascii) first names from several cultures, as the sandbox's pools are.
const FIRST: &[(&str, &str)] = &[
    ("Anna", "anna"),
    ("Ann", "ann"),
    ("Hannah", "hannah"),
    ("Joanna", "joanna"),
    ("Annika", "annika"),
    ("Emma", "emma"),
    ("Oliver", "oliver"),
    ("Ava", "ava"),
    ("Noah", "noah"),
    ("Grace", "grace"),
    ("Liam", "liam"),
    ("José", "jose"),
    ("María", "maria"),
    ("Lucía", "lucia"),
    ("Álvaro", "alvaro"),
    ("Sofía", "sofia"),
    ("Jürgen", "juergen"),
    ("Lena", "lena"),
    ("Matthias", "matthias"),
    ("Zoë", "zoe"),
    ("Agnieszka", "agnieszka"),
    ("Çağla", "cagla"),
    ("Peter", "peter"),
    ("Marta", "marta"),
    ("Ján", "jan"),
    ("Zuzana", "zuzana"),
    ("Hiroshi", "hiroshi"),
    ("Yuki", "yuki"),
    ("Wei", "wei"),
    ("Mei", "mei"),
    ("Olu", "olu"),
    ("Chinwe", "chinwe"),
    ("Aarav", "aarav"),
    ("Priya", "priya"),
    ("Mohammed", "mohammed"),
    ("Fatima", "fatima"),
    ("Ivan", "ivan"),
    ("Olga", "olga"),
    ("Lars", "lars"),
    ("Ingrid", "ingrid"),
];

const LAST: &[(&str, &str)] = &[
    ("Smith", "smith"),
    ("Walker", "walker"),
    ("O'Brien", "obrien"),
    ("Hughes", "hughes"),
    ("Clarke", "clarke"),
    ("García", "garcia"),
    ("Núñez", "nunez"),
    ("Fernández", "fernandez"),
    ("de la Cruz", "delacruz"),
    ("Müller", "mueller"),
    ("Schäfer", "schaefer"),
    ("Berg", "berg"),
    ("Novák", "novak"),
    ("Kováčová", "kovacova"),
    ("Horváth", "horvath"),
    ("Wiśniewska", "wisniewska"),
    ("Öztürk", "ozturk"),
    ("Trần", "tran"),
    ("Nguyen", "nguyen"),
    ("Tanaka", "tanaka"),
    ("Suzuki", "suzuki"),
    ("Li", "li"),
    ("Zhang", "zhang"),
    ("Okafor", "okafor"),
    ("Adeyemi", "adeyemi"),
    ("Sharma", "sharma"),
    ("Patel", "patel"),
    ("Haddad", "haddad"),
    ("Petrov", "petrov"),
    ("Johansson", "johansson"),
    ("Lindqvist", "lindqvist"),
    ("Ó Súilleabháin", "osullivan"),
    ("Annunziata", "annunziata"),
    ("Mann", "mann"),
];

const DOMAINS: &[&str] = &[
    "example.com",
    "example.org",
    "mail.example.net",
    "corp.example.com",
    "annex.example.io",
];

/// `count` user summaries: names and e-mails the way the sandbox makes them
/// (`first.last.index@domain`), a few status markers, a role.
pub fn users(count: usize) -> Vec<UserSummary> {
    let mut rng = Rng::new(0x5EED_0006);
    (0..count)
        .map(|index| {
            let (first, first_ascii) = *rng.pick(FIRST);
            let (last, last_ascii) = *rng.pick(LAST);
            let domain = *rng.pick(DOMAINS);
            let status = match rng.below(20) {
                0 => vec![StatusMarker::Disabled],
                1 => vec![StatusMarker::PendingInvitation],
                2 => vec![StatusMarker::NeverLoggedIn],
                _ => Vec::new(),
            };
            UserSummary {
                id: format!("u-{index:07}"),
                name: format!("{first} {last}"),
                email: format!("{first_ascii}.{last_ascii}.{index}@{domain}"),
                role: Some(if index % 10 == 0 { "admin" } else { "member" }.to_owned()),
                status,
            }
        })
        .collect()
}

/// A Zooza `/v1/user` body the shape the sandbox serves, with `credits` discounts (each with
/// events and attendance) and as many free events: the "31 MB record" of issue 6 at 11,500.
pub fn zooza_record_json(credits: u64) -> Value {
    let mut rng = Rng::new(0x2002_A000 + credits);
    let credit = |n: u64, rng: &mut Rng, free: bool| -> Value {
        let id = (1000 * 100 + n) * 2 + u64::from(free);
        let event_base = 70_000 + n * 3;
        let events: Vec<Value> = (0..=rng.below(2))
            .map(|e| {
                let id = event_base + e;
                json!({
                    "id": id, "name": "Baby Swimming", "status": if id % 5 == 4 { "unplanned" } else { "scheduled" },
                    "date": "2026-05-01T09:00:00Z", "happened": id.is_multiple_of(2), "live_stream": 0,
                    "has_live_stream": false, "replacement": id.is_multiple_of(3), "end": "2026-05-01T09:45:00Z",
                    "duration": 45, "cancellation_limit": "2026-04-30T09:00:00Z", "can_cancel": true,
                    "has_video": false, "has_files": id.is_multiple_of(4),
                    "places": { "id": 5, "name": "Aquapark Pool B" },
                    "courses": { "id": 31 + id % 4, "name": "Baby Swimming" },
                    "trainers": { "id": 12, "full_name": "Marta Kováčová" },
                    "additional_trainers": [{ "role": "assistant", "full_name": "Peter Horváth" }],
                })
            })
            .collect();
        let attendance: Vec<Value> = (0..=rng.below(3))
            .map(|a| {
                json!({
                    "id": id * 10 + a, "event_id": event_base + a % 3, "registration_id": 10_000,
                    "attendance": (["going", "attended", "canceled", "noshow"][(a % 4) as usize]),
                    "replacement_for": if a == 0 { 0 } else { id * 10 + a - 1 },
                    "resolution": if a % 2 == 0 { "credit_issued" } else { "" },
                    "created": "2025-11-02T10:00:00Z", "modified": "2025-11-02T12:00:00Z",
                    "cancellation_reason": if a % 3 == 1 { "Sick child" } else { "" }, "credit_id": id,
                })
            })
            .collect();
        json!({
            "id": id, "type": if free { "free_event" } else { "discount" }, "active": n % 7 != 6,
            "origin_user_id": 1000, "origin_company_id": 77, "origin_order_id": 40_000,
            "origin_event_id": event_base, "origin_attendance_id": id * 10,
            "used_on_user_id": 0, "used_on_company_id": 0, "used_on_order_id": 0,
            "used_on_event_id": 0, "used_on_attendance_id": 0, "value": ([1, 5, 10, 15, 25][(n % 5) as usize]),
            "code": format!("SBX-{:06}", id % 1_000_000), "settings": "{}",
            "expiration": "2026-09-01T00:00:00Z", "usage": "not_used", "created": "2025-10-01T00:00:00Z",
            "created_by": if n.is_multiple_of(3) { "system" } else { "trainer" }, "updated": "2025-10-02T00:00:00Z",
            "expired": n % 7 == 3, "events": events, "attendance": attendance,
        })
    };
    let discounts: Vec<Value> = (0..credits).map(|n| credit(n, &mut rng, false)).collect();
    let free_events: Vec<Value> = (0..credits).map(|n| credit(n, &mut rng, true)).collect();
    json!({
        "user": {
            "id": 1000, "first_name": "Anna", "last_name": "Berg", "email": "anna.berg.0@example.com",
            "phone": "+421900000000", "role": "owner", "company_id": "sandbox-company",
            "user_fields": { "id": 500_000, "marketing_messages": true, "3rd_party": false, "nick": "Anna", "show_only_nick": false },
            "billing_periods": [2024, 2025, 2026],
            "permissions": [{ "permission": "users.manage", "name": "Manage team", "description": "Can invite and remove team members", "user_can": true }],
            "companies": [{ "id": 77, "name": "Sandbox Swim School", "email": "info@sandbox-swim.example", "role": "owner" }],
        },
        "user_valid": true,
        "agreements": [],
        "app": { "application_id": 17, "company_id": "sandbox-company", "type": "application" },
        "branding": "zooza",
        "company": { "id": 77, "name": "Sandbox Swim School", "currency": "EUR", "timezone": "Europe/Bratislava", "region": "eu" },
        "widgets": [],
        "msg": {},
        "discounts": discounts,
        "free_events": free_events,
        "credit_balance": { "EUR": 120, "credits": 4 },
    })
}

/// The record's body as the server would send it (compact JSON).
pub fn zooza_record_bytes(credits: u64) -> Bytes {
    Bytes::from(serde_json::to_vec(&zooza_record_json(credits)).expect("a Value always serialises"))
}

/// The record as the app holds it after a fetch (`userscope open` maps an export the same way).
pub fn zooza_record(credits: u64) -> Arc<UserRecord> {
    let record = userscope::provider::map_export(Some("zooza"), zooza_record_bytes(credits))
        .expect("the generated body is a Zooza record");
    Arc::new(record)
}

/// The explorer's state at `size` with `users` loaded and `record` open in the detail pane on
/// `tab`, built through `update` as the app builds it.
pub fn state_with(
    users: Vec<UserSummary>,
    record: Arc<UserRecord>,
    tab: DetailTab,
    size: (u16, u16),
) -> State {
    let badge = ProfileBadge {
        name: "bench".to_owned(),
        provider: "zooza".to_owned(),
        is_sandbox: true,
    };
    let mut state = State::new(badge, size);
    state.list.merge(users);
    let request = state.next_request();
    state.detail.loading = Some((request, record.id.clone()));
    userscope::update::update(
        &mut state,
        Msg::RecordLoaded {
            request,
            result: Ok(record),
        },
    );
    state.detail.tab = tab;
    state.focus = Focus::List;
    state
}

/// A key press, as the terminal reports it.
pub fn key(c: char) -> Msg {
    Msg::Key(crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char(c),
        crossterm::event::KeyModifiers::NONE,
    ))
}

/// A field of a process's `/proc/PID/status` given in kB (`VmRSS`, `VmHWM`), in MiB; `pid`
/// may be `self`. `None` where there is no such file or field (not Linux).
pub fn status_mib(pid: &str, field: &str) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kib = status.lines().find_map(|line| {
        line.strip_prefix(field)?
            .strip_prefix(':')?
            .trim()
            .strip_suffix("kB")?
            .trim()
            .parse::<f64>()
            .ok()
    })?;
    Some(kib / 1024.0)
}
