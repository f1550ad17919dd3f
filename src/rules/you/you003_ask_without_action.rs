//! YOU003 ask-without-action: a touchpoint asks but nothing is done with the
//! answers. The rule's metadata, its documentation (`planlint explain YOU003`)
//! and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::text;
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::{
    act_bring, act_carry_out, act_change, act_forums, act_outcomes, act_record, act_unchanged,
};
use crate::text::{DETERMINERS, HEAD_ENDS, Match, Token, covered, push_quote, starts, tokenize};

pub static RULE: Rule = Rule {
    code: "YOU003",
    name: "ask-without-action",
    family: Family::You,
    severity: Severity::Warning,
    summary: "a touchpoint asks but nothing is done with the answers",
    help: "add `act`: who reads the answers, how often, and what they change",
    docs: r#"## What it does
Reports a touchpoint that has an `ask` but no `act` (or a blank one), or
whose `act` only keeps the answers: it stores, files, logs, records or
summarises them ("responses are stored in the CRM", "results go into the
annual report") or puts them away in a box, a tray, a folder or a file
with nothing more said of them ("Collected in the box under the till";
not "goes into your box", the customer's, nor "put in the packing tray
and made up in that week's box") and says nothing of a change, a reply, a follow-up, a
review or a purpose ("so the fitter can ..."), or of the answer becoming
the measure the work is judged by ("her success measure written on the
trial sheet and reported in week 4"). Cues are matched as whole stemmed
words.

Not reported: an `act` that keeps the answers *and* uses them ("noted on the
booking so the audiologist can adjust the aids", "logged and reviewed each
term", "saved on the account and applied from the next shipment"); an
`act` that carries out what the people asked have decided, a verb of carrying
out (follow, carry out, implement) with a result, vote, majority or
decision within three words after it ("the committee follows the result
and reports on it in the minutes"), or that adopts what came top ("The
committee adopts the top two"; not "following the top-two-box
convention"): following the vote is the change ("staff
carry out the survey" is not); an `act` that puts the answers before a
gathering where decisions are made, a verb of bringing (shown, taken,
presented) with "at", "to" or "before" and a forum, meeting, committee or
board within four words, what is brought standing between with no
preposition in it ("logged and shown at the residents' forum when new
routes are discussed", "brought to the route committee", "we take the
top ask to the council cycling forum"): the answers are weighed where
the decision is taken ("reported to the board" is still reporting, "put
in a folder at the meeting point" puts them in a folder, and "shown on
the board by the till" or taken "to the notice board" brings them before
nobody); an `act` that tells the people asked what is done about their
answers ("summarised in the next note with what we are doing about
them"), takes work on ("Extra jobs logged", "a ticket raised") or takes
faults back to those who can fix what was sold ("reported back to
suppliers"), or keeps to what people chose ("The choice is saved and we
stick to it"); an `act` with a sentence or clause of five words or more,
or a part after "and" with a new subject ("and each reader's email shows
those genres first", "and the best idea goes on the menu": after "the"
or "our", a verb of doing within five words; "and the shared spreadsheet"
is one more place), that neither keeps the answers nor says nothing
changes ("summarised for the
workshop lead, who picks the three most common snags for the next ride"),
which may well be action planlint's word lists do not know (a shorter one,
"each quarter", "by the front desk", "thanks!", is no action); an `act`
whose keeping clause has another participle in it ("logged in the CRM
and actioned the same day", "faults chased with the council and
reported"), a deed planlint has no word for, while participles of
keeping ("collected", "dated", "tracked"), a participle that describes
where they are kept ("the shared drive") and adjectives ("the agreed
plan", "Completed forms are filed") are no deed; and an `act` with no cue of keeping,
which planlint cannot judge. "The report" or "a record" is where answers
go, not keeping them, and so is "the monthly report" or "the resident's
garment record". A sentence that says nothing changes ("ordering
continues from the standard list") adds nothing to keeping.

## Why it matters
Asking is only half of it; listening and acting on what people say is the
other half. Customers notice when their answers disappear into a survey tool:
the next time they are asked, they do not bother. A question with no plan for
its answers costs goodwill and returns nothing.

## Example
```toml
[[touchpoint]]
id = "post-service-survey"
ask = "How was your service?"
# no act
```

## How to fix
```toml
act = "The workshop lead reads every answer weekly; anything under 4 stars gets a call back within two days."
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    for touchpoint in &cx.plan.touchpoints {
        let Some(ask) = touchpoint.ask.as_ref().filter(|_| touchpoint.asks()) else {
            continue;
        };
        let what = match text(&touchpoint.act) {
            None => "nothing says what is done with the answers".to_owned(),
            Some(act) => match only_keeps(act) {
                Some(cues) => format!(
                    "its `act` only keeps the answers ({}): nothing says what changes because of them",
                    cues.join(", ")
                ),
                None => continue,
            },
        };
        cx.report(
            &RULE,
            Subject::Touchpoint(touchpoint.id.value.clone()),
            ask.key.clone(),
            format!(
                "touchpoint \"{}\" asks \"{}\" but {what}",
                touchpoint.id.value,
                ask.value.trim()
            ),
        );
    }
}

/// How many words a clause needs to be read as doing something besides
/// keeping the answers: "by the front desk" or "each quarter" does not.
const CLAUSE_WORDS: usize = 5;

/// The quoted cues of an `act` that only stores, logs or summarises the
/// answers, or `None` when it also acts on them (or says neither). It only
/// keeps them when it has a cue of keeping, no cue of a change, and every
/// sentence or clause of it keeps the answers or says nothing changes
/// ("ordering continues from the standard list"): a clause that does
/// something else ("who picks the three most common snags for the next
/// ride") is action planlint cannot judge, and is given the benefit of the
/// doubt.
fn only_keeps(act: &str) -> Option<Vec<String>> {
    let tokens = tokenize(act);
    let unchanged = act_unchanged().find(&tokens);
    // "Nothing changes" says no change, whatever "changes" alone would say.
    let said_unchanged = covered(tokens.len(), &unchanged);
    let inside_unchanged = |m: &Match| m.tokens.clone().all(|i| said_unchanged[i]);
    // "Shared" before a place things are kept describes it: "the shared
    // drive" shares nothing.
    if act_change()
        .find(&tokens)
        .iter()
        .any(|m| !inside_unchanged(m) && !names_a_store(&tokens, m.tokens.end - 1))
        || carries_out(&tokens)
        || brings_to_a_forum(&tokens)
    {
        return None;
    }
    // Answers put away are quoted as put ("go into the packing file"), not
    // by the word of keeping inside ("file").
    let mut kept = put_away(&tokens);
    let put = covered(tokens.len(), &kept);
    kept.extend(
        act_record()
            .find(&tokens)
            .into_iter()
            .filter(|m| !a_noun(&tokens, m) && !put[m.tokens.clone()].contains(&true)),
    );
    kept.sort_by_key(|m| m.tokens.start);
    if kept.is_empty() || does_something_else(&tokens, &kept, &unchanged) {
        return None;
    }
    // A clause says something else when it neither keeps nor says nothing
    // changes and has words enough to do something ("who picks the three
    // most common snags"); a time, a list or a thank-you does not. "And"
    // before a new subject starts one too: "Genre choices are saved and
    // each reader's email shows those genres first".
    let mut parts = Vec::with_capacity(tokens.len());
    let mut after_and = vec![false];
    let mut part = 0;
    for (i, t) in tokens.iter().enumerate() {
        let new_subject = &*t.word == "and"
            && tokens
                .get(i + 1)
                .is_some_and(|n| n.clause == t.clause && SUBJECTS.contains(&&*n.word))
            && (!matches!(&*tokens[i + 1].word, "the" | "our") || acts_soon(&tokens, i + 2));
        if i > 0 && (tokens[i - 1].clause != t.clause || new_subject) {
            part += 1;
            after_and.push(new_subject);
        }
        parts.push(part);
    }
    let mut words = vec![0usize; part + 1];
    for &p in &parts {
        words[p] += 1;
    }
    // Bringing the answers to a board or a screen only shows them: "we take
    // the suggestion cards to the notice board by the till" (while "shown to
    // lenders on that street" tells people, and "the report puts those
    // rooms first" acts on them).
    let displays: Vec<bool> = tokens
        .iter()
        .map(|t| DISPLAYS.contains(&&*t.word))
        .collect();
    let brought: Vec<Match> = act_bring()
        .find(&tokens)
        .into_iter()
        .filter(|verb| brought_to(&tokens, verb, &["to", "at", "on"], &displays))
        .collect();
    let mut keeps = vec![false; part + 1];
    for m in kept.iter().chain(&unchanged).chain(&brought) {
        keeps[parts[m.tokens.start]] = true;
    }
    // A part after "and" that only says where the answers sit keeps them:
    // "and each card goes in the box behind the till", "and they are kept
    // for audit".
    for (i, t) in tokens.iter().enumerate() {
        let put_in = matches!(&*t.word, "in" | "into") && stored_in(&tokens, i).is_some();
        let told = tokens
            .get(i + 1)
            .is_some_and(|n| matches!(&*n.word, "posted" | "informed" | "updated" | "in"));
        if after_and[parts[i]] && (put_in || KEPT.contains(&&*t.word) && !told) {
            keeps[parts[i]] = true;
        }
    }
    if (0..=part).any(|p| !keeps[p] && words[p] >= CLAUSE_WORDS) {
        return None;
    }
    let mut quotes = Vec::new();
    for m in kept {
        push_quote(&mut quotes, act, m.span);
    }
    Some(quotes)
}

/// Answers put into a place they are kept, and nothing more said of them:
/// "Collected in the box under the till", "put into the tray" (not
/// "collected in person", "goes into your box" at a shop whose box is what
/// it sends, nor "put in the packing tray and made up in that week's box"
/// or "into the order file that the buyer works from": something more is
/// said of them).
fn put_away(tokens: &[Token]) -> Vec<Match> {
    let mut found = Vec::new();
    for (at, verb) in tokens.iter().enumerate() {
        if !PUT.contains(&&*verb.word) {
            continue;
        }
        let Some(store) = stored_in(tokens, at + 1) else {
            continue;
        };
        // Nothing more said in the clause after the place: a place of its
        // own ("under the till") at most.
        let more = tokens[store + 1..]
            .iter()
            .take_while(|t| t.clause == verb.clause)
            .any(|t| SAID_MORE.contains(&&*t.word));
        if !more {
            found.push(Match {
                tokens: at..store + 1,
                span: verb.span.start..tokens[store].span.end,
            });
        }
    }
    found
}

/// The place answers are put into, when "in" or "into" stands at `from` or
/// the word after it and a place they are kept (`STORES`, `KEPT_IN`) within
/// three words, in one clause, with no one's own before it ("your box" is
/// the customer's).
fn stored_in(tokens: &[Token], from: usize) -> Option<usize> {
    let clause = tokens.get(from)?.clause;
    let same = |i: usize| tokens.get(i).filter(|t| t.clause == clause);
    let into =
        (from..=from + 1).find(|&i| same(i).is_some_and(|t| matches!(&*t.word, "in" | "into")))?;
    (into + 1..=into + 3)
        .take_while(|&i| {
            same(i).is_some_and(|t| !matches!(&*t.word, "your" | "their" | "his" | "her" | "my"))
        })
        .find(|&i| {
            same(i).is_some_and(|t| STORES.contains(&&*t.word) || KEPT_IN.contains(&&*t.word))
        })
}

/// Words after the place answers are put that say something more of them:
/// "and made up in that week's box", "that the buyer works from".
const SAID_MORE: &[&str] = &[
    "and", "then", "so", "that", "which", "where", "who", "until",
];

/// Verbs that put answers somewhere: "collected in the box".
const PUT: &[&str] = &[
    "collected",
    "gathered",
    "put",
    "placed",
    "posted",
    "left",
    "go",
    "goes",
];

/// Words of answers sitting where they are kept: "they are kept for audit
/// purposes", "they sit in the spreadsheet" (not "kept posted").
const KEPT: &[&str] = &["kept", "sit", "sits"];

/// Where answers sit, besides `STORES`, when put "in" or "into" them: "each
/// card goes in the box behind the till" (not "each box puts the veg they
/// named first").
const KEPT_IN: &[&str] = &[
    "box", "boxes", "binder", "binders", "drawer", "tray", "crm", "file", "files",
];

/// Where answers are put up for anyone to see, which decides nothing: a
/// notice board, a wall, a screen.
const DISPLAYS: &[&str] = &[
    "board",
    "noticeboard",
    "wall",
    "screen",
    "screens",
    "display",
    "window",
];

/// Whether a verb of doing follows within a few words of `from`, in its
/// clause and before a relative pronoun: "[and the best idea] goes on the
/// menu", not "[and the] shared spreadsheet for head office" nor "[and the]
/// monthly spreadsheet that head office keeps".
fn acts_soon(tokens: &[Token], from: usize) -> bool {
    let Some(clause) = tokens.get(from).map(|t| t.clause) else {
        return false;
    };
    tokens[from..]
        .iter()
        .take(SUBJECT_REACH)
        .take_while(|t| t.clause == clause && !matches!(&*t.word, "that" | "which" | "who"))
        .any(|t| DOINGS.contains(&&*t.word))
}

/// How many words a subject after "and the" may take before its verb.
const SUBJECT_REACH: usize = 5;

/// Verbs a subject after "and the" or "and our" does something with: "and
/// the best idea goes on the menu", "and our buyer changes the order".
const DOINGS: &[&str] = &[
    "goes", "go", "gets", "get", "becomes", "become", "is", "are", "will", "changes", "change",
    "moves", "shows", "leads", "sets", "decides", "makes", "comes", "opens", "picks", "chooses",
];

/// Words that open a new subject after "and": "saved and we stick to it",
/// "saved and each reader's email shows those genres first", "logged and
/// the best idea goes on the menu" (with a verb of doing soon after "the"
/// or "our").
const SUBJECTS: &[&str] = &[
    "we", "they", "he", "she", "each", "every", "staff", "someone", "somebody", "the", "our",
];

/// Participles that describe how answers are kept, not a change: "Cards
/// are collected and stored", "logged, dated and filed".
const KEEPING_PARTICIPLES: &[&str] = &[
    "encrypted",
    "emailed",
    "forwarded",
    "posted",
    "boxed",
    "backed",
    "protected",
    "secured",
    "saved",
    "archived",
    "passed",
    "copied",
    "collected",
    "gathered",
    "received",
    "dated",
    "named",
    "tagged",
    "sorted",
    "grouped",
    "coded",
    "counted",
    "noted",
    "listed",
    "labelled",
    "labeled",
    "entered",
    "uploaded",
    "scanned",
    "printed",
    "anonymised",
    "anonymized",
    "aggregated",
    "based",
    "called",
    "timed",
    "stamped",
    "marked",
    "attached",
    "linked",
    "kept",
    "held",
    "tracked",
    "monitored",
    "measured",
    "banked",
    "totalled",
    "totaled",
];

/// Whether a clause that keeps the answers also does something planlint
/// has no word for: another participle in it ("Logged in the CRM and
/// actioned the same day", "faults chased with the council and
/// reported"). Such an act is given the benefit of the doubt; a
/// participle of keeping ("collected and stored") or one used as an
/// adjective ("the agreed plan") is not another deed.
fn does_something_else(tokens: &[Token], kept: &[Match], unchanged: &[Match]) -> bool {
    let inside = covered(tokens.len(), kept.iter().chain(unchanged));
    let keeping_clauses: std::collections::HashSet<usize> =
        kept.iter().map(|m| tokens[m.tokens.start].clause).collect();
    tokens.iter().enumerate().any(|(i, t)| {
        let word = &*t.word;
        keeping_clauses.contains(&t.clause)
            && word.len() >= 5
            && word.ends_with("ed")
            && !word.ends_with("eed")
            && !KEEPING_PARTICIPLES.contains(&word)
            && !inside[i]
            && !(i > 0 && DETERMINERS.contains(&&*tokens[i - 1].word))
            // Before a place things are kept, it describes the place: "the
            // programme shared drive", "a locked cabinet".
            && !names_a_store(tokens, i)
            // Opening the act, it describes what is kept: "Completed forms
            // are filed".
            && i > 0
    })
}

/// Whether the word at `at` describes the place things are kept that
/// follows it, in its clause: "the programme shared drive", "a locked
/// cabinet"; not "shared folder by folder with each farm" nor "updated
/// database-wide".
fn names_a_store(tokens: &[Token], at: usize) -> bool {
    let word = |i: usize| {
        tokens
            .get(i)
            .filter(|t| t.clause == tokens[at].clause)
            .map(|t| &*t.word)
    };
    word(at + 1).is_some_and(|w| STORES.contains(&w))
        && !matches!(word(at + 2), Some("by" | "wide"))
}

/// Places answers are kept in, which a participle before them only
/// describes: "saved to the programme shared drive".
const STORES: &[&str] = &[
    "drive",
    "drives",
    "folder",
    "folders",
    "inbox",
    "mailbox",
    "spreadsheet",
    "spreadsheets",
    "cabinet",
    "cabinets",
    "database",
];

/// How many words after a verb of carrying out its outcome may stand:
/// "follows the result", "carries out the members' decision".
const OUTCOME_REACH: usize = 3;

/// Whether an `act` carries out what the people asked have decided: a verb of
/// carrying out (follow, carry out, implement) with an outcome a few words
/// after it in the same clause ("the committee follows the result",
/// "implements the majority's choice"). Following a vote is a change made
/// because of the answers; "follow" or "carry out" alone is not ("staff
/// carry out the survey").
fn carries_out(tokens: &[Token]) -> bool {
    let outcomes = starts(tokens.len(), &act_outcomes().find(tokens));
    act_carry_out().find(tokens).iter().any(|verb| {
        let end = verb.tokens.end;
        (end..tokens.len().min(end + OUTCOME_REACH))
            .any(|at| outcomes[at] && tokens[at].clause == tokens[verb.tokens.start].clause)
    })
}

/// How many words after "at", "to" or "before" the gathering may stand: "at
/// the rider forum", "to the monthly planning meeting".
const FORUM_REACH: usize = 4;

/// How many words of what is brought may stand between the verb and "at",
/// "to" or "before": "take the three most common answers to the residents'
/// forum".
const OBJECT_REACH: usize = 6;

/// Words before "board" that make it a board of notices, where answers are
/// pinned, not one that decides: "the notice board by the till".
const BOARDS_OF_NOTICES: &[&str] = &["notice", "message", "display", "pin", "white", "cork"];

/// Whether an `act` puts the answers before a gathering where decisions are
/// made: a verb of bringing (shown, taken, presented), then, after at most
/// [`OBJECT_REACH`] words of what is brought, "at", "to" or "before" in the
/// same clause, and a forum, meeting, committee or board a
/// few words after it ("shown at the rider forum when dock sites are
/// discussed", "taken to the planning meeting"). The answers are then
/// weighed where the decision is taken, which is acting on them; reporting
/// them ("reported to the board") is keeping, and showing them on a board
/// or a screen brings them before nobody.
fn brings_to_a_forum(tokens: &[Token]) -> bool {
    let forums: Vec<Match> = act_forums()
        .find(tokens)
        .into_iter()
        .filter(|m| {
            // "the notice board" is where answers are pinned, not a board
            // that decides.
            m.tokens.start == 0 || !BOARDS_OF_NOTICES.contains(&&*tokens[m.tokens.start - 1].word)
        })
        .collect();
    let forums = starts(tokens.len(), &forums);
    act_bring()
        .find(tokens)
        .iter()
        .any(|verb| brought_to(tokens, verb, &["at", "to", "before"], &forums))
}

/// Whether a verb of bringing takes what it brings to a place `places`
/// marks: what is brought may stand between, with no preposition in it
/// ("take the three most common answers to the residents' forum"; "put in
/// a folder at the meeting point" puts them in a folder), then one of
/// `through` and the place at most [`FORUM_REACH`] words on, in one
/// clause. "The table", "each put" are no verbs of bringing.
fn brought_to(tokens: &[Token], verb: &Match, through: &[&str], places: &[bool]) -> bool {
    if after_determiner(tokens, verb) {
        return false;
    }
    let clause = tokens[verb.tokens.start].clause;
    let Some(at_to) = (verb.tokens.end..tokens.len())
        .take(OBJECT_REACH + 1)
        .take_while(|&i| tokens[i].clause == clause)
        .find(|&i| HEAD_ENDS.contains(&&*tokens[i].word))
        .filter(|&i| through.contains(&&*tokens[i].word))
    else {
        return false;
    };
    let after = at_to + 1;
    (after..tokens.len().min(after + FORUM_REACH))
        .any(|at| places[at] && tokens[at].clause == clause)
}

fn after_determiner(tokens: &[Token], m: &Match) -> bool {
    m.tokens.len() == 1
        && m.tokens.start > 0
        && DETERMINERS.contains(&&*tokens[m.tokens.start - 1].word)
}

/// Whether a word of keeping is a noun, where answers go rather than what is
/// done with them: right after a determiner ("the report"), or with a
/// determiner or a possessive up to [`NOUN_REACH`] words before it and
/// nothing after it that it acts on ("the monthly report for that home",
/// "the resident's garment record and"). "The shop manager records every
/// answer" and "the home's report records them" keep the answers, and a
/// participle is a deed ("the answers recorded").
fn a_noun(tokens: &[Token], m: &Match) -> bool {
    if after_determiner(tokens, m) {
        return true;
    }
    let at = m.tokens.start;
    if m.tokens.len() != 1 || at == 0 || tokens[at].word.ends_with("ed") {
        return false;
    }
    let acts_on = tokens
        .get(at + 1)
        .is_some_and(|t| t.clause == tokens[at].clause && OBJECTS.contains(&&*t.word));
    let clause = tokens[at].clause;
    !acts_on
        && (at.saturating_sub(NOUN_REACH)..at).rev().any(|i| {
            tokens[i].clause == clause
                && (DETERMINERS.contains(&&*tokens[i].word) || tokens[i].word.ends_with("'s"))
                && tokens[i + 1..at].iter().all(|t| t.content)
        })
}

/// Words after a verb of keeping that it acts on: "records every answer",
/// "logs each card", "records them".
const OBJECTS: &[&str] = &[
    "every", "each", "all", "the", "a", "an", "them", "it", "their", "these", "those", "answers",
    "replies", "cards", "comments",
];

/// How many words a determiner may stand before the noun it opens: "the
/// resident's garment record".
const NOUN_REACH: usize = 3;

#[cfg(test)]
mod tests {
    use super::only_keeps;

    #[test]
    fn an_act_that_keeps_and_then_changes_something_is_action() {
        for act in [
            "Requests are logged; the ones that come up every month are answered in the newsletter.",
            "The committee adopts the top two and reports progress in the members' letter.",
            "Answers are filed by route, and the three most asked-for stops are added to the timetable review.",
            "Replies are stored so the fitter can bring the right parts.",
            "Answers are summarised for the workshop lead, who picks the three most common snags for the next ride.",
            "The surveyor records the answers in the written report, and the report puts those rooms first.",
            "Residents pick by ballot; the committee carries out what the majority picked and logs it in the minutes.",
            "Tenants vote online, and the council implements the decision and reports back in the spring newsletter.",
            "Parents vote; the governors follow the result and report on it at the summer meeting.",
            "Suggested stops are logged and brought to the route committee each spring.",
            "Answers are tallied and presented at the members' meeting.",
            "We take the top ask to the council cycling forum each quarter and report back at the next ride.",
            "Answers are logged and we take the three most common answers to the residents' forum.",
            "Answers are summarised in the next note with what we are doing about them.",
            "The monthly report for that home is built around the answer instead of a standard pack.",
            "Notes go on the resident's garment record and print on the sorting ticket our team sees at every wash.",
            "Answers are logged and the manager takes the top three to the monthly staff meeting.",
            "Callers are kept in the loop by text until the repair is done.",
            "Each request is tracked until it is done.",
            "Extra jobs logged; recurring faults by model reported back to suppliers.",
            "Logged in the CRM and actioned the same day.",
            "Most-named faults chased with the council and reported on the following month.",
            "Their answers are written into the service agreement as promises we report on.",
            "Requests are logged and escalated to the duty manager.",
            "Answers are logged and shared with the stall holders each week.",
            "Genre choices are saved and each reader's email shows those genres first.",
            "Answers are logged and shared folder by folder with each farm.",
            "The choice is saved and we stick to it.",
            "Their success measure is written on the job sheet and reported at the end of the month.",
        ] {
            assert_eq!(only_keeps(act), None, "{act}");
        }
    }

    #[test]
    fn an_act_that_only_keeps_is_reported_with_its_words() {
        assert_eq!(
            only_keeps("Answers are exported each quarter and archived in the CRM.").unwrap(),
            ["\"exported\"", "\"archived\""]
        );
        assert!(only_keeps("Responses are tallied and reported to the board.").is_some());
        assert_eq!(
            only_keeps("Responses are tallied. Stock continues from the usual list.").unwrap(),
            ["\"tallied\""]
        );
        for act in [
            "Each quarter, answers are exported and archived in the CRM.",
            "Answers are logged. Thanks!",
            "Answers are logged in the CRM, by the front desk.",
            "Answers are stored in our CRM (Salesforce, HubSpot).",
            "Answers are logged: name, date and swap.",
            "Answers are filed. Nothing changes.",
            "Answers are logged and nothing changes.",
            "Responses are exported each quarter and saved to the programme shared drive.",
            "Answers are logged and we file them by month.",
            "Answers are logged and each card goes in the box behind the till.",
            "Comments are logged and they sit in the spreadsheet until next year.",
            "Answers are recorded and staff stick them in the binder at the counter.",
            "Answers are filed and they are kept for audit purposes only.",
            "Staff carry out the survey and file the answers in the CRM.",
            "Results are recorded and reported to the board.",
            "Votes are counted, the result is logged and reported in the minutes.",
            "Answers are logged and shown on the board by the till.",
            "Answers are logged and reported to the board.",
            "Answers are logged and shown to staff.",
            "Answers are logged and shown with the sales figures on the board by the till.",
            "Answers are logged and put in a folder at the meeting point.",
            "Cards are logged and left on the table by the door before the monthly meeting.",
            "Answers are logged and we take the suggestion cards to the notice board by the till.",
            "Cards are collected and stored at each centre.",
            "Answers are logged, dated and filed in the agreed folder.",
            "Completed forms are filed in the walker's record.",
            "Answers are stored on encrypted servers.",
            "Answers are logged and emailed to head office.",
            "Answers are logged for possible future action.",
            "Answers are logged and written into the shop spreadsheet.",
            "Cards are boxed up at the end of each clinic, posted to head office and stored for the annual contract return.",
            "Scores are recorded in the dashboard following the top-two-box convention.",
            "Entries are archived in the gallery following the winner's announcement.",
            "Forms are collected at the AGM and kept in the office file.",
            "Ratings are tracked weekly against our app-store ranking target.",
            "The shop manager records every answer in the CRM.",
            "Every answer is logged; the home's report records them.",
            "Callers are kept in the office file.",
            "Collected in the box under the till.",
            "Cards are put into the tray at reception.",
            "Answers are logged in the CRM and the shared spreadsheet for head office.",
            "Logged in the CRM and the monthly spreadsheet that head office keeps.",
        ] {
            assert!(only_keeps(act).is_some(), "{act}");
        }
        assert_eq!(
            only_keeps("Collected in the box under the till.").unwrap(),
            ["\"Collected in the box\""]
        );
        for act in [
            "Collected in person and read by the head baker, who changes the Saturday bake.",
            "Answers are logged and the best idea goes on the menu next month.",
            "Collected in the box and the best idea goes on the menu next month.",
            "Cards collected in the box are read every Monday and the top request is baked that week.",
            "Each swap goes into your box the same week.",
            "Swap requests are put in the packing tray and made up in that week's box.",
            "Requests are put into the order file that the buyer works from every Monday.",
        ] {
            assert!(only_keeps(act).is_none(), "{act}");
        }
        assert_eq!(
            only_keeps("Requests go into the packing file the team keeps.").unwrap(),
            ["\"go into the packing file\""]
        );
        assert_eq!(
            only_keeps("Answers are recorded, and the record is reported each year.").unwrap(),
            ["\"recorded\"", "\"reported\""]
        );
    }
}
