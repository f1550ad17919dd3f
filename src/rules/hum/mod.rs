pub mod hum001_persona_without_connection;
pub mod hum002_no_human_metric;
pub mod hum003_incomplete_profile;
pub mod hum004_journey_gap;
pub mod hum005_unserved_persona;
