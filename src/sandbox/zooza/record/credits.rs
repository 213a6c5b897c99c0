//! A Zooza credit (`discounts` and `free_events` items) with its events and attendance rows,
//! written in the wire's key order by `json_out` (not `Serialize`, whose escaping of every key
//! cost more than the rest of the writing): most of a `/v1/user` body's bytes.

// The structs' field names are the wire's keys.
#![allow(clippy::struct_field_names)]

use std::borrow::Cow;

use super::{ATTENDANCE, COURSES, CREDIT_TYPES, VALUES, user_id};
use crate::sandbox::Shared;
use crate::sandbox::generate::{HostileKind, NOW_EPOCH_SECS, Rng, ZOOZA, hostile_kind};
use crate::sandbox::json_out::{ObjectOut, array};
use crate::sandbox::timestamp::Timestamp;

/// One credit, its keys in the order the wire has them (`used` and `used_by` only once used).
pub(super) struct Credit {
    id: u64,
    kind: &'static str,
    active: bool,
    origin_user_id: u64,
    origin_company_id: u64,
    origin_order_id: u64,
    origin_event_id: u64,
    origin_attendance_id: u64,
    used_on_user_id: u64,
    used_on_company_id: u64,
    used_on_order_id: u64,
    used_on_event_id: u64,
    used_on_attendance_id: u64,
    value: u64,
    code: String,
    settings: &'static str,
    expiration: Timestamp,
    used: Option<Timestamp>,
    used_by: Option<u64>,
    usage: &'static str,
    created: Timestamp,
    created_by: &'static str,
    updated: Timestamp,
    expired: bool,
    events: Vec<Event>,
    attendance: Vec<Attendance>,
}

/// One credit. Rules on `n`: `n % 7 == 3` expired but still active; `n % 7 == 5` expiring within a
/// week of the sandbox's fixed "now"; attendance states cycle through every value.
pub(super) fn credit(shared: &Shared, index: u64, n: u64, free_event: bool) -> Credit {
    let mut rng = Rng::new(
        shared.seed,
        ZOOZA,
        index,
        100 + n * 2 + u64::from(free_event),
    );
    let id = (user_id(index) * 100 + n) * 2 + u64::from(free_event);
    let kind = if free_event {
        "free_event"
    } else {
        CREDIT_TYPES[(n % 5) as usize]
    };
    let created = NOW_EPOCH_SECS - rng.range(30, 700) as i64 * 86_400;
    let (expiration, expired, active) = match n % 7 {
        3 => (
            NOW_EPOCH_SECS - rng.range(1, 90) as i64 * 86_400,
            true,
            true,
        ),
        5 => (
            NOW_EPOCH_SECS + rng.range(1, 7) as i64 * 86_400,
            false,
            true,
        ),
        6 => (NOW_EPOCH_SECS - 86_400 * 10, true, false),
        _ => (
            NOW_EPOCH_SECS + rng.range(30, 365) as i64 * 86_400,
            false,
            true,
        ),
    };
    let used = n % 4 == 1;
    let if_used = |value: u64| if used { value } else { 0 };
    let event_base = 70_000 + index * 50 + n * 3;
    let events = (0..rng.range(1, 3))
        .map(|e| event(&mut rng, index, event_base + e))
        .collect();
    let attendance = (0..rng.range(1, 4))
        .map(|a| Attendance {
            id: id * 10 + a,
            event_id: event_base + a % 3,
            registration_id: user_id(index) * 10,
            attendance: ATTENDANCE[((n * 4 + a + index) % 9) as usize],
            replacement_for: if a == 0 { 0 } else { id * 10 + a - 1 },
            resolution: if a % 2 == 0 { "credit_issued" } else { "" },
            created: Timestamp(created + a as i64 * 3_600),
            modified: Timestamp(created + a as i64 * 7_200),
            cancellation_reason: if a % 3 == 1 { "Sick child" } else { "" },
            credit_id: id,
        })
        .collect();
    Credit {
        id,
        kind,
        active,
        origin_user_id: user_id(index),
        origin_company_id: shared.credentials.zooza_company_id,
        origin_order_id: 40_000 + index,
        origin_event_id: event_base,
        origin_attendance_id: id * 10,
        used_on_user_id: if_used(user_id(index)),
        used_on_company_id: if_used(shared.credentials.zooza_company_id),
        used_on_order_id: if_used(40_000 + index),
        used_on_event_id: if_used(event_base + 1),
        used_on_attendance_id: if_used(id * 10 + 1),
        value: VALUES[(n % 5) as usize],
        code: format!("SBX-{:06}", id % 1_000_000),
        settings: "{}",
        expiration: Timestamp(expiration),
        used: used.then_some(Timestamp(created + 86_400 * 3)),
        used_by: used.then_some(user_id(index)),
        usage: if used { "used" } else { "not_used" },
        created: Timestamp(created),
        created_by: if n.is_multiple_of(3) {
            "system"
        } else {
            "trainer"
        },
        updated: Timestamp(created + 86_400),
        expired,
        events,
        attendance,
    }
}

struct Attendance {
    id: u64,
    event_id: u64,
    registration_id: u64,
    attendance: &'static str,
    replacement_for: u64,
    resolution: &'static str,
    created: Timestamp,
    modified: Timestamp,
    cancellation_reason: &'static str,
    credit_id: u64,
}

struct Event {
    id: u64,
    name: Cow<'static, str>,
    status: &'static str,
    date: Timestamp,
    happened: bool,
    live_stream: u64,
    has_live_stream: bool,
    replacement: bool,
    end: Timestamp,
    duration: u64,
    cancellation_limit: Timestamp,
    can_cancel: bool,
    has_video: bool,
    has_files: bool,
    places: Named,
    courses: Named,
    trainers: Trainer,
    additional_trainers: [AdditionalTrainer; 1],
}

struct Named {
    id: u64,
    name: &'static str,
}

struct Trainer {
    id: u64,
    full_name: &'static str,
}

struct AdditionalTrainer {
    role: &'static str,
    full_name: &'static str,
}

fn event(rng: &mut Rng, index: u64, id: u64) -> Event {
    let start = NOW_EPOCH_SECS + (rng.range(0, 120) as i64 - 60) * 86_400 + 9 * 3_600;
    let title = COURSES[((id + index) % 6) as usize];
    let name = match hostile_kind(index) {
        Some(kind) if kind != HostileKind::Nulls => Cow::Owned(kind.taint(title)),
        _ => Cow::Borrowed(title),
    };
    Event {
        id,
        name,
        status: if id % 5 == 4 {
            "unplanned"
        } else {
            "scheduled"
        },
        date: Timestamp(start),
        happened: start < NOW_EPOCH_SECS,
        live_stream: 0,
        has_live_stream: false,
        replacement: id.is_multiple_of(3),
        end: Timestamp(start + 2_700),
        duration: 45,
        cancellation_limit: Timestamp(start - 86_400),
        can_cancel: start - 86_400 > NOW_EPOCH_SECS,
        has_video: false,
        has_files: id.is_multiple_of(4),
        places: Named {
            id: 5,
            name: "Aquapark Pool B",
        },
        courses: Named {
            id: 31 + id % 4,
            name: title,
        },
        trainers: Trainer {
            id: 12,
            full_name: "Marta Kováčová",
        },
        additional_trainers: [AdditionalTrainer {
            role: "assistant",
            full_name: "Peter Horváth",
        }],
    }
}

impl Credit {
    /// The credit as the wire has it.
    pub(super) fn write_json(&self, out: &mut Vec<u8>) {
        let mut credit = ObjectOut::new(out);
        credit
            .u64("id", self.id)
            .str("type", self.kind)
            .bool("active", self.active)
            .u64("origin_user_id", self.origin_user_id)
            .u64("origin_company_id", self.origin_company_id)
            .u64("origin_order_id", self.origin_order_id)
            .u64("origin_event_id", self.origin_event_id)
            .u64("origin_attendance_id", self.origin_attendance_id)
            .u64("used_on_user_id", self.used_on_user_id)
            .u64("used_on_company_id", self.used_on_company_id)
            .u64("used_on_order_id", self.used_on_order_id)
            .u64("used_on_event_id", self.used_on_event_id)
            .u64("used_on_attendance_id", self.used_on_attendance_id)
            .u64("value", self.value)
            .str("code", &self.code)
            .str("settings", self.settings)
            .timestamp("expiration", self.expiration);
        if let Some(used) = self.used {
            credit.timestamp("used", used);
        }
        if let Some(used_by) = self.used_by {
            credit.u64("used_by", used_by);
        }
        credit
            .str("usage", self.usage)
            .timestamp("created", self.created)
            .str("created_by", self.created_by)
            .timestamp("updated", self.updated)
            .bool("expired", self.expired);
        array(credit.key("events"), &self.events, Event::write_json);
        array(
            credit.key("attendance"),
            &self.attendance,
            Attendance::write_json,
        );
        credit.end();
    }
}

impl Attendance {
    fn write_json(&self, out: &mut Vec<u8>) {
        ObjectOut::new(out)
            .u64("id", self.id)
            .u64("event_id", self.event_id)
            .u64("registration_id", self.registration_id)
            .str("attendance", self.attendance)
            .u64("replacement_for", self.replacement_for)
            .str("resolution", self.resolution)
            .timestamp("created", self.created)
            .timestamp("modified", self.modified)
            .str("cancellation_reason", self.cancellation_reason)
            .u64("credit_id", self.credit_id)
            .end();
    }
}

impl Event {
    fn write_json(&self, out: &mut Vec<u8>) {
        let mut event = ObjectOut::new(out);
        event
            .u64("id", self.id)
            .str("name", &self.name)
            .str("status", self.status)
            .timestamp("date", self.date)
            .bool("happened", self.happened)
            .u64("live_stream", self.live_stream)
            .bool("has_live_stream", self.has_live_stream)
            .bool("replacement", self.replacement)
            .timestamp("end", self.end)
            .u64("duration", self.duration)
            .timestamp("cancellation_limit", self.cancellation_limit)
            .bool("can_cancel", self.can_cancel)
            .bool("has_video", self.has_video)
            .bool("has_files", self.has_files);
        self.places.write_json(event.key("places"));
        self.courses.write_json(event.key("courses"));
        let trainer = event.key("trainers");
        ObjectOut::new(trainer)
            .u64("id", self.trainers.id)
            .str("full_name", self.trainers.full_name)
            .end();
        array(
            event.key("additional_trainers"),
            &self.additional_trainers,
            |additional, out| {
                ObjectOut::new(out)
                    .str("role", additional.role)
                    .str("full_name", additional.full_name)
                    .end();
            },
        );
        event.end();
    }
}

impl Named {
    fn write_json(&self, out: &mut Vec<u8>) {
        ObjectOut::new(out)
            .u64("id", self.id)
            .str("name", self.name)
            .end();
    }
}
