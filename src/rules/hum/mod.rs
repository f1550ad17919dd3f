//! HUM rules: human marketing. Personas say what moves them beyond the product
//! and carry a purchase insight and a value proposition, a goal measures how
//! customers feel or whether they stay, every stage of the journey and every
//! persona is reached, and people own every touchpoint.
//!
//! Floor `rules`: the rules of one family, one file each; they import `plan`,
//! `text`, `diagnostic` and the registry.

pub mod hum001_persona_without_connection;
pub mod hum002_no_human_metric;
pub mod hum003_incomplete_profile;
pub mod hum004_journey_gap;
pub mod hum005_unserved_persona;
pub mod hum006_ownerless_touchpoint;
