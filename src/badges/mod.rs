//! The badge engine: which badges a customer has, how far they are from each
//! locked one, what a cart would unlock, and validity, limits and expiry.
//!
//! - [`orders`]: the order history (dedupe, sort, local dates);
//! - [`events`]: events beyond orders (`signup`, `referral`, …);
//! - [`rules`]: the rule language and its evaluation and hints;
//! - [`definition`]: badge definitions as data;
//! - [`catalogue`]: the ten built-in seed badges;
//! - [`validity`]: validity windows, earn limits, expiry;
//! - [`earns`]: reported and computed earns, counted against the limits;
//! - [`preview`]: the `badgePreview` function.

pub mod catalogue;
pub mod chains;
pub mod definition;
pub mod earns;
pub mod events;
pub mod orders;
pub mod preview;
pub mod rules;
pub mod validity;
