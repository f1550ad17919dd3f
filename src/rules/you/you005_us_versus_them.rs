//! YOU005 us-versus-them: the plan's words treat customers as targets to
//! capture rather than people. The rule's metadata, its documentation
//! (`planlint explain YOU005`) and its check.

use crate::diagnostic::{Severity, Subject};
use crate::plan::{Field, Item, Plan, Span};
use crate::rules::{Context, Family, Phase, Rule};
use crate::text::lexicons::us_versus_them;
use crate::text::quote;

pub static RULE: Rule = Rule {
    code: "YOU005",
    name: "us-versus-them",
    family: Family::You,
    severity: Severity::Info,
    summary: "the plan's words treat customers as targets to capture rather than people",
    help: "say what you want to do for or with these people, not to them",
    docs: r#"## What it does
Reads every text of the plan (WHY, HOW, WHAT, goals, personas, touchpoints)
for language that treats customers as prey: "target audience", "capture the
market", "conquer", "crush", "bombard", "exploit", "lock in". Each section or
item with such words gets one finding that quotes them and names the keys
they stand in. Cues are whole phrases: "target" on its own is not one, so a
goal's "target price" or "target of 45" is fine, and a negated cue ("no
lock-in contracts") does not count. This rule is informational.

## Why it matters
Words shape how a team thinks. "Us and them" language puts the business on
one side and customers on the other, as a market to be conquered rather than
people to understand. It is the opposite of asking "what do *you* want?", and
plans written this way tend to end up with touchpoints that push rather than
help.

## Example
```toml
[[persona]]
id = "young-urban-pro"
summary = "Our core target audience: capture them before the competition does."
```

## How to fix
Describe the people and what you want to do for them:
```toml
summary = "Professionals in their late twenties who cycle to work and want a bike that keeps up with them."
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    for (subject, fields) in texts(cx.plan) {
        let mut quotes = Vec::new();
        let mut first: Option<Span> = None;
        for (key, text, span) in fields {
            for found in us_versus_them().matches_text(text) {
                quotes.push(format!("{} in `{key}`", quote(text, found.span)));
                first.get_or_insert_with(|| span.clone());
            }
        }
        let Some(span) = first else { continue };
        let message = format!(
            "{} speaks of customers as targets: {}",
            subject.describe(),
            quotes.join(", ")
        );
        cx.report(&RULE, subject, span, message);
    }
}

type Texts<'a> = Vec<(&'static str, &'a str, &'a Span)>;

/// Every free text of the plan, by subject, with its key and the key's span.
fn texts(plan: &Plan) -> Vec<(Subject, Texts<'_>)> {
    fn one<'a>(out: &mut Texts<'a>, key: &'static str, field: &'a Option<Field<String>>) {
        if let Some(f) = field {
            out.push((key, &f.value, &f.key));
        }
    }
    fn list<'a>(out: &mut Texts<'a>, key: &'static str, field: &'a Option<Field<Vec<Item>>>) {
        if let Some(f) = field {
            out.extend(f.value.iter().map(|item| (key, item.text.as_str(), &f.key)));
        }
    }
    let mut all = Vec::new();
    let mut top = Vec::new();
    one(&mut top, "name", &plan.name);
    all.push((Subject::Plan, top));
    if let Some(why) = &plan.why {
        let mut t = Vec::new();
        one(&mut t, "statement", &why.statement);
        all.push((Subject::Why, t));
    }
    if let Some(how) = &plan.how {
        let mut t = Vec::new();
        one(&mut t, "statement", &how.statement);
        list(&mut t, "differentiators", &how.differentiators);
        all.push((Subject::How, t));
    }
    if let Some(what) = &plan.what {
        let mut t = Vec::new();
        one(&mut t, "statement", &what.statement);
        list(&mut t, "offerings", &what.offerings);
        all.push((Subject::What, t));
    }
    for goal in &plan.goals {
        let mut t = vec![("title", goal.title.value.as_str(), &goal.title.key)];
        one(&mut t, "metric", &goal.metric);
        one(&mut t, "why", &goal.why);
        all.push((Subject::Goal(goal.id.value.clone()), t));
    }
    for persona in &plan.personas {
        let mut t = vec![("name", persona.name.value.as_str(), &persona.name.key)];
        one(&mut t, "summary", &persona.summary);
        list(&mut t, "wants", &persona.wants);
        list(&mut t, "interests", &persona.interests);
        one(&mut t, "purchase_insight", &persona.purchase_insight);
        one(&mut t, "value_proposition", &persona.value_proposition);
        all.push((Subject::Persona(persona.id.value.clone()), t));
    }
    for touchpoint in &plan.touchpoints {
        let mut t = vec![("name", touchpoint.name.value.as_str(), &touchpoint.name.key)];
        one(&mut t, "message", &touchpoint.message);
        one(&mut t, "ask", &touchpoint.ask);
        one(&mut t, "act", &touchpoint.act);
        all.push((Subject::Touchpoint(touchpoint.id.value.clone()), t));
    }
    all
}
