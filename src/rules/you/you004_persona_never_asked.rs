//! YOU004 persona-never-asked: no touchpoint that reaches the persona asks
//! anything. The rule's metadata, its documentation (`planlint explain YOU004`)
//! and its check.

use crate::diagnostic::{Severity, Subject};
use crate::rules::{Context, Family, Phase, Rule};

pub static RULE: Rule = Rule {
    code: "YOU004",
    name: "persona-never-asked",
    family: Family::You,
    severity: Severity::Warning,
    summary: "no touchpoint that reaches the persona asks anything",
    help: "add an `ask` to a touchpoint that reaches this persona, or reach them with one that asks",
    docs: r#"## What it does
Reports a persona who is reached by at least one touchpoint, none of which has
an `ask`. It stays silent when the plan asks nobody at all (YOU002 reports
that once for the plan) and for personas no touchpoint reaches (HUM005).

## Why it matters
Different people want different things; what one group says does not answer
for another. A persona who is only ever talked to is known only by the team's
assumptions, however much the plan listens elsewhere.

## Example
```toml
[[persona]]
id = "family-hauler"
name = "Parent with a cargo bike"

[[touchpoint]]
id = "cargo-demo-day"
personas = ["family-hauler"]
message = "Try a cargo bike with your kids on Saturday."
# no touchpoint reaching family-hauler has an `ask`
```

## How to fix
Ask this persona something where they already meet you:
```toml
ask = "What would make the school run by bike work for your family?"
act = "Answers go to the cargo team's monthly review."
```"#,
    phase: Phase::Plan(check),
};

fn check(cx: &mut Context<'_>) {
    let plan = cx.plan;
    if !plan.touchpoints.iter().any(|t| t.asks()) {
        return;
    }
    for persona in &plan.personas {
        let reaching: Vec<_> = plan.touchpoints_reaching(&persona.id.value).collect();
        if reaching.is_empty() || reaching.iter().any(|t| t.asks()) {
            continue;
        }
        let ids: Vec<&str> = reaching.iter().map(|t| t.id.value.as_str()).collect();
        cx.report(
            &RULE,
            Subject::Persona(persona.id.value.clone()),
            persona.header.clone(),
            format!(
                "persona \"{}\" is never asked what they want: none of the touchpoints reaching them asks ({})",
                persona.id.value,
                ids.join(", ")
            ),
        );
    }
}
