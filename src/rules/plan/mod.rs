//! PLAN rules: the plan file itself. It must be readable, use known keys, refer
//! to items that exist, and waive rules with reasons and dates; paths it names
//! stay in its repository, and no hidden control reorders its text.
//!
//! Floor `rules`: the rules of one family, one file each; they import `plan`,
//! `source`, `input`, `text`, `diagnostic` and the registry.

pub mod plan001_invalid_plan;
pub mod plan002_unknown_field;
pub mod plan003_unknown_reference;
pub mod plan004_duplicate_id;
pub mod plan005_waiver_without_reason;
pub mod plan006_expired_waiver;
pub mod plan007_unused_waiver;
pub mod plan008_refused_path;
pub mod plan009_bidi_control;
