//! Quip's external users: people of another company who are members of a thread of the admin's
//! company. The Admin API denies them, unless the request names such a shared thread in
//! `shared_thread_id`: then it answers the `restricted_user_info` the docs describe, only the
//! user's name, e-mails, company and id.
//!
//! Every thread `k % 9 == 4` (the ones with an invited guest) has one external member, whose
//! number is [`EXTERNAL_BASE`] plus the thread's number; the user ids stay 11 characters.

use serde_json::{Value, json};

use super::super::Shared;
use super::super::generate::{quip_id, quip_number};
use super::threads::{has_external_member, thread_count};

/// External users' numbers start here, far above any generated user's index (`62^6` is
/// about 5.7e10, so ids keep their six base-62 digits).
const EXTERNAL_BASE: u64 = 40_000_000_000;
/// The company the external users belong to (11 characters, as Quip's ids are).
const PARTNER_COMPANY_ID: &str = "SBXpartner1";

/// The external member's id of thread `k` of the user at `index`.
pub(crate) fn external_member_id(shared: &Shared, index: u64, k: u64) -> String {
    quip_id(shared.seed, b'U', EXTERNAL_BASE + index * 1024 + k)
}

/// The shared thread's number (`index * 1024 + k`) of an external user's id, if it is one.
pub(crate) fn shared_thread_number(shared: &Shared, id: &str) -> Option<u64> {
    let thread = quip_number(shared.seed, b'U', id)?.checked_sub(EXTERNAL_BASE)?;
    let (index, k) = (thread / 1024, thread % 1024);
    (index < shared.users && k < thread_count(index) && has_external_member(k)).then_some(thread)
}

/// What the Admin API answers for an external user, given the request's `shared_thread_id`:
/// the restricted answer when it names the thread the user is a member of, `None` (denied)
/// otherwise.
pub(crate) fn restricted_user_info(
    shared: &Shared,
    id: &str,
    thread: u64,
    shared_thread_id: Option<&str>,
) -> Option<Value> {
    let named = quip_number(shared.seed, b'T', shared_thread_id?)?;
    (named == thread).then(|| {
        json!({
            "name": format!("Partner Reviewer {thread}"),
            "emails": [format!("reviewer.{thread}@partner.example")],
            "company_id": PARTNER_COMPANY_ID,
            "id": id,
        })
    })
}
