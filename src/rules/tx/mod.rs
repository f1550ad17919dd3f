//! TX rules: touchpoints that are more than transactions. Messages are not pure
//! sales pressure, the journey goes on after the sale, people who help
//! customers own a touchpoint, and no persona is contacted more than a few
//! times a week.
//!
//! Floor `rules`: the rules of one family, one file each; they import `plan`,
//! `text`, `diagnostic` and the registry.

pub mod tx001_transactional_touchpoint;
pub mod tx002_transactional_plan;
pub mod tx003_journey_ends_at_purchase;
pub mod tx004_no_human_help;
pub mod tx005_message_fatigue;

use crate::plan::{Touchpoint, text};
use crate::text::lexicons::{customer_value, sales_pressure};
use crate::text::{quote, tokenize};

/// The quoted pressure cues of a touchpoint whose message is pure sales
/// pressure, or `None` when it asks, poses a question, or offers something of
/// value besides the sale. Shared by TX001 and TX002 so they always agree.
pub(crate) fn pure_pressure(touchpoint: &Touchpoint) -> Option<Vec<String>> {
    if touchpoint.asks() {
        return None;
    }
    let message = text(&touchpoint.message)?;
    if message.contains('?') {
        return None;
    }
    let tokens = tokenize(message);
    let cues = sales_pressure().find(&tokens);
    if cues.is_empty() || !customer_value().find(&tokens).is_empty() {
        return None;
    }
    Some(cues.into_iter().map(|m| quote(message, m.span)).collect())
}
