//! `userscope`: find, read, audit and export user accounts held in `SaaS` admin APIs.

pub mod config;
pub mod http;
pub mod model;
pub mod provider;
pub mod sandbox;
pub mod sanitize;
pub mod secret;
