//! GOAL rules: Sterne's measurable goals. Every goal has a metric, a target and
//! a due date and says which business goal it serves, some goal is about
//! customer satisfaction (and, as a prompt, some lowers cost and some raises
//! revenue), a satisfaction goal measures more than money, and a touchpoint
//! serves every goal.
//!
//! Floor `rules`: the rules of one family, one file each; they import `plan`,
//! `text`, `diagnostic` and the registry.

pub mod goal001_unmeasurable_goal;
pub mod goal002_undated_goal;
pub mod goal003_unclassified_goal;
pub mod goal004_sales_only_goals;
pub mod goal005_orphan_goal;
pub mod goal006_missing_business_goal;
pub mod goal007_mislabelled_goal;
