//! Linking feedback to the plan: a persona or touchpoint value of a row
//! ("Cart SMS") names the plan item whose id or name has the same link key
//! ("cart-sms"). The FB rules and the feedback summary both link through
//! here.
//!
//! Floor `feedback`: imports `plan` and the aggregates of this folder.

use super::aggregate::{Group, Groups, link_key};
use super::timeline::Budget;
use crate::plan::{Plan, Touchpoint};

/// The id and name of each of the plan's personas, in plan order.
pub fn persona_names(plan: &Plan) -> Vec<(&str, &str)> {
    plan.personas
        .iter()
        .map(|p| (p.id.value.as_str(), p.name.value.as_str()))
        .collect()
}

/// The id and name of each of the plan's touchpoints, in plan order.
pub fn touchpoint_names(plan: &Plan) -> Vec<(&str, &str)> {
    plan.touchpoints
        .iter()
        .map(|t| (t.id.value.as_str(), t.name.value.as_str()))
        .collect()
}

/// The touchpoints of the plan whose `channel` names the feedback's
/// channel `value`: its link key is that of a run of the channel's words, so
/// "phone" names "phone, with a text if we can't reach you", "in store"
/// names "in store, booked online", and "E-mail" names "email and text".
/// In plan order.
pub fn channel_users<'a>(plan: &'a Plan, value: &str) -> Vec<&'a Touchpoint> {
    let key = link_key(value);
    if key.is_empty() {
        return Vec::new();
    }
    plan.touchpoints
        .iter()
        .filter(|t| {
            t.channel
                .as_ref()
                .is_some_and(|c| names_channel(&c.value, &key))
        })
        .collect()
}

/// Whether a run of the words of a plan's `channel` has the link key `key`.
fn names_channel(channel: &str, key: &str) -> bool {
    let words: Vec<String> = channel
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(link_key)
        .collect();
    (0..words.len()).any(|start| {
        let mut run = String::new();
        words[start..].iter().any(|word| {
            run.push_str(word);
            run == key
        })
    })
}

/// The index of the first item, of `(id, name)` pairs, that a group with
/// this link key names.
pub fn item_of(names: &[(&str, &str)], key: &str) -> Option<usize> {
    names
        .iter()
        .position(|(id, name)| link_key(id) == key || link_key(name) == key)
}

/// The feedback groups of one link column matched to plan items by id or
/// name: `(index of the item, merged group)`, and the groups matching nothing.
pub struct Linked<'a> {
    pub items: Vec<(usize, Group)>,
    pub unknown: Vec<&'a Group>,
}

/// Matches groups to the items whose id or name has the same link key.
pub fn link<'a>(groups: &'a Groups, names: &[(&str, &str)]) -> Linked<'a> {
    let mut items: Vec<(usize, Group)> = Vec::new();
    let mut unknown = Vec::new();
    for (key, group) in groups.iter() {
        match item_of(names, key) {
            Some(index) => match items.iter_mut().find(|(i, _)| *i == index) {
                Some((_, merged)) => merged.absorb(group, &mut Budget::new(true)),
                None => items.push((index, group.clone())),
            },
            None => unknown.push(group),
        }
    }
    items.sort_by_key(|(i, _)| *i);
    unknown.sort_by(|a, b| b.rows.cmp(&a.rows).then_with(|| a.display.cmp(&b.display)));
    Linked { items, unknown }
}

#[cfg(test)]
mod tests {
    use super::{link_key, names_channel};

    #[test]
    fn a_channel_is_named_alone_or_among_other_words() {
        let key = |v: &str| link_key(v);
        assert!(names_channel(
            "phone, with a text if we can't reach you",
            &key("Phone")
        ));
        assert!(names_channel(
            "phone, with a text if we can't reach you",
            &key("text")
        ));
        assert!(names_channel("in store, booked online", &key("In-store")));
        assert!(names_channel("email and text", &key("E-mail")));
        assert!(!names_channel("email and text", &key("sms")));
        assert!(!names_channel("newsletter", &key("news")));
    }
}
