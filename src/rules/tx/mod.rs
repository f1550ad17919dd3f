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
pub mod tx006_persona_stops_at_purchase;

use crate::plan::{Touchpoint, text};
use crate::text::lexicons::{customer_value, held_deals, interest_commerce, sales_pressure};
use crate::text::{Match, Part, Token, parts, quote, starts, tokenize};

/// The quoted pressure cues of a touchpoint whose message is pure sales
/// pressure, or `None` when it is not. Shared by TX001 and TX002 so they
/// always agree. Only the message is judged: an `ask` is the YOU rules'
/// business.
pub(crate) fn pure_pressure(touchpoint: &Touchpoint) -> Option<Vec<String>> {
    pressure_only(text(&touchpoint.message)?)
}

/// The quoted pressure cues of a message that has some and says nothing
/// else for the customer. The message is read part by part (its clauses,
/// cut again at "and", "with", "plus"...): it gives something when a part
/// without pressure offers something of value (help, a guide, notes, a
/// tasting, an invitation, how a thing is made or cared for) or asks an open
/// question. A part with pressure in it gives nothing whatever its words
/// ("help yourself to 30% off"), and neither does a label ("Tip:").
fn pressure_only(message: &str) -> Option<Vec<String>> {
    let tokens = tokenize(message);
    let mut cues = sales_pressure().find(&tokens);
    cues.retain(|cue| !ends_what_they_hold(message, &tokens, cue) && !a_concession(&tokens, cue));
    let calls: Vec<Match> = calls_to_act_now(&tokens)
        .into_iter()
        .chain(more_than_asked(&tokens))
        .filter(|call| {
            !cues
                .iter()
                .any(|cue| cue.tokens.start < call.tokens.end && call.tokens.start < cue.tokens.end)
        })
        .collect();
    let parts = parts(message, &tokens);
    // Tables of where each kind of match starts, so that each part is read
    // in one step per word whatever the number of matches.
    let mut call_len = vec![0; tokens.len()];
    for call in &calls {
        call_len[call.tokens.start] = call.tokens.len();
    }
    let longest_call = |part: &Part| call_len[part.tokens.clone()].iter().copied().max();
    // Two calls to buy, book or donate now, or to something on sale now,
    // each with a few words at most around it, and nothing else but a
    // label or a price of a few words, are pressure with no other cue:
    // "Please donate today. Raffle tickets now on sale, 1 pound each. Book
    // your place now." A part of its own between them ("walk in on Tuesdays
    // if booking online is hard", "Free for carers") or a reason beside a
    // call ("if you are over 65 or pregnant") may well help.
    let only_calls = calls.len() >= 2
        && parts.iter().all(|part| match longest_call(part) {
            Some(len) if len > 0 => part.tokens.len() <= len + SHORT_PART,
            _ => {
                part.is_label()
                    || part.tokens.len() <= SHORT_PART && priced(&tokens[part.tokens.clone()])
            }
        });
    if cues.is_empty() && !only_calls {
        return None;
    }
    cues.extend(calls);
    cues.sort_by_key(|m| m.tokens.start);
    let cue_at = starts(tokens.len(), &cues);
    let value_at = starts(tokens.len(), &customer_value().find(&tokens));
    let any_in = |table: &[bool], part: &Part| table[part.tokens.clone()].contains(&true);
    // An exclamation right before a part with pressure leads into it, as a
    // label does: "Time for your check-up! Book now and ...".
    let leads_in = |at: usize| {
        parts[at].end == Some('!') && parts.get(at + 1).is_some_and(|next| any_in(&cue_at, next))
    };
    let gives = parts.iter().enumerate().any(|(at, part)| {
        !any_in(&cue_at, part)
            && !part.is_label()
            && !leads_in(at)
            && (any_in(&value_at, part) || part.asks_openly(&tokens))
    });
    // Each cue quoted once, however often the message repeats it.
    (!gives).then(|| {
        let mut seen = std::collections::HashSet::new();
        cues.iter()
            .map(|m| quote(message, m.span.clone()))
            .filter(|q| seen.insert(q.to_lowercase()))
            .collect()
    })
}

/// Verbs that open a call to buy or book.
pub(super) const CALLS: &[&str] = &["book", "buy", "order", "shop", "grab", "reserve"];

/// The most words a part between calls may have and still say nothing of
/// its own, a price ("1 pound each"), and the most a part may have beside
/// its call ("Please").
const SHORT_PART: usize = 3;

/// Whether words name a price: a number or a currency ("1 pound each",
/// "£5").
fn priced(tokens: &[Token]) -> bool {
    tokens.iter().any(|t| {
        t.word
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '£' | '$' | '€'))
            || matches!(&*t.word, "pound" | "pounds" | "pence")
    })
}

/// Calls to buy, book or donate with "now" or "today" a few words on, in
/// one clause ("Book your private orthotic fitting now", "Please donate to
/// the centre today"): beside other pressure, or another such call, the
/// call is pressure too, and the thing it pushes ("a fitting") is no value
/// given. Alone, "book ... now" is read as a service's invitation, not
/// pressure.
fn calls_to_act_now(tokens: &[Token]) -> Vec<Match> {
    let mut found = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        // An imperative opens its clause, or follows "and", "so", "then",
        // "please".
        let opens = i == 0
            || tokens[i - 1].clause != t.clause
            || matches!(&*tokens[i - 1].word, "and" | "so" | "then" | "please");
        if !(CALLS.contains(&&*t.word) || &*t.word == "donate") || !opens {
            continue;
        }
        let now = (i + 1..tokens.len().min(i + 8))
            .take_while(|&j| tokens[j].clause == t.clause)
            .find(|&j| matches!(&*tokens[j].word, "now" | "today"));
        if let Some(j) = now {
            found.push(Match {
                tokens: i..j + 1,
                span: t.span.start..tokens[j].span.end,
            });
        }
    }
    // "Now on sale", "on sale now": a call in the form of news.
    let word = |i: usize| tokens.get(i).map_or("", |t| &*t.word);
    for i in 0..tokens.len() {
        let start = match (word(i), word(i + 1), word(i + 2)) {
            ("now", "on", "sale") => i,
            ("on", "sale", "now") => i,
            _ => continue,
        };
        found.push(Match {
            tokens: start..start + 3,
            span: tokens[start].span.start..tokens[start + 2].span.end,
        });
    }
    found.sort_by_key(|m| m.tokens.start);
    found
}

/// "Why stop at ...?": beside other pressure, a push to buy more than was
/// asked for ("Your collection is booked! Why stop at three items? ...
/// Offer ends Sunday"); alone, a question that may well invite someone on
/// ("Why stop at 5k? Join the free 10k group").
fn more_than_asked(tokens: &[Token]) -> Vec<Match> {
    tokens
        .windows(3)
        .enumerate()
        .filter(|(_, w)| &*w[0].word == "why" && &*w[1].word == "stop" && &*w[2].word == "at")
        .map(|(i, w)| Match {
            tokens: i..i + 3,
            span: w[0].span.start..w[2].span.end,
        })
        .collect()
}

/// Words of a price that a cut price may name: "the half-price rate".
const PRICE_WORDS: &[&str] = &[
    "rate", "rates", "fare", "fares", "price", "prices", "ticket", "tickets", "place", "places",
    "seat", "seats",
];

/// Whether a cut price is a concession: a rate for a group of people, the
/// cue followed by a word of price and "for" ("the half-price rate for
/// families on free school meals", "half-price fares for carers"). A
/// discount for buyers ("20% off for members today") names no rate, and
/// stays pressure.
fn a_concession(tokens: &[Token], cue: &Match) -> bool {
    let word = |i: usize| tokens.get(i).map_or("", |t| &*t.word);
    let end = cue.tokens.end;
    PRICE_WORDS.contains(&word(end))
        && word(end + 1) == "for"
        && tokens[end + 1].clause == tokens[cue.tokens.start].clause
}

/// How many words a thing the customer holds may take, from "your" to the
/// clock ("your annual swim pass ends soon"), an aside between commas
/// aside.
const LONGEST_HOLDING: usize = 5;

/// Words that open an aside about the thing held, between commas: "Your
/// pass, which you loved, ends soon".
const ASIDES: &[&str] = &["which", "who", "that"];

/// Whether a cue of the clock ("ends soon", "expires today") is the end of
/// something the customer holds, named right before it after "your" ("Your
/// annual swim pass ends soon", "Your 10-week course ends soon", "Your
/// pass, which you loved, ends soon"): a service reminder, not the deadline
/// of a sale. An offer, a price or a discount the customer "holds" is still
/// one ("Your 20% off ends tonight", "your voucher expires today"), and so
/// are the terms of a sale (`held_deals`: "Your member rate ends tonight",
/// "Your upgrade window ends tonight", "Your Gold status ends soon").
fn ends_what_they_hold(message: &str, tokens: &[Token], cue: &Match) -> bool {
    let at = cue.tokens.start;
    if !matches!(&*tokens[at].stem, "end" | "expir") {
        return false;
    }
    let mut before = at;
    if let Some(last) = at.checked_sub(1)
        && tokens[last].clause != tokens[at].clause
    {
        let opens = (0..=last).find(|&i| tokens[i].clause == tokens[last].clause);
        match opens {
            Some(i) if ASIDES.contains(&&*tokens[i].word) => before = i,
            _ => return false,
        }
    }
    let from = before.saturating_sub(LONGEST_HOLDING + 1);
    let Some(your) = (from..before).rfind(|&i| &*tokens[i].word == "your") else {
        return false;
    };
    let held = your + 1..before;
    if held.is_empty() {
        return false;
    }
    let clause = tokens[held.start].clause;
    let text = &message[tokens[held.start].span.start..tokens[held.end - 1].span.end];
    let plain = held
        .clone()
        .all(|i| tokens[i].clause == clause && !matches!(&*tokens[i].word, "%" | "off"))
        && !text.chars().any(is_currency);
    plain
        && interest_commerce().find(&tokens[held.clone()]).is_empty()
        && held_deals().find(&tokens[held]).is_empty()
}

/// A currency sign: "Your £20 credit ends tonight" holds money off.
fn is_currency(c: char) -> bool {
    matches!(c, '£' | '$' | '€' | '¥')
}

#[cfg(test)]
mod tests {
    use super::pressure_only;

    fn pushy(message: &str) -> bool {
        pressure_only(message).is_some()
    }

    #[test]
    fn a_call_to_book_now_beside_pressure_gives_nothing() {
        assert!(pushy(
            "This month only: 15% off insoles. Book your private fitting now at example.com/book."
        ));
        assert!(!pushy(
            "Book your free fitting now; we check how you walk first."
        ));
        assert!(pushy(
            "This month only: 20% off the new range. Book your upgrade fitting today."
        ));
        assert!(!pushy(
            "Book your first fitting today; bring the shoes you walk in most."
        ));
        assert!(!pushy(
            "10% off for members, and a free fitting with the physio who knows your feet."
        ));
    }

    #[test]
    fn pressure_next_to_value_is_not_pure() {
        for message in [
            "Single-origin beans from the roaster's spring list, with brewing notes for each, and 15% off for subscribers",
            "15% off winter servicing this week, and our guide to keeping a chain clean in the rain",
            "Flash sale on wool throws, plus a care guide so they last for years",
            "Which walk are you planning this summer? 20% off day packs this week",
            "A free tasting evening with the vineyard's winemaker; 10% off any case on the night",
            "Glazes explained by the potter who made them, and 20% off the seconds shelf, today only",
            "Tonight's walk from your plan is ready (12 minutes). 3 days left of your trial.",
            "Seconds shelf at half price, with a card saying what each glaze is for",
            "What your monthly gift paid for this spring: the story of one night nurse",
            "Your season ticket ends soon. Renew now at this season's price; concessions apply automatically.",
            "Your parking permit expires today: renew it at the desk or online.",
            "Your 10-week course ends soon.",
            "Your 2026 season pass ends soon.",
            "Your pass, which you loved, ends soon.",
            "Book your next class today.",
            "Time for your check-up! Book any weekday, and we'll text the day before.",
            "Spring is here! Book now and get a free soil test with our grower's notes.",
            "Book your flu jab today if you are over 65 or pregnant. Book a lift now if you need one to the surgery.",
            "Order your Christmas veg box today so we can pick it fresh on the 23rd. Book your collection slot now to skip the queue on the day.",
            "Book your flu jab today. Free for carers. Step-free entrance. Book a lift now.",
            "Your glaucoma eye drops prescription ends soon. We can send the repeat request to Dr Patel for you.",
            "Please donate to the centre today. Raffle tickets on sale at the door, 1 pound each.",
            "Tickets for the spring concert now on sale; the programme is Elgar and Holst. Book now.",
            "Book your flu jab today; walk in on Tuesday mornings if booking online is hard. Book a lift now if you need one.",
        ] {
            assert!(!pushy(message), "{message}");
        }
    }

    #[test]
    fn a_cut_price_for_a_group_of_people_is_a_concession() {
        assert!(!pushy(
            "Seats on the village route, and the half-price fare for carers."
        ));
        assert!(pushy("Half price for members this weekend only."));
        assert!(pushy("20% off for members, book before Friday."));
    }

    #[test]
    fn nothing_but_pressure_is_pure_whatever_else_the_touchpoint_does() {
        for message in [
            "LAST DAY: 40% off all tents, order before midnight!",
            "Everything must go: 50% off sofas, final hours",
            "Hurry in and help yourself to 30% off, today only",
            "Tip: buy now, 25% off ends tonight",
            "Ready to ride? 30% off every e-bike, today only",
            "Why not treat yourself? Prices slashed, this weekend only",
            "Why wait? 20% off lenses, while stocks last",
            "Thanks for being a member, and would you upgrade your membership to Gold? Most members choose Gold",
            "Your 20% off ends tonight",
            "Your voucher expires today: shop now",
            "Your basket discount ends soon",
            "Your member rate ends tonight",
            "Your chance ends tonight",
            "Your upgrade window ends tonight",
            "Your Gold status ends soon",
            "Your £20 credit ends tonight",
            "Your deal, which you chose, ends tonight",
            "Please give to the shelter today. Every pound counts.",
            "Donate now and keep the lights on",
            "Please donate to the centre today. Raffle tickets now on sale, 1 pound each. Book your next course now.",
            "Book your next class today. Order your kit now.",
            "Time for your check-up! Book now and add whitening for just £199, and get 10% off braces, this month only.",
        ] {
            assert!(pushy(message), "{message}");
        }
    }

    #[test]
    fn a_cue_repeated_is_quoted_once() {
        assert_eq!(
            pressure_only("Book now. Book now. BOOK NOW. Order today.").unwrap(),
            ["\"Book now\"", "\"Order today\""]
        );
    }

    #[test]
    fn evidence_is_the_cues_as_written() {
        assert_eq!(
            pressure_only("Final hours: 40% off, order before midnight").unwrap(),
            ["\"Final hours\"", "\"40% off\"", "\"before midnight\""]
        );
        assert_eq!(pressure_only("Our autumn guide to pruning roses"), None);
    }
}
