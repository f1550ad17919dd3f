pub mod plan001_invalid_plan;
pub mod plan002_unknown_field;
pub mod plan003_unknown_reference;
pub mod plan004_duplicate_id;
pub mod plan005_waiver_without_reason;
pub mod plan006_expired_waiver;
pub mod plan007_unused_waiver;
pub mod plan009_bidi_control;
