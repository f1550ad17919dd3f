//! The held-out corpus (tests/corpus/README.md): plans written apart from the
//! rule tuning, each with the findings a careful reader expects. Expectations
//! for rules that do not exist yet are skipped, so the corpus can run ahead of
//! the registry.

use std::path::Path;

use planlint::rules::find;
use planlint::source::SourceFile;

/// Expected findings, sorted; a line may repeat (one finding per missing stage).
fn expected(path: &Path) -> Vec<String> {
    let mut lines = std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter(|l| l.split(' ').next().is_some_and(|code| find(code).is_some()))
        .map(str::to_owned)
        .collect::<Vec<_>>();
    lines.sort();
    lines
}

/// What is in `a` and not in `b`, counting repeats.
fn minus(a: &[String], b: &[String]) -> Vec<String> {
    let mut rest = b.to_vec();
    a.iter()
        .filter(|x| match rest.iter().position(|y| y == *x) {
            Some(i) => {
                rest.remove(i);
                false
            }
            None => true,
        })
        .cloned()
        .collect()
}

#[test]
fn corpus_plans_get_exactly_the_expected_findings() {
    let mut failures = Vec::new();
    let mut plans = 0;
    for entry in std::fs::read_dir("tests/corpus").unwrap() {
        let path = entry.unwrap().path();
        let Some(stem) = path.to_str().and_then(|p| p.strip_suffix(".plan.toml")) else {
            continue;
        };
        plans += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let file = planlint::check_source(SourceFile::new(&path, text));
        let mut found: Vec<String> = file
            .findings
            .iter()
            .map(|f| format!("{} {}", f.rule.code, f.subject))
            .collect();
        found.sort();
        let want = expected(Path::new(&format!("{stem}.expect")));
        if found != want {
            failures.push(format!(
                "{}:\n  missing: {:?}\n  unexpected: {:?}",
                path.display(),
                minus(&want, &found),
                minus(&found, &want)
            ));
        }
    }
    assert!(plans >= 10, "the corpus should hold plans, found {plans}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
