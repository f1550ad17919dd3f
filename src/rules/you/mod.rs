//! YOU rules: asking customers what they want and acting on it. Personas rest
//! on evidence and want things in their own words, touchpoints ask customers
//! about what they want (not for a rating or a sale) and something is done
//! with the answers, every persona is asked, and the plan's words treat
//! customers as people.
//!
//! Floor `rules`: the rules of one family, one file each; they import `plan`,
//! `text`, `diagnostic` and the registry.

pub mod you001_assumed_persona;
pub mod you002_never_asks;
pub mod you003_ask_without_action;
pub mod you004_persona_never_asked;
pub mod you005_us_versus_them;
pub mod you006_wants_in_our_words;
pub mod you007_self_serving_ask;
pub mod you008_forced_ask;
pub mod you009_closed_door;
