//! WHY rules: Sinek's golden circle. The plan must say why the business exists
//! (its WHY), how it is different (HOW) and what it offers (WHAT), and its
//! goals and touchpoints must serve the WHY.
//!
//! Floor `rules`: the rules of one family, one file each; they import `plan`,
//! `text`, `diagnostic` and the registry.

pub(super) mod align;
pub mod why001_missing_why;
pub mod why002_why_is_a_what;
pub mod why003_missing_how;
pub mod why004_goal_off_why;
pub mod why005_touchpoint_off_why;
pub mod why006_against_why;
