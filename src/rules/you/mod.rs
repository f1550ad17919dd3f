pub mod you001_assumed_persona;
pub mod you002_never_asks;
pub mod you003_ask_without_action;
pub mod you004_persona_never_asked;
pub mod you005_us_versus_them;
