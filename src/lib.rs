//! A widget that holds the numeric targets of a government plan and projects each one's year-end
//! attainment from a reader's scenario. See ARCHITECTURE.md for the map.
//!
//! Everything outside `app` is pure logic: no Leptos and no web types, tested natively.

pub mod charts;
pub mod checks;
pub mod date;
pub mod embed;
pub mod engine;
pub mod fragment;
pub mod i18n;
pub mod markup;
pub mod num;
pub mod present;
pub mod problem;
pub mod report;
pub mod saved;
pub mod scenario;
pub mod sheet;
pub mod table;
pub mod ui;

#[cfg(target_arch = "wasm32")]
pub mod app;
