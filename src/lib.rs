//! `userscope`: find, read, audit and export user accounts held in `SaaS` admin APIs.

pub mod action;
pub mod app;
pub mod audit;
pub mod cli;
pub mod clipboard;
pub mod commands;
pub mod config;
pub mod effect;
pub mod explorer;
pub mod export;
pub mod http;
pub mod keymap;
pub mod logging;
pub mod model;
pub mod msg;
pub mod provider;
pub mod sandbox;
pub mod sandbox_profiles;
pub mod sanitize;
pub mod secret;
pub mod session;
pub mod state;
pub mod theme;
pub mod tui;
pub mod ui;
pub mod update;
