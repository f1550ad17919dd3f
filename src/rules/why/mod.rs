pub mod why001_missing_why;
pub mod why002_why_is_a_what;
pub mod why003_missing_how;
pub mod why004_goal_off_why;
pub mod why005_touchpoint_off_why;
