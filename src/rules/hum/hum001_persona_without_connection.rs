//! HUM001 persona-without-connection: a persona says nothing of what moves them
//! beyond the product. The rule's metadata, its documentation (`planlint
//! explain HUM001`) and its check.

use std::borrow::Cow;

use crate::diagnostic::{Severity, Subject};
use crate::plan::{items, text};
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::{
    buying_acts, interest_commerce, offer_packaging, product_parts, product_places, shared_places,
};
use crate::text::{Match, Offer, SERVICE_PARTS, Token, first_heads, head_end, stem, tokenize};

pub static RULE: Rule = Rule {
    code: "HUM001",
    name: "persona-without-connection",
    family: Family::Hum,
    severity: Severity::Warning,
    summary: "a persona says nothing of what moves them beyond the product",
    help: "add `interests`: what this person cares about beyond what you sell",
    docs: r#"## What it does
Reports a persona whose `interests` list is missing or empty, or whose every
interest is nothing but what the business sells: every word of it that
carries meaning is a word of the WHAT (its statement or offerings) or of
buying (discounts, offers, deals, sales, prices, new releases, vouchers,
codes for money off) or of the catalogue it is bought from (brands,
models, categories, pricing, finance), or the business's brand name, written as one word with
a capital inside ("New tool categories on ShedShare"); a day beside a word
of the WHAT only says when ("Minibus availability on Tuesdays"), while
"Tuesday quiz nights" names a quiz and "Weekend deals" is buying, whatever
is bought. Beside two interests that are the offer, one whose first
phrase ends in a thing the WHAT sells is the offer too ("Care coordination
apps" beside "Shared calendars" for a care app).
"Running shoes", "New shoe releases" and "Discounts on shoes" for a
running-shoe shop say nothing beyond the product, nor do "Piano brands and
models" and "Piano prices and finance deals" for a piano shop. Two more kinds of
interest are the product too:
- buying more of the offer: an interest that opens with a verb of buying
  from the business (booking, rebooking, ordering, reordering, renewing,
  upgrading, subscribing) and names nothing but the offer after it
  ("Booking more aphasia therapy sessions" for a practice that sells
  aphasia therapy);
- the business's own things, written as it speaks of them: an interest
  that opens with "our" and names a word of the WHAT or of buying before
  any comma or preposition ("Our gift tins", "Our tea advent calendar" for
  a tea merchant); a word of how the business packages what it sells (a
  subscription, a package, a bundle, an add-on) is a word of buying, so
  "Our home-practice app subscription" is the business's whatever its WHAT
  says; one that names neither ("Our Christmas blend") counts only beside
  at least two that do. The business's name as owner reads as "our":
  "Homedraw's test menu" in the plan "Homedraw Mobile Blood Tests", also
  after a verb ("Reading Lull's release notes" in the plan "Lull migraine
  diary"); so
  does its name, two capitalised words or more, as the place an interest
  closes on ("New stock arriving at Second Spin" in the plan "Second Spin
  Records & Hi-Fi");
- buying, whatever is bought, beside at least one interest that is the
  offer, when every other interest is the offer or buying too: an interest that opens with a verb of buying ("Buying seafood",
  "Booking appointments online") or whose first phrase ends in a word of
  buying or of the catalogue ("Phlebotomy contract pricing", "Waterproof
  membrane specs", "HRT options and doses"), next to "Cheap fish deals" or "Boot brands and new
  models"; or, with no such interest beside them, interests that are all
  buying when two of them end their first phrase in a price, a deal or a
  bundle and one names the offer ("Buying knitting wool", "Yarn bundles",
  "Discounts on needles" for a yarn shop; a sale or points name community
  life too, "Organising the school bake sales");
  "Personal finance", "Hiking the Pennine range" and "New
  releases from indie bands" are lives, whatever words of a catalogue
  they share;
- a part of the product: an interest whose head ends in a feature, a
  reminder, a notification, a tier or a dashboard that is a word of the
  WHAT or comes right after one ("Watering reminders", "The photo diagnosis
  feature", "Unlocking Plus features"), or that is placed in the product
  and names the WHAT ("Plant care tips in the app", "in-app tips", "The
  foot cream range in reception" for a foot clinic, "Using the app's map
  view"), or whose part is about the offer ("Push notifications about new
  listings" for an app that lists restaurants); an appointment, a review
  or a letter is the service's when the word before it is the WHAT's
  ("His annual eye screening appointment", not "Letters from her sister"
  or "Film reviews in the Sunday paper");
- a thing the business sells at the head: an interest whose first phrase
  is about a thing the WHAT sells (the head of one of its phrases),
  whatever words come before it or after a preposition ("Carbon trekking
  poles", "GPS pendants for use outside the home" for a shop that sells
  trekking poles and alarm pendants); a word that only describes what is
  sold is no thing sold ("Walks with the ramblers" for a shop of walking
  sticks);
- beside two interests that are the offer, the offer being done, a word
  of the WHAT and a word of doing ("Nail cutting" at a chiropodist that
  sells nail care); and beside one, interests of three words or more that
  are the offer or a part of the product but for one word, when every
  interest is read so ("Logging inhaler puffs" for an app that logs
  puffs, "Push notification settings"; "Dog-friendly pubs", two words, is
  never read so).

## What it does not report
An interest with one word beyond the offer ("Her cycling club" for a bike
shop that runs club rides, "The local history society" for a bookshop with
a local history corner), unless what it is about, its head, is a thing
sold ("Carbon trekking poles"), and a persona with one such interest among
others about the product. A thing sold placed somewhere the WHAT does not
name is a life ("Pottery classes at the college" for a studio that sells
classes), and so is whom or where the WHAT serves ("Supporting other
valley businesses" for a firm "for small businesses in the valley"). "Our" before the person's own life is no product ("Our
Saturday parkrun", "Our allotment", "our church choir", "Our dog,
Biscuit", "Our family's Sunday walks"), nor before their household,
whatever the business sells (family, children, a dog or a cat, the
garden: "Our dog, Biscuit" for a dog walker), nor before what a business
shares with its customers ("Our local food bank", "Our town's carnival"). A thing
the WHAT sells is the person's own after "her", "his", "their", "my" or
"your" ("Her garden" for a garden centre), and an act is not a thing: an
interest that opens with an -ing word the WHAT does not use before "the",
"a", "their" or another such word ("Teaching their children to cook"),
or whose head is one ("Shopping for the grandchildren", "Delivery driving
for the food bank" for a grocer that delivers). A part
word is the product's only when the word of the WHAT names it: "River
flood notifications" and "Bird reminders on the river walk" for a
riverside campsite are about the river, and "Writing features for the
parish newsletter" is someone's life. A verb of buying opens a
person's life as well when what follows is more than the offer
("Booking family holidays by the sea", "Ordering books for the reading
group"), unless another interest is the offer and every other one is
the offer or buying; only its -ing form at
the start counts ("Our Sunday book club" is no booking). "Buying",
"purchasing" and "shopping" alone open a person's milestones ("Buying a
first home" for a lender), so they count only beside an interest that
names the offer. A persona whose interests are all
about the service in words the WHAT does not use ("Reducing their tax
bill" for an accountant) is not caught: planlint cannot tell.

## Why it matters
People connect with a business for more than its products: shared causes,
hobbies, a neighbourhood, their family. Human marketing adds these personal
connection factors to the audience profile, because they are what lets a
business show it knows and cares about someone beyond the sale. A persona
without them can only ever be sold to.

## Example
```toml
[[persona]]
id = "bargain-hunter"
name = "Bargain hunter"
wants = ["the cheapest e-bike"]
# no interests
```

## How to fix
```toml
interests = ["weekend markets", "fixing things themselves", "their kids' football club"]
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let plan = cx.plan;
    let name = text(&plan.name).unwrap_or_default();
    let mut offer = plan.offer();
    offer.stems.extend(brand_names(name));
    for persona in &plan.personas {
        let interests: Vec<&str> = items(&persona.interests).map(|i| i.text.as_str()).collect();
        if !interests.is_empty() {
            let read_as: Vec<Cow<str>> = interests.iter().map(|i| as_ours(i, name)).collect();
            let read_as: Vec<&str> = read_as.iter().map(AsRef::as_ref).collect();
            if only_about_the_offer(&read_as, &offer) {
                cx.report(
                    &RULE,
                    Subject::Persona(persona.id.value.clone()),
                    persona
                        .interests
                        .as_ref()
                        .map_or(persona.header.clone(), |i| i.key.clone()),
                    format!(
                        "persona \"{}\" has interests only in what the business sells: {}",
                        persona.id.value,
                        interests
                            .iter()
                            .map(|i| format!("\"{i}\""))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
            continue;
        }
        let span = persona
            .interests
            .as_ref()
            .map_or(persona.header.clone(), |i| i.key.clone());
        cx.report(
            &RULE,
            Subject::Persona(persona.id.value.clone()),
            span,
            format!(
                "persona \"{}\" has no interests: nothing says what moves them beyond the product",
                persona.id.value
            ),
        );
    }
}

/// An interest that names the business by its name, read as the business
/// speaking of its own: opening as its owner ("Homedraw's test menu" in the
/// plan "Homedraw Mobile Blood Tests", any capitalised word of the plan's
/// `name`, also after a verb: "Reading Lull's release notes"), or closing with it as the place ("New stock arriving at Second
/// Spin" in the plan "Second Spin Records & Hi-Fi", two capitalised words
/// or more of the name, in its order, after "at", "from" or "on"). Both
/// read as "our ...": "our test menu", "our New stock arriving".
fn as_ours<'a>(interest: &'a str, name: &str) -> Cow<'a, str> {
    if let Some((owner, rest)) = interest
        .split_once("'s ")
        .or_else(|| interest.split_once("\u{2019}s "))
    {
        // After a verb that opens the interest, the owner is still the
        // business: "Reading Lull's release notes".
        let owner = match owner.split_once(' ') {
            Some((verb, owner)) if verb.ends_with("ing") => owner,
            _ => owner,
        };
        let named = !owner.contains(' ')
            && owner.starts_with(|c: char| c.is_uppercase())
            && name.split_whitespace().any(|w| w == owner);
        if named {
            return Cow::Owned(format!("our {rest}"));
        }
    }
    for place in [" at ", " from ", " on "] {
        let Some((rest, after)) = interest.rsplit_once(place) else {
            continue;
        };
        let words: Vec<&str> = after.split_whitespace().collect();
        let capitalised = words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()));
        if words.len() >= 2 && capitalised && name.contains(after.trim()) && !rest.is_empty() {
            return Cow::Owned(format!("our {rest}"));
        }
    }
    Cow::Borrowed(interest)
}

/// The brand names in a plan's name, written as one word with a capital
/// inside ("ShedShare", "KickShare"), lower-cased: the business's own thing
/// wherever an interest names it ("New tool categories on ShedShare").
/// Ordinary words of the name ("Harbor Bikes 2027") are not taken, as a
/// town or a trade named there may be a person's life too.
fn brand_names(name: &str) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|word| {
            word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().skip(1).any(char::is_uppercase)
                && word.chars().any(char::is_lowercase)
        })
        .map(|word| stem(&word.to_lowercase()))
        .collect()
}

/// How one interest reads against the offer.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Nothing but the offer: "Running shoes", "Our gift tins", "Watering
    /// reminders".
    Offer,
    /// The business's voice without a word of the WHAT: "Our Christmas
    /// blend". It is the product only among others of its kind.
    OursAlone,
    /// Buying, whatever is bought: "Buying seafood", "Phlebotomy contract
    /// pricing". It is the product only among others of its kind, as
    /// "Buying a first home" is a milestone of a life. `priced` when its
    /// first phrase ends in a price, a deal or a bundle ("Fat-quarter
    /// bundles"), rather than opening with a verb of buying, which may open
    /// a life ("Booking family holidays by the sea").
    BuyingAlone { priced: bool },
    /// Something of the person's life: "Her cycling club", "Our allotment".
    Life,
}

/// Whether every interest of a persona is nothing but the offer. An
/// interest that opens with "our" but names nothing of the WHAT ("Our
/// Christmas blend") is read as the business's voice only beside at least
/// two that do ("Our gift tins", "Our tea advent calendar"): on its own,
/// "Our Saturday parkrun" or "Our dog, Biscuit" is the person's life. An
/// interest in buying something the WHAT does not name ("Buying seafood",
/// "Waterproof membrane specs") is the product only beside one that names
/// the offer ("Cheap fish deals", "Boot brands and new models").
fn only_about_the_offer(interests: &[&str], offer: &Offer) -> bool {
    let readings: Vec<Reading> = interests.iter().map(|i| read(i, offer)).collect();
    let ours_named = readings.iter().filter(|r| **r == Reading::Offer).count();
    let buying = readings
        .iter()
        .filter(|r| matches!(r, Reading::BuyingAlone { .. }))
        .count();
    let priced = readings
        .iter()
        .filter(|r| **r == Reading::BuyingAlone { priced: true })
        .count();
    // Interests that are all buying, two of them prices, deals or bundles
    // ("Buying quilting cottons", "Fat-quarter bundles", "Discounts on
    // wadding"), are the product together.
    let names_the_offer = interests.iter().any(|i| {
        tokenize(i)
            .iter()
            .any(|t| t.content && offer.contains(t.stem.as_ref()))
    });
    let all_buying = buying == readings.len() && priced >= 2 && names_the_offer;
    // Beside two interests that are the offer, one whose first phrase ends
    // in a thing the WHAT sells is the offer too: "Care coordination apps"
    // beside "Shared calendars" for a care app.
    let headed = |i: &str| {
        let tokens = tokenize(i);
        first_heads(&tokens).any(|h| offer.is_head(&tokens[h].stem))
    };
    // Beside an interest that is the offer, interests of three words or
    // more that are the offer or a part of the product but for one word
    // ("Logging inhaler puffs", "Push notification settings") are the
    // product too, when every interest is read so.
    let mostly: Vec<bool> = interests
        .iter()
        .map(|i| mostly_the_offer(i, offer))
        .collect();
    let all_mostly = ours_named >= 1
        && readings
            .iter()
            .zip(&mostly)
            .all(|(r, m)| *r == Reading::Offer || *m);
    readings
        .iter()
        .zip(interests)
        .zip(&mostly)
        .all(|((r, i), m)| match r {
            Reading::Offer => true,
            Reading::OursAlone => ours_named >= 2,
            Reading::BuyingAlone { .. } => ours_named >= 1 || all_buying,
            Reading::Life => {
                ours_named >= 2 && (headed(i) || done_to_the_offer(i, offer)) || all_mostly && *m
            }
        })
}

/// Whether an interest is the offer being done, a word of the WHAT and a
/// word of doing after it, and nothing else: "Nail cutting" at a chiropodist
/// whose WHAT sells nail care (read so only beside two interests that are
/// the offer).
fn done_to_the_offer(interest: &str, offer: &Offer) -> bool {
    let tokens = tokenize(interest);
    let content: Vec<&Token> = tokens.iter().filter(|t| t.content).collect();
    matches!(content.as_slice(), [thing, doing]
        if offer.contains(thing.stem.as_ref()) && doing.word.ends_with("ing"))
}

/// Whether an interest of three words of meaning or more is the offer but
/// for one of them: each other word is a word of the WHAT or of a part of
/// the product ("Logging inhaler puffs" for an app that logs puffs, "Push
/// notification settings"). Two words ("Dog-friendly pubs") are never read
/// so: one word beyond the offer makes them an interest.
fn mostly_the_offer(interest: &str, offer: &Offer) -> bool {
    let tokens = tokenize(interest);
    let parts = crate::text::covered(tokens.len(), &product_parts().find(&tokens));
    let content: Vec<usize> = (0..tokens.len()).filter(|&i| tokens[i].content).collect();
    let beyond = content
        .iter()
        .filter(|&&i| !parts[i] && !offer.contains(tokens[i].stem.as_ref()))
        .count();
    content.len() >= MOSTLY_WORDS && beyond == 1
}

/// How many words of meaning an interest needs before one beyond the offer
/// may be read past: "Logging inhaler puffs".
const MOSTLY_WORDS: usize = 3;

/// Whether an interest is nothing but the offer: every word of it that
/// carries meaning is a word of the WHAT or a word of buying ("Running
/// shoes", "New shoe releases", "Discounts on shoes"), it is the business's
/// own thing ("Our gift tins") or a part of the product ("Watering
/// reminders"). One word beyond ("Her cycling club", "Walks along the
/// river") makes it an interest.
fn read(interest: &str, offer: &Offer) -> Reading {
    let tokens = tokenize(interest);
    if only_offer_words(&tokens, offer)
        || buying_the_offer(&tokens, offer)
        || a_part_of_the_product(&tokens, offer)
        || offer.at_the_head(&tokens)
    {
        return Reading::Offer;
    }
    match ours(&tokens, offer) {
        Some(true) => Reading::Offer,
        Some(false) => Reading::OursAlone,
        None => buying(&tokens).map_or(Reading::Life, |priced| Reading::BuyingAlone { priced }),
    }
}

/// Verbs of buying that also open a life's milestones ("Buying a first
/// home"): read as buying only beside interests that are the offer.
const BUYING: &[&str] = &["buying", "purchasing", "shopping"];

/// Whether an interest is buying, whatever is bought: it opens with a verb
/// of buying ("Buying seafood", "Booking appointments online"), or the
/// head of its first phrase ends in a word of buying ("Phlebotomy contract
/// pricing", "Weekend deals"); `Some(true)` for the second.
fn buying(tokens: &[Token]) -> Option<bool> {
    let first = tokens.first()?;
    let heads: Vec<&str> = first_heads(tokens).map(|h| &*tokens[h].word).collect();
    let priced = heads.iter().any(|head| BUYING_HEADS.contains(head));
    let opens = buying_acts().contains(&first.word) || BUYING.contains(&&*first.word);
    // A sale or points name community life too ("the school bake sales",
    // "car boot sales"): no price that makes interests the product together.
    let priced_only = priced
        && !heads
            .iter()
            .any(|h| ["sale", "sales", "points"].contains(h));
    (priced || opens).then_some(priced_only)
}

/// Words that make an interest buying when its first phrase ends in them:
/// a price or a deal ("Phlebotomy contract pricing", "Record shop
/// bargains"), what a product is made to ("Waterproof membrane specs") or
/// how it is packaged for sale ("Fat-quarter bundles"), the options it
/// comes in ("HRT options and doses"), what a shop releases ("New-season
/// shirt drops"). Not the words of a
/// catalogue a life shares ("the Pennine range", "Personal finance", "new
/// releases from indie bands").
const BUYING_HEADS: &[&str] = &[
    "deal",
    "deals",
    "discount",
    "discounts",
    "offer",
    "offers",
    "price",
    "prices",
    "pricing",
    "bargain",
    "bargains",
    "voucher",
    "vouchers",
    "promotion",
    "promotions",
    "sale",
    "sales",
    "option",
    "options",
    "spec",
    "specs",
    "specification",
    "specifications",
    "bundle",
    "bundles",
    "points",
    "drops",
];

/// Whether every word of an interest that carries meaning is a word of the
/// WHAT or of buying.
fn only_offer_words(tokens: &[Token], offer: &Offer) -> bool {
    let buying = words_of_buying(tokens);
    let of_buying = |i: usize| buying.iter().any(|m| m.tokens.contains(&i));
    let mut content = tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| t.content)
        .peekable();
    // A day only says when: "Minibus availability on Tuesdays".
    // A day is read past only beside a word of the WHAT ("Weekend deals"
    // is buying, whatever is bought).
    let a_day = |t: &Token| DAYS.contains(&&*t.word);
    let (mut days, mut offered) = (false, false);
    content.peek().is_some()
        && content.all(|(i, t)| {
            let of_the_offer = offer.contains(t.stem.as_ref());
            offered |= of_the_offer;
            days |= a_day(t);
            of_buying(i) || of_the_offer || a_day(t)
        })
        && (!days || offered)
}

/// Days that only say when an interest in the offer falls: "Minibus
/// availability on Tuesdays" ("Tuesday quiz nights" names a quiz).
const DAYS: &[&str] = &[
    "monday",
    "mondays",
    "tuesday",
    "tuesdays",
    "wednesday",
    "wednesdays",
    "thursday",
    "thursdays",
    "friday",
    "fridays",
    "saturday",
    "saturdays",
    "sunday",
    "sundays",
    "weekday",
    "weekdays",
    "weekend",
    "weekends",
];

/// The words of buying in an interest: what is bought at a price
/// ("discounts", "new releases") and how the business packages what it
/// sells ("a subscription", "an add-on", "a block of six").
fn words_of_buying(tokens: &[Token]) -> Vec<Match> {
    let mut found = interest_commerce().find(tokens);
    found.extend(offer_packaging().find(tokens));
    found
}

/// Whether an interest is the act of buying more of the offer: it opens
/// with a verb of buying ("Booking", "Renewing") and the rest is nothing
/// but the offer ("Booking more aphasia therapy sessions" for a practice
/// that sells aphasia therapy). "Booking a holiday abroad" names more than
/// the offer, and "Book club" is no act of buying.
fn buying_the_offer(tokens: &[Token], offer: &Offer) -> bool {
    tokens
        .first()
        .is_some_and(|t| buying_acts().contains(&t.word))
        && only_offer_words(&tokens[1..], offer)
}

/// Whether an interest that opens with "our" is the business's own thing:
/// `Some(true)` when its head (up to a comma or a preposition) names a word
/// of the WHAT or of buying ("Our gift tins", "Our gift vouchers"),
/// `Some(false)` when it names neither ("Our Christmas blend", "Our
/// allotment", "Our dog, Biscuit"), `None` when it does not open with "our"
/// or "our" comes before what a business shares with its customers ("Our
/// local food bank", "Our town's carnival").
fn ours(tokens: &[Token], offer: &Offer) -> Option<bool> {
    if tokens.len() < 2 || &*tokens[0].word != "our" {
        return None;
    }
    if shared_places()
        .find(tokens)
        .iter()
        .any(|m| m.tokens.start == 1)
        || HOUSEHOLD.contains(&&*tokens[1].word)
    {
        return None;
    }
    let end = head_end(tokens, 1);
    let buying = words_of_buying(tokens);
    let named = (1..end).any(|i| {
        tokens[i].content
            && (offer.contains(tokens[i].stem.as_ref())
                || buying.iter().any(|m| m.tokens.contains(&i)))
    });
    Some(named)
}

/// Words after "our" that make it the person's household, whatever the
/// business sells: "Our dog, Biscuit" for a dog walker, "Our family's
/// Sunday walks" for a walking-holiday company. "Home" is not one: "Our
/// home-practice app subscription" is the business's.
const HOUSEHOLD: &[&str] = &[
    "family",
    "family's",
    "dog",
    "dogs",
    "cat",
    "cats",
    "kids",
    "children",
    "son",
    "daughter",
    "garden",
    "grandchildren",
];

/// Whether an interest is a part of the product: it is placed in the
/// product ("Plant care tips in the app") and names a word of the WHAT, or
/// its head ends in a word of a product's parts ("Watering reminders", "The
/// photo diagnosis feature") that is itself a word of the WHAT or follows
/// one, which says whose part it is. "River flood notifications" and "Bird
/// reminders on the river walk" for a riverside campsite name a river, not
/// a part of the campsite, and "Writing features for the local paper" is
/// no part of a plant-care app.
fn a_part_of_the_product(tokens: &[Token], offer: &Offer) -> bool {
    let of_the_offer = |i: usize| tokens[i].content && offer.contains(tokens[i].stem.as_ref());
    if !product_places().find(tokens).is_empty() {
        return (0..tokens.len()).any(of_the_offer);
    }
    let first = tokens.iter().position(|t| t.content).unwrap_or(0);
    let end = head_end(tokens, first);
    let Some(head) = (first..end).rfind(|&i| tokens[i].content) else {
        return false;
    };
    // A service's own part is named by the word before it: "His annual
    // eye screening appointment", "Getting his screening results letter",
    // not "Letters from her sister" or "Film reviews in the Sunday paper".
    if SERVICE_PARTS.contains(&&*tokens[head].word) {
        return (first..head)
            .rfind(|&i| tokens[i].content)
            .is_some_and(of_the_offer);
    }
    let Some(part) = product_parts()
        .find(tokens)
        .into_iter()
        .find(|m| m.tokens.end == head + 1)
    else {
        return false;
    };
    let before = (first..part.tokens.start).rfind(|&i| tokens[i].content);
    // What the part is about may name the offer: "Push notifications about
    // new listings" for an app that lists restaurants.
    let about = tokens
        .get(end)
        .is_some_and(|t| ["about", "of"].contains(&&*t.word))
        && (end + 1..tokens.len()).any(of_the_offer);
    part.tokens.clone().any(of_the_offer) || before.is_some_and(of_the_offer) || about
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(what: &str) -> Offer {
        Offer::of([what])
    }

    #[test]
    fn our_is_the_product_only_when_it_names_the_what() {
        let tea = offer("Loose-leaf teas and tisanes, refill tins, gift boxes posted direct");
        assert!(only_about_the_offer(
            &[
                "Our gift tins",
                "Our tea advent calendar",
                "Our Christmas blend"
            ],
            &tea
        ));
        let bikes = offer("A family bike shop selling and fixing children's bikes and child seats");
        let clinic = offer("An independent hearing clinic fitting hearing aids, with aftercare");
        for (interests, what) in [
            (&["Our Saturday parkrun", "Our allotment"][..], &bikes),
            (&["Our dog, Biscuit", "Our kids' football club"], &bikes),
            (
                &["Our family's Sunday walks", "Our caravan club friends"],
                &bikes,
            ),
            (&["our church choir", "our book club"], &clinic),
            (&["Our Christmas lights", "Our bikes"], &bikes),
        ] {
            assert!(!only_about_the_offer(interests, what), "{interests:?}");
        }
    }

    #[test]
    fn codes_for_money_off_are_buying_and_a_life_beside_them_is_not() {
        let shop = offer("Seated-cut clothing for wheelchair users, sold in our shop and online");
        let interests = [
            "New arrivals in the shop",
            "Discount codes",
            "Our seasonal sale",
        ];
        assert!(only_about_the_offer(&interests, &shop));
        assert!(!only_about_the_offer(
            &["Discount codes", "Her wheelchair basketball team"],
            &shop
        ));
    }

    #[test]
    fn the_catalogue_is_the_product_and_a_life_beside_it_is_not() {
        let pianos = offer("Pianos to buy or rent: new, restored and digital pianos, with tuning");
        assert!(only_about_the_offer(
            &[
                "Pianos",
                "Piano brands and models",
                "Piano prices and finance deals"
            ],
            &pianos
        ));
        assert!(!only_about_the_offer(
            &["Piano brands and models", "Her jazz trio's Friday gigs"],
            &pianos
        ));
        assert!(!only_about_the_offer(
            &[
                "Vintage piano brands at auction houses",
                "Being a role model for her pupils"
            ],
            &pianos
        ));
    }

    #[test]
    fn buying_more_of_the_offer_is_the_product() {
        let groomer =
            offer("Dog grooming, nail clipping and puppy training classes, with a spa add-on");
        assert!(only_about_the_offer(
            &[
                "Rebooking puppy training classes",
                "Our hydrotherapy bundle"
            ],
            &groomer
        ));
        assert!(only_about_the_offer(
            &[
                "Renewing dog grooming",
                "Our coat-care subscription",
                "Upgrading nail clipping"
            ],
            &groomer
        ));
        for interests in [
            &["Booking dog-friendly holidays", "Our Saturday agility club"][..],
            &[
                "Ordering puppy training books for the library",
                "Her nail salon",
            ],
            &["Our walking rota", "Booking grooming"],
            &["Our book club", "Dog grooming"],
        ] {
            assert!(!only_about_the_offer(interests, &groomer), "{interests:?}");
        }
    }

    #[test]
    fn a_brand_name_is_one_word_with_a_capital_inside() {
        assert_eq!(
            brand_names("ShedShare - 2026 plan"),
            vec![stem("shedshare")]
        );
        assert!(brand_names("Harbor Bikes 2027").is_empty());
        assert!(brand_names("NHS Eye Screening").is_empty());
    }

    #[test]
    fn interests_that_are_all_prices_and_buying_are_the_product() {
        let yarn = offer("A yarn shop with knitting classes");
        let buying = [
            "Buying yarn for socks",
            "Skein bundles",
            "Discounts on needles",
        ];
        assert!(only_about_the_offer(&buying, &yarn));
        for lives in [
            &["Booking family holidays by the sea", "Weekend deals"][..],
            &["Buying a first home", "Shopping for the grandchildren"],
            &["Skein bundles", "Her knitting circle"],
            &[
                "Organising the school bake sales",
                "Car boot sales on Sunday mornings",
            ],
            &["Cheaper energy deals", "Broadband price comparisons"],
        ] {
            assert!(!only_about_the_offer(lives, &yarn), "{lives:?}");
        }
    }

    #[test]
    fn buying_anything_is_the_product_beside_an_interest_that_is() {
        let fishmonger = offer("Fresh fish and shellfish from our counter, and weekly fish boxes");
        let buying = ["Buying seafood", "Cheap fish deals", "Our fish-box offers"];
        assert!(only_about_the_offer(&buying, &fishmonger));
        let pricing = [
            "Shellfish contract pricing",
            "Fish boxes",
            "Fresh shellfish",
        ];
        assert!(only_about_the_offer(&pricing, &fishmonger));
        assert!(!only_about_the_offer(&["Buying seafood"], &fishmonger));
        for lives in [
            &["Buying a first home", "Personal finance"][..],
            &[
                "Booking family holidays by the sea",
                "Shopping at farmers markets",
            ],
            &["Hiking the Pennine range", "Shopping for antiques"],
            &["New releases from indie bands", "Record shop bargains"],
        ] {
            assert!(!only_about_the_offer(lives, &fishmonger), "{lives:?}");
        }
        for interests in [
            &["Buying a first home", "Gig rowing"][..],
            &["Buying seafood", "Gig rowing", "Fish boxes"],
        ] {
            assert!(
                !only_about_the_offer(interests, &fishmonger),
                "{interests:?}"
            );
        }
    }

    #[test]
    fn options_beside_the_offer_and_buying_are_the_product() {
        let clinic = offer("Specialist menopause assessment, treatment and consultation packages");
        assert!(only_about_the_offer(
            &[
                "HRT options and doses",
                "our consultation packages",
                "Booking appointments online",
            ],
            &clinic
        ));
        assert!(!only_about_the_offer(
            &["Treatment options for her arthritis", "Her walking group"],
            &clinic
        ));
    }

    #[test]
    fn a_thing_sold_at_the_head_is_the_offer() {
        let sticks = offer(
            "Walking sticks, trekking poles and ferrules, with alarm pendants and falls detectors",
        );
        for interest in [
            "Carbon trekking poles",
            "GPS pendants for use outside the home",
            "Replacement ferrules and accessories",
        ] {
            assert!(read(interest, &sticks) == Reading::Offer, "{interest}");
        }
        for life in [
            "Her walking sticks from her late husband",
            "Shopping for the grandchildren",
            "Letters from her sister",
            "Walks with the ramblers",
        ] {
            assert!(read(life, &sticks) != Reading::Offer, "{life}");
        }
        let heads: Vec<usize> =
            first_heads(&tokenize("Sale dates and discounts on boots")).collect();
        assert_eq!(heads, vec![1, 3]);
    }

    #[test]
    fn the_business_named_as_owner_speaks_as_our() {
        let name = "Homedraw Mobile Blood Tests - 2027 plan";
        assert_eq!(as_ours("Homedraw's test menu", name), "our test menu");
        assert_eq!(
            as_ours("Her daughter's wedding", name),
            "Her daughter's wedding"
        );
        assert_eq!(as_ours("Sam's football club", name), "Sam's football club");
        assert_eq!(
            as_ours("Reading Lull's release notes", "Lull migraine diary"),
            "our release notes"
        );
        assert_eq!(
            as_ours("Visiting Sam's allotment", "Sam's Seeds"),
            "Visiting Sam's allotment"
        );
        let shop = "Second Spin Records & Hi-Fi - 2026";
        assert_eq!(
            as_ours("New stock arriving at Second Spin", shop),
            "our New stock arriving"
        );
        assert_eq!(
            as_ours("Gigs at the Leadmill", shop),
            "Gigs at the Leadmill"
        );
        assert_eq!(
            as_ours("Walks on Sundays", "Sundays Walking Club"),
            "Walks on Sundays"
        );
    }

    #[test]
    fn a_part_of_the_product_is_named_at_the_head() {
        let app = offer(
            "A plant-care app with care schedules and reminders, and a Plus tier with photo diagnosis",
        );
        assert!(only_about_the_offer(
            &[
                "Watering reminders",
                "The photo diagnosis feature",
                "Unlocking Plus features",
                "Plant care tips in the app",
            ],
            &app
        ));
        let campsite = offer(
            "A small campsite by the river, with tent pitches, bell tents, a loan kit and campfire evenings",
        );
        assert!(only_about_the_offer(
            &["Bell tent features", "Campfire reminders"],
            &campsite
        ));
        let screening = offer("Diabetic eye screening, results letters and surveillance clinics");
        assert!(only_about_the_offer(
            &[
                "His annual diabetic eye screening appointment",
                "Getting his screening results letter",
            ],
            &screening
        ));
        let grocer = offer("A grocer with a monthly recipe letter and free diet reviews");
        assert!(!only_about_the_offer(
            &[
                "Letters from her sister in Lagos",
                "Film reviews in the Sunday paper"
            ],
            &grocer
        ));
        let finder =
            offer("An app that lists restaurants for allergic diners, with a Premium tier");
        assert!(only_about_the_offer(
            &[
                "Using the app's map view",
                "Push notifications about new listings",
                "Premium filters",
            ],
            &finder
        ));
        assert!(!only_about_the_offer(
            &[
                "Bird reminders on the river walk",
                "Notifications about river levels"
            ],
            &campsite
        ));
        for interests in [
            &[
                "River flood notifications",
                "Bird reminders on the river walk",
            ][..],
            &[
                "River level notifications for kayaking",
                "Tide time reminders",
            ],
            &[
                "Campfire cooking features in the local paper",
                "Star-gazing",
            ],
        ] {
            assert!(!only_about_the_offer(interests, &campsite), "{interests:?}");
        }
    }
}
