//! The list filter is never wrong: whenever the list says it is done filtering, its rows are
//! exactly nucleo's ranking (smart case, fzf syntax, over `name email`) of every user held,
//! best score first, then load order.
//!
//! Users come from the sandbox over HTTP through the directory sync (the path the explorer
//! takes), so names are the generator's: CJK, RTL, accents and the hostile ones. The real
//! `update` is driven with the sequences an operator makes (typing, backspace, an edit in the
//! middle, `'`, `^`, `$`, `!`), pages arriving mid-query, rows changing, background answers
//! coming late or superseded; after every step the rows are checked against a ranking
//! computed from scratch.
//!
//! Here: the users and the harness (`Explorer`); the property tests are in `sessions`, the cases
//! that issues and the property tests found in `cases`.

#[path = "../support/mod.rs"]
mod support;

mod cases;
mod sessions;

use std::sync::OnceLock;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32String};
use userscope::directory::Directory;
use userscope::effect::Effect;
use userscope::model::{UserPage, UserSummary};
use userscope::msg::{Msg, StoredDirectory};
use userscope::state::filter::FilterJob;
use userscope::state::{Focus, HeldUsers, ProfileBadge, RequestId, State};
use userscope::update::{init, update};

/// Every user of a provider's sandbox of `users`, synced as the explorer syncs them.
async fn synced(provider_name: &str, users: u64) -> Vec<UserSummary> {
    let sandbox = support::start(users).await;
    let provider = support::build(&support::profile(&sandbox, provider_name));
    let directory = Directory::in_memory(provider_name, provider_name);
    let mut all = Vec::new();
    directory
        .sync(provider.as_ref(), |page| all.extend(page.users))
        .await
        .expect("the sandbox syncs");
    all
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime")
}

/// 30,000 Scanova users and 12,000 Zoo users, fetched once for every case.
fn sandbox_users() -> &'static [UserSummary] {
    static USERS: OnceLock<Vec<UserSummary>> = OnceLock::new();
    USERS.get_or_init(|| {
        runtime().block_on(async {
            let mut users = synced("scanova", 30_000).await;
            users.extend(synced("zoo", 12_000).await);
            users
        })
    })
}

/// `count` users drawn from the sandbox's, in order; past the end they repeat with new ids
/// and a tag in the address, so 100,000 distinct users stay the generator's names.
fn users(count: usize) -> Vec<UserSummary> {
    let base = sandbox_users();
    (0..count)
        .map(|index| {
            let mut user = base[index % base.len()].clone();
            let round = index / base.len();
            if round > 0 {
                user.id = format!("{}-{round}", user.id);
                user.email = user.email.replacen('@', &format!("+{round}@"), 1);
            }
            user
        })
        .collect()
}

/// The ranking from scratch: every user held scored alone, best first, then load order.
fn exhaustive(users: &HeldUsers, query: &str) -> Vec<usize> {
    if query.is_empty() {
        return (0..users.len()).collect();
    }
    let pattern = Pattern::parse(query, CaseMatching::Smart, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut scored: Vec<(u32, usize)> = users
        .iter()
        .enumerate()
        .filter_map(|(index, user)| {
            let text = Utf32String::from(format!("{} {}", user.name, user.email));
            pattern
                .score(text.slice(..), &mut matcher)
                .map(|score| (score, index))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().map(|(_, index)| index).collect()
}

/// What an operator (and the network) can do next.
#[derive(Debug, Clone)]
enum Step {
    /// A character typed where the cursor is.
    Type(char),
    Backspace,
    Left,
    Right,
    /// A page of this many users arrives from the sync.
    Page(usize),
    /// A held user's row changes on the server (index into the held users, modulo).
    Change(usize),
    /// A full sync (`r` on the list) brings every held user but every `n`th (2 to 6) and
    /// completes: those leave the list. Another sync starts for the pages still to come.
    Resync(usize),
    /// The newest background answer arrives (the app aborted the superseded jobs).
    Answer,
    /// The oldest background answer arrives: a superseded one the app sent before it was
    /// cancelled, late.
    LateAnswer,
}

/// The explorer on a directory being synced, and the background work it asked for.
struct Explorer {
    state: State,
    sync: RequestId,
    /// Users not yet arrived, in server order.
    to_come: Vec<UserSummary>,
    /// Filter jobs asked for and not yet answered, oldest first.
    jobs: Vec<(RequestId, FilterJob)>,
}

impl Explorer {
    /// Opens with `first` users of `users` synced; the rest arrive with `Step::Page`.
    fn new(mut users: Vec<UserSummary>, first: usize) -> Self {
        let badge = ProfileBadge {
            name: "sandbox-scanova".into(),
            provider: "scanova".into(),
            is_sandbox: true,
        };
        let mut state = State::new(badge, (120, 40));
        let Some(Effect::OpenDirectory { request }) = init(&mut state).into_iter().next() else {
            panic!("the explorer opens its directory first")
        };
        let stored = StoredDirectory {
            stale: true,
            ..StoredDirectory::default()
        };
        let effects = update(
            &mut state,
            Msg::DirectoryOpened {
                request,
                stored: Ok(stored),
            },
        );
        let sync = effects
            .iter()
            .find_map(|effect| match effect {
                Effect::SyncDirectory { request, .. } => Some(*request),
                _ => None,
            })
            .expect("nothing stored: a sync");
        let to_come = users.split_off(first.min(users.len()));
        let mut explorer = Self {
            state,
            sync,
            to_come,
            jobs: Vec::new(),
        };
        explorer.page_of(users);
        explorer.send(Msg::Key(KeyEvent::new(
            KeyCode::Char('/'),
            KeyModifiers::NONE,
        )));
        assert_eq!(explorer.state.focus, Focus::Filter);
        explorer
    }

    fn send(&mut self, msg: Msg) {
        for effect in update(&mut self.state, msg) {
            match effect {
                Effect::FilterUsers { request, job } => self.jobs.push((request, *job)),
                // Users gone from the server, dropped as the app's background task does.
                Effect::KeepSeenUsers {
                    request,
                    users,
                    seen,
                } => {
                    let kept = users.keeping(|at| seen.has(at));
                    self.send(Msg::SeenUsersKept {
                        request,
                        kept,
                        seen,
                    });
                }
                _ => {}
            }
        }
    }

    fn key(&mut self, code: KeyCode) {
        self.send(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
    }

    fn page_of(&mut self, users: Vec<UserSummary>) {
        self.send(Msg::DirectoryPage {
            request: self.sync,
            page: UserPage {
                users,
                next: Some("more".into()),
                total: None,
            },
        });
    }

    fn answer_newest(&mut self) {
        if let Some(newest) = self.jobs.pop() {
            self.jobs.clear();
            self.jobs.push(newest);
            self.answer_oldest();
        }
    }

    fn answer_oldest(&mut self) {
        if self.jobs.is_empty() {
            return;
        }
        let (request, job) = self.jobs.remove(0);
        let ranking = job.run(&|| false).expect("not cancelled");
        self.send(Msg::UsersFiltered {
            request,
            ranking: Box::new(ranking),
        });
    }

    fn apply(&mut self, step: &Step) {
        match step {
            Step::Type(c) => self.key(KeyCode::Char(*c)),
            Step::Backspace => self.key(KeyCode::Backspace),
            Step::Left => self.key(KeyCode::Left),
            Step::Right => self.key(KeyCode::Right),
            Step::Page(count) => {
                let count = (*count).min(self.to_come.len());
                let page: Vec<UserSummary> = self.to_come.drain(..count).collect();
                self.page_of(page);
            }
            Step::Change(at) => {
                let held = &self.state.list.users;
                if held.is_empty() {
                    return;
                }
                let mut user = held.get(at % held.len()).expect("a held user").to_summary();
                user.name = format!("{} Annex", user.name);
                self.page_of(vec![user]);
            }
            Step::Resync(n) => self.resync(2 + n % 5),
            Step::Answer => self.answer_newest(),
            Step::LateAnswer => self.answer_oldest(),
        }
    }

    /// `r` on the list (the focus goes there and back, as Tab does): a full sync starts.
    fn start_sync(&mut self) {
        let typing_in = std::mem::replace(&mut self.state.focus, Focus::List);
        let effects = update(
            &mut self.state,
            Msg::Key(KeyEvent::new(KeyCode::Char('r'), KeyModifiers::NONE)),
        );
        self.state.focus = typing_in;
        self.sync = effects
            .iter()
            .find_map(|effect| match effect {
                Effect::SyncDirectory { request, .. } => Some(*request),
                _ => None,
            })
            .expect("r syncs the directory");
        for effect in effects {
            if let Effect::FilterUsers { request, job } = effect {
                self.jobs.push((request, *job));
            }
        }
    }

    /// A full sync that lists every held user but every `nth` completes: exactly those leave,
    /// the others stay in their order.
    fn resync(&mut self, nth: usize) {
        self.start_sync();
        let held: Vec<UserSummary> = self
            .state
            .list
            .users
            .iter()
            .map(userscope::model::UserRef::to_summary)
            .collect();
        let (kept, _gone): (Vec<(usize, UserSummary)>, Vec<_>) = held
            .into_iter()
            .enumerate()
            .partition(|(at, _)| at % nth != nth - 1);
        let kept: Vec<UserSummary> = kept.into_iter().map(|(_, user)| user).collect();
        // The server lists them in its own order: backwards, in two pages.
        let mut listed = kept.clone();
        listed.reverse();
        let second = listed.split_off(listed.len() / 2);
        self.page_of(listed);
        self.page_of(second);
        self.send(Msg::DirectorySyncEnded {
            request: self.sync,
            result: Ok(None),
        });
        let ids: Vec<&str> = self.state.list.users.iter().map(|user| user.id).collect();
        let expected: Vec<&str> = kept.iter().map(|user| user.id.as_str()).collect();
        assert_eq!(
            ids, expected,
            "the users the sync did not list leave, no other"
        );
        self.start_sync();
    }

    fn query(&self) -> String {
        self.state.list.filter.value().trim().to_owned()
    }

    /// When the list says it is done, its rows are the ranking from scratch.
    fn check(&self, after: &str) {
        if !self.state.list.rows_are_final() {
            return;
        }
        let expected = exhaustive(&self.state.list.users, &self.query());
        let shown = self.state.list.rows();
        if shown != expected.as_slice() {
            let first_difference = shown
                .iter()
                .zip(&expected)
                .position(|(a, b)| a != b)
                .unwrap_or(shown.len().min(expected.len()));
            panic!(
                "after {after}, query {:?}: {} rows shown, {} expected; first differ at row {first_difference}: shown {:?}, expected {:?}",
                self.query(),
                shown.len(),
                expected.len(),
                shown
                    .get(first_difference)
                    .and_then(|&i| self.state.list.users.get(i))
                    .map(|user| user.name),
                expected
                    .get(first_difference)
                    .and_then(|&i| self.state.list.users.get(i))
                    .map(|user| user.name),
            );
        }
    }

    /// Every answer in: the list must be done and right.
    fn settle(&mut self) {
        while !self.jobs.is_empty() {
            self.answer_oldest();
        }
        assert!(self.state.list.rows_are_final(), "every answer came");
        self.check("the last answer");
    }
}

fn run_steps(users: Vec<UserSummary>, first: usize, steps: &[Step]) {
    let mut explorer = Explorer::new(users, first);
    explorer.check("opening");
    for (number, step) in steps.iter().enumerate() {
        explorer.apply(step);
        explorer.check(&format!("step {number} ({step:?})"));
    }
    explorer.settle();
}
