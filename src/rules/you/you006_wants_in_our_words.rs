//! YOU006 wants-in-our-words: a persona's wants are written in the
//! company's words, not the people's. The rule's metadata, its documentation
//! (`planlint explain YOU006`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::items;
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::{
    company_words, customer_judgements, offer_packaging, own_voice, sales_measures, service_terms,
    spoken_wants, want_measures, want_sales, want_targets,
};
use crate::text::{Match, Offer, PhraseList, Token, head_end, push_quote, tokenize};

pub static RULE: Rule = Rule {
    code: "YOU006",
    name: "wants-in-our-words",
    family: Family::You,
    severity: Severity::Warning,
    summary: "a persona's wants are written in the company's words, not the people's",
    help: "write what they want as they said it in the interviews and surveys of `evidence`, in their words",
    docs: r#"## What it does
Reads each persona's `wants` for the company's own vocabulary: sales and
product jargon such as "seamless", "one-stop solution", "premium",
"curated", "assortment", "best-in-class", "competitive prices",
"personalized journeys", "onboarding pathway", "tiered pricing"; a
service's own terms for a person, in a want without a person's voice
("KPI", "DNA rate", "Adherence to the prescribed home exercise programme",
"within the 16-week episode of care", "as measured on the TOMs scale",
"Evidence-based behavioural interventions");
and the shop's sales measures and tactics ("SKUs",
"basket size", "average order value", "subscription conversion", "upsell",
"cross-sell", "upgrade path") or an audience's ("time spent listening",
"share of ear", "daypart") when the want states the company's aim:
"Bundles that increase basket size", "Subscription conversion after the
second purchase", "Entry-level blends as a gateway to premium
single-estate SKUs"; and "our" before a word of the WHAT, the business
naming its own offer ("Access to our full test menu" for a service that
sells tests; "our accountants" is the customer's own); and the business
named by the first two words of the plan's `name`, both capitalised,
after "from", "with", "at", "by" or "through" and with no word going on
after them, in a want with no "I", "my" or "we" ("To buy class sets from
Second Movement"; "I'd go back to Second Movement" is a person speaking,
"Care at home in North Devon" and "at Leeds City station" are places).
A persona is
reported when at least two of its wants,
and at least half of them, speak that way. Cues are matched as whole
stemmed words.

It also reports wants that are the business's catalogue rather than
anything a person said: no want of the persona has a person's voice, and
at least two of them, and at least half, name the offer. A want names the
offer with a word of how the business packages what it sells ("package",
"bundle", "add-on", "subscription", "block of six"), with nothing but
words of the WHAT, two or more, or when what its first phrase is about
is a thing the WHAT sells, the head of one of its phrases, named with
another word of the WHAT (one alone, "An MOT on a Saturday" for a garage,
may well be the customer's own words): "Block of six
therapy sessions", "EHCP report add-on" and "Comprehensive assessment
package" for a practice that sells therapy blocks and assessments;
"Minimally invasive keyhole bunion correction" for a surgeon whose WHAT
sells bunion correction. A want has a person's voice when it
asks or exclaims, when someone speaks or is spoken to ("I", "my", "we",
"you", "please"), when a clause says what they need of a thing ("that",
"who", "when", "so"), when it rules something out ("no", "without",
"don't"), when it has a verb of wanting or doing ("want", "need", "tell",
"help", "know", "can") or opens with "to", and when "our" comes after its
first word ("Clean exports for our accountants").

Not reported: one such want among wants in people's own words (a team may
sum one up), and words people do use for what they want ("value for money",
"quality", "I need"), nor words of selling that people use too: "basket"
("add it to my basket"), "mailing list", "conversion" on its own ("a loft
conversion"). A sales measure in the customer's own voice is something they
mention or complain about, not the company's aim: a want where the customer
speaks of themselves ("a sku I can reorder", "a conversion rate I can check
before I hand over cash" at a bureau de change), a complaint ("I'm sick of
the upsell at every supermarket till", "Hate the endless upsells on
delivery apps"), what the customer asks of it right before it ("a clear
upgrade path from the free tier"), or a cue right after a negation ("don't
upsell me").

It also reports wants that are the business's aims: at least two of them,
and at least half, are its targets or the sale it wants, and no other want
of the persona has a person's voice (an aim may have a clause, "Buy a
premium cushioned shoe rather than an entry model", but not the customer
speaking of themselves, "Buy my first proper shoes"). A target opens with a verb of a
target (achieve, attend, improve, increase, reduce, reach, complete,
progress) and holds a number or names a measure (an index, a score, a
level): "Attend at least 80% of scheduled sessions", "Improve reading age
by two years within 12 months", "Improved aided speech intelligibility
index", "Progress one ESOL level per year"; a threshold on a
number is one too ("Data-logged device use above 8 hours a day", "at
least 3 visits"), while "under" and "below" are left to people who want
things under a price ("Under £10 a month"). The sale opens with a verb of
buying more from the business (buy, add, sign up, subscribe, upgrade,
spend): "Add socks and a water bottle to the basket", "Sign up to the
email list at the till". People say what they want to be able to do
("Read a bedtime story without stumbling"); a measured target is the
business's goal and belongs in `[[goal]]`, and the sale it wants is
neither. A number alone is no target ("A reliable car for 80 miles a
day"), nor is a verb of a target without one ("Improve tone"); verbs
people use of their own plans ("book", "order", "join", "pay") are no
sale, and a want with a voice ("Buy once and keep it for years" beside
"Book online without phoning") is theirs.

Short noun phrases are no catalogue on their own: careful plans write
"Straight answers about cost", "Low running costs" or "Evening lessons
after work", which name no packaging and speak of more than the WHAT. A
packaging word in a want with a voice is the person's ("a bundle we can
pause when we're away"), and one persona with a voice anywhere in its
wants is read as people speaking. "Our" opening a want is not read on its
own (a household says "our" too); "membership", "plan", "course" and
"tier" are no packaging words, as people hold memberships and plans of
their own. A catalogue in words that are neither packaging nor the WHAT's
("Regular maintenance appointments" for an osteopath whose WHAT says
"treatment") counts only beside two wants that do name the offer.

## Why it matters
"What do you want?" is only answered in the customer's words. Wants written
as "a seamless, premium experience" are what the company would like to
sell, dressed up as a finding; every touchpoint built on them speaks to a
customer who does not exist. The words people use also tell you what
matters to them ("I don't want to drop $900 and find out I hate camping"),
which jargon hides.

## Example
```toml
[[persona]]
id = "new-parent"
wants = ["A seamless omnichannel experience", "Premium curated assortment", "Best-in-class convenience"]
```

## How to fix
Quote the interviews:
```toml
wants = ["Something I can order one-handed at 3am", "Nappies that don't leak overnight"]
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let offer = cx.plan.offer();
    let name = crate::plan::text(&cx.plan.name).unwrap_or_default();
    for persona in &cx.plan.personas {
        let wants: Vec<&str> = items(&persona.wants).map(|i| i.text.as_str()).collect();
        let Some(field) = persona.wants.as_ref() else {
            continue;
        };
        let mut cues = Vec::new();
        let mut in_our_words = 0;
        for want in &wants {
            let mut found = company_words_in(want);
            found.extend(our_offer(want, &offer));
            found.extend(names_the_business(want, name));
            if !found.is_empty() {
                in_our_words += 1;
                for m in found {
                    push_quote(&mut cues, want, m.span);
                }
            }
        }
        let quoted = |wants: Vec<&str>| -> (usize, String) {
            let quotes: Vec<String> = wants.iter().map(|w| format!("\"{w}\"")).collect();
            (wants.len(), quotes.join(", "))
        };
        let (what, (count, evidence)) = if in_our_words >= 2 && in_our_words * 2 >= wants.len() {
            (
                "things in the company's words, not theirs",
                (in_our_words, cues.join(", ")),
            )
        } else if let Some(catalogue) = a_catalogue(&wants, &offer) {
            (
                "what the business sells, named as it sells it, not as they said it",
                quoted(catalogue),
            )
        } else if let Some(targets) = aims(&wants) {
            (
                "what the business aims for, its targets or the sale it wants, not what they said",
                quoted(targets),
            )
        } else {
            continue;
        };
        let message = format!(
            "persona \"{}\" wants {what} ({count} of {} wants): {evidence}",
            persona.id.value,
            wants.len(),
        );
        cx.report(
            &RULE,
            Subject::Persona(persona.id.value.clone()),
            field.key.clone(),
            message,
        );
    }
}

/// The wants of a persona that name the offer, when the wants read as the
/// business's catalogue: no want has a person's voice, and at least two of
/// them, and at least half, name what the business sells ("Block of six
/// therapy sessions", "EHCP report add-on").
fn a_catalogue<'a>(wants: &[&'a str], offer: &Offer) -> Option<Vec<&'a str>> {
    if wants.iter().any(|w| spoken(w)) {
        return None;
    }
    let named: Vec<&str> = wants
        .iter()
        .copied()
        .filter(|w| names_the_offer(w, offer))
        .collect();
    (named.len() >= 2 && named.len() * 2 >= wants.len()).then_some(named)
}

/// The wants of a persona written as the business's aims, when at least two
/// of them, and at least half, are its targets or the sale it wants
/// ([`an_aim`]) and no other want has a person's voice. An aim may have a
/// clause ("Buy a premium shoe rather than an entry model"), but not the
/// customer speaking of themselves ("Buy my first proper shoes").
fn aims<'a>(wants: &[&'a str]) -> Option<Vec<&'a str>> {
    let (aims, others): (Vec<&str>, Vec<&str>) = wants
        .iter()
        .partition(|w| an_aim(w) && own_voice().find_all(&tokenize(w)).is_empty());
    if others.iter().any(|w| spoken(w)) {
        return None;
    }
    (aims.len() >= 2 && aims.len() * 2 >= wants.len()).then_some(aims)
}

/// Whether a want reads as the business's aim: it opens with a verb of a
/// target and holds a number or names a measure ("Attend at least 80% of
/// sessions", "Improve reading age by two years within 12 months",
/// "Improved speech intelligibility index"), it sets a threshold on a
/// number ("Device use above 8 hours a day"), or it opens with the sale the
/// business wants ("Add socks to the basket", "Sign up to the email list").
fn an_aim(want: &str) -> bool {
    let tokens = tokenize(want);
    // "To complete our 12-week programme" opens with its verb after "to".
    let first = usize::from(tokens.first().is_some_and(|t| &*t.word == "to"));
    let opens = |list: &PhraseList| {
        list.find(&tokens)
            .first()
            .is_some_and(|m| m.tokens.start == first)
    };
    let is_number = |t: &Token| t.word.chars().any(|c| c.is_ascii_digit());
    let number = tokens.iter().any(is_number);
    let measures = want_measures().find(&tokens);
    let threshold = measures.iter().any(|m| {
        matches!(&*tokens[m.tokens.start].word, "above" | "at")
            && tokens.get(m.tokens.end).is_some_and(is_number)
    });
    let measure = measures.iter().any(|m| {
        matches!(
            &*tokens[m.tokens.start].word,
            "index" | "score" | "level" | "share"
        )
    });
    (opens(want_targets()) && (number || measure)) || threshold || opens(want_sales())
}

/// Whether a want has a person's voice: a question or an exclamation, a
/// word of someone speaking, spoken to, needing something of a thing or
/// ruling something out ("I", "you", "that", "without", "tell"), a want
/// that opens with "to" ("To know what it will cost"), or "our" after its
/// first word ("Clean exports for our accountants"). Opening a want, "our"
/// is the business speaking ("Our premium add-on").
fn spoken(want: &str) -> bool {
    let tokens = tokenize(want);
    want.contains(['?', '!'])
        || tokens.first().is_some_and(|t| &*t.word == "to")
        || !own_voice().find_all(&tokens).is_empty()
        || tokens.iter().enumerate().any(|(i, t)| {
            spoken_wants().contains(&t.word) || (i > 0 && matches!(&*t.word, "our" | "ours"))
        })
}

/// Whether a want names the offer: a word of how the business packages
/// what it sells ("package", "add-on", "block of six"), a thing the WHAT
/// sells at the head of its first phrase ("Keyhole bunion correction"), or
/// nothing but words of the WHAT, two or more ("Therapy blocks" for a
/// practice that sells therapy blocks).
fn names_the_offer(want: &str, offer: &Offer) -> bool {
    let tokens = tokenize(want);
    if !offer_packaging().find(&tokens).is_empty() || a_thing_sold(&tokens, offer) {
        return true;
    }
    let content: Vec<&Token> = tokens.iter().filter(|t| t.content).collect();
    content.len() >= 2 && content.iter().all(|t| offer.contains(t.stem.as_ref()))
}

/// Whether a want's first phrase is about a thing the WHAT sells, named
/// with another word of the WHAT: "Minimally invasive bunion correction",
/// "Organic veg boxes for four". A want that names one word of the offer
/// ("An MOT on a Saturday", "Cooking classes at the weekend") may well be
/// the customer's own words.
fn a_thing_sold(tokens: &[Token], offer: &Offer) -> bool {
    let Some(first) = tokens.iter().position(|t| t.content) else {
        return false;
    };
    let end = head_end(tokens, first);
    let named = tokens[first..end]
        .iter()
        .filter(|t| t.content && offer.contains(&t.stem))
        .count();
    named >= 2 && offer.at_the_head(tokens)
}

/// "our" before a word of the WHAT in a want, within two words: the
/// business naming its own offer ("Access to our full test menu" for a
/// service whose WHAT sells tests). "Our" before anything else is the
/// person's own ("Clean exports for our accountants").
fn our_offer(want: &str, offer: &Offer) -> Option<Match> {
    let tokens = tokenize(want);
    let at = tokens.iter().position(|t| &*t.word == "our")?;
    let end =
        (at + 1..tokens.len().min(at + 4)).find(|&i| offer.contains(tokens[i].stem.as_ref()))?;
    Some(Match {
        tokens: at..end + 1,
        span: tokens[at].span.start..tokens[end].span.end,
    })
}

/// The company's words in a want: its jargon anywhere, and the shop's sales
/// measures when the want states the company's aim ("Bundles that increase
/// basket size", "Subscription conversion after the second purchase"). A
/// sales measure in the customer's own voice is something they mention or
/// complain about: the customer speaking of themselves ("a sku I can
/// reorder"), a complaint ("Hate the endless upsells") or what the customer
/// asks of it, right before it ("a clear upgrade path").
fn company_words_in(want: &str) -> Vec<Match> {
    let tokens = tokenize(want);
    let mut found = company_words().find(&tokens);
    if !spoken(want) {
        found.extend(service_terms().find(&tokens));
    }
    if own_voice().find(&tokens).is_empty() {
        let judged = customer_judgements().find(&tokens);
        found.extend(
            sales_measures()
                .find(&tokens)
                .into_iter()
                .filter(|m| !judged_by_the_customer(&tokens, m, &judged)),
        );
    }
    found.sort_by_key(|m| m.tokens.start);
    found
}

/// The business named by its name in a want with no voice of a person:
/// two capitalised words of the plan's `name`, in its order, after "from",
/// "with", "at", "by" or "through", where people buy or whom they deal with
/// ("To buy class sets of recorders from Second Movement" in the plan
/// "Second Movement: school year plan"). People say "I", "my" or "we" when
/// they name a shop they like ("I'd go back to Second Movement"); a place
/// or a thing of the name ("Care at home in North Devon", "a strap that
/// fits an Apple Watch") is their life, not the business.
fn names_the_business(want: &str, name: &str) -> Option<Match> {
    let tokens = tokenize(want);
    if !own_voice().find(&tokens).is_empty()
        || tokens
            .iter()
            .any(|t| matches!(&*t.word, "we" | "we'd" | "we're" | "us"))
    {
        return None;
    }
    // The name's pairs of capitalised words, read once: linear in both.
    let words: Vec<&str> = name
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    let capitalised = |w: &str| w.starts_with(char::is_uppercase);
    // The name's first two words, as the business calls itself ("Second
    // Movement"), both capitalised.
    let pairs: std::collections::HashSet<(&str, &str)> = words
        .windows(2)
        .take(1)
        .filter(|w| capitalised(w[0]) && capitalised(w[1]))
        .map(|w| (w[0], w[1]))
        .collect();
    // Named as where the people buy or whom they deal with ("from Second
    // Movement", "with Larder Lane"), not where they live or what they own
    // ("in North Devon", "an Apple Watch").
    tokens.windows(3).enumerate().find_map(|(at, w)| {
        let (first, second) = (&want[w[1].span.clone()], &want[w[2].span.clone()]);
        // A word going on after it makes it a place or a body named after
        // the same words: "at Leeds City station", "from North Devon
        // social services".
        let goes_on = tokens
            .get(at + 3)
            .is_some_and(|n| n.content && w[2].span.end == n.span.start.saturating_sub(1));
        (matches!(&*w[0].word, "from" | "with" | "at" | "by" | "through")
            && pairs.contains(&(first, second))
            && !goes_on)
            .then(|| Match {
                tokens: at + 1..at + 3,
                span: w[1].span.start..w[2].span.end,
            })
    })
}

/// Whether a customer's judgement stands right before a sales measure: "a
/// clear upgrade path".
fn judged_by_the_customer(tokens: &[Token], cue: &Match, judged: &[Match]) -> bool {
    let before = (0..cue.tokens.start).rfind(|&i| tokens[i].content);
    before.is_some_and(|i| judged.iter().any(|j| j.tokens.end == i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(what: &str) -> Offer {
        Offer::of([what])
    }

    #[test]
    fn the_business_named_bare_is_the_business_speaking() {
        let name = "Second Movement: school year plan 2026-27";
        assert!(names_the_business("To buy class sets from Second Movement", name).is_some());
        assert!(
            names_the_business("I'd go back to Second Movement for the next size", name).is_none()
        );
        assert!(names_the_business("A second movement of the symphony", name).is_none());
        assert!(names_the_business("Lessons in Year Four", name).is_none());
        assert!(
            names_the_business(
                "Care at home in North Devon, not a bed miles away",
                "North Devon Hospice 2027"
            )
            .is_none()
        );
        assert!(
            names_the_business(
                "A strap that fits an Apple Watch Series 9",
                "Apple Watch Strap Shop"
            )
            .is_none()
        );
        assert!(
            names_the_business(
                "We want repairs done within a week by Second Movement",
                name
            )
            .is_none()
        );
        assert!(
            names_the_business(
                "Safe routes through Leeds City centre",
                "Leeds City Cycles 2027"
            )
            .is_none()
        );
        assert!(
            names_the_business(
                "Help from North Devon social services",
                "North Devon Hospice 2027"
            )
            .is_none()
        );
        let long = "Alpha Beta ".repeat(50_000);
        assert!(names_the_business(&long, "Gamma Delta").is_none());
    }

    #[test]
    fn our_before_a_word_of_the_offer_is_the_business_speaking() {
        let tests = offer("Home blood tests and a nurse results call");
        assert!(our_offer("Access to our full test menu", &tests).is_some());
        assert!(our_offer("Someone who knows our family", &tests).is_none());
        assert!(our_offer("A nurse who remembers us", &tests).is_none());
    }

    #[test]
    fn measures_and_thresholds_are_aims_but_a_price_limit_is_not() {
        let wants = [
            "Improved sight-reading score in the spring exam",
            "Practice logged above 5 hours a week",
            "Scales in all keys",
        ];
        assert_eq!(aims(&wants).map(|t| t.len()), Some(2));
        let wants = ["Under £10 a month", "Delivery in under 2 hours"];
        assert_eq!(aims(&wants), None);
    }

    #[test]
    fn wants_that_are_targets_or_the_sale_wanted_are_aims() {
        let wants = [
            "Complete 10 lessons in the first term",
            "Reduce missed practice days by 50%",
            "Confident playing at family gatherings",
        ];
        assert_eq!(aims(&wants).map(|t| t.len()), Some(2));
        let wants = [
            "Attend at least 80% of sessions each term",
            "Progress one ESOL level per year",
            "Enrol on an accredited course at the partner college",
        ];
        assert_eq!(aims(&wants).map(|t| t.len()), Some(2));
        let wants = [
            "Upgrade to the grand piano room",
            "Add a metronome to the lesson fee",
        ];
        assert_eq!(aims(&wants).map(|t| t.len()), Some(2));
        for wants in [
            &[
                "Reach grade 3 by summer",
                "I want to play for my grandchildren",
            ][..],
            &["Improve my sight-reading", "Improve tone"],
            &["Higher shelves", "Greater choice of gluten-free bread"],
            &[
                "Greater Manchester travel passes",
                "Higher education routes after Year 11",
            ],
            &[
                "Greater say over the £2m ward budget",
                "Higher grit-bin coverage on 3 streets",
            ],
            &[
                "Increase the share of council homes let to local families",
                "Reduce the share of empty shops on the high street",
            ],
            &[
                "A reliable car for 80 miles a day",
                "Dinner on the table in 30 minutes",
            ],
            &[
                "Buy once and keep it for years",
                "Book online without phoning",
            ],
            &[
                "Buy my first proper piano",
                "Add my daughter to the lessons",
            ],
        ] {
            assert_eq!(aims(wants), None, "{wants:?}");
        }
    }

    #[test]
    fn wants_that_name_the_offer_without_a_voice_are_a_catalogue() {
        let piano = offer("Piano lessons for adults and children, exam preparation and recitals");
        for (wants, named) in [
            (
                &[
                    "Ten-lesson starter package",
                    "Exam preparation bundle",
                    "Recital add-on",
                ][..],
                3,
            ),
            (
                &["A block of eight lessons", "Our summer recital bolt-on"],
                2,
            ),
            (
                &[
                    "Piano exam preparation",
                    "Adult piano lessons",
                    "Sheet music delivery",
                ],
                2,
            ),
            (
                &[
                    "Adult piano lessons on weekday evenings",
                    "Piano exam preparation for grade one",
                    "A practice room nearby",
                ],
                2,
            ),
        ] {
            assert_eq!(
                a_catalogue(wants, &piano),
                Some(wants[..named].to_vec()),
                "{wants:?}"
            );
        }
    }

    #[test]
    fn short_wants_and_packaging_in_a_voice_are_people_s() {
        let piano = offer("Piano lessons for adults and children, exam preparation and recitals");
        for wants in [
            &[
                "Evening lessons after work",
                "Pieces from films, not scales",
                "Straight answers about how long it takes",
            ][..],
            &[
                "A lesson bundle I can use around shifts",
                "Exam preparation",
            ],
            &[
                "A teacher who doesn't mind mistakes",
                "Recital add-on",
                "Exam bundle",
            ],
            &["Exam preparation bundle?", "Recital add-on!"],
            &["To get through grade one", "Our recital package"],
            &["Patience with adult beginners", "Piano lessons"],
            &[
                "Evening lessons",
                "A recital at the weekend",
                "A practice room nearby",
            ],
        ] {
            assert_eq!(a_catalogue(wants, &piano), None, "{wants:?}");
        }
    }

    #[test]
    fn a_sales_measure_is_ours_when_it_states_the_company_s_aim() {
        for want in [
            "Bundles that increase basket size",
            "Subscription conversion after the second purchase",
            "Entry-level blends as a gateway to premium single-estate SKUs",
            "Upsell the customer to the annual plan",
            "Drive conversion rate on the product page",
            "Higher time spent listening in the 05:00-07:00 daypart",
            "Increased share of ear against the rival stations",
        ] {
            assert!(!company_words_in(want).is_empty(), "{want}");
        }
    }

    #[test]
    fn a_sales_measure_in_the_customer_s_voice_is_theirs() {
        for want in [
            "I'm sick of the upsell at every supermarket till",
            "Hate the endless upsells on delivery apps",
            "a conversion rate I can check before I hand over cash",
            "a sku I can reorder without ringing round",
            "a clear upgrade path from the free tier",
            "please don't try to upsell me",
        ] {
            assert!(company_words_in(want).is_empty(), "{want}");
        }
    }
}
