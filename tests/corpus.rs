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
        let want = expected(Path::new(&format!("{stem}.expect")));
        // An info finding the corpus does not list is a prompt, not a
        // disagreement (GOAL006 came after the corpus); a listed one must be
        // found.
        let mut found: Vec<String> = file
            .findings
            .iter()
            .map(|f| (f, format!("{} {}", f.rule.code, f.subject)))
            .filter(|(f, line)| f.severity > planlint::Severity::Info || want.contains(line))
            .map(|(_, line)| line)
            .collect();
        found.sort();
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

/// The halves of the independent corpus the test measures (see
/// tests/corpus/independent/README.md): the held-out half joins once it has
/// been run for the last time as a measure.
const INDEPENDENT: &[&str] = &[
    "tuning",
    "held-out",
    "held-out-2",
    "held-out-3",
    "held-out-4",
    "held-out-5",
    "held-out-6",
    "held-out-7",
    "held-out-8",
    "held-out-9",
    "held-out-10",
    "held-out-11",
    "held-out-12",
    "held-out-13",
    "held-out-14",
    "held-out-15",
    "held-out-16",
    "held-out-17",
    "held-out-18",
    "held-out-19",
    "held-out-20",
    "held-out-21",
    "held-out-22",
    "held-out-23",
    "held-out-24",
    "held-out-25",
    "held-out-26",
    "held-out-27",
    "held-out-28",
    "held-out-29",
    "held-out-30",
    "held-out-31",
    "held-out-32",
    "held-out-33",
    "held-out-34",
];

/// The independent corpus: each planted defect found, no other warning or
/// error, and every disagreement either fixed or listed in `known.txt` (a
/// listed one that no longer happens fails too, so the list stays true).
#[test]
#[expect(
    clippy::print_stdout,
    reason = "the corpus's score is read with `cargo test --test corpus -- --nocapture`"
)]
fn independent_plans_get_their_defects_and_nothing_else() {
    let root = Path::new("tests/corpus/independent");
    let known: Vec<String> = std::fs::read_to_string(root.join("known.txt"))
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split(" -- ").next().unwrap().trim().to_owned())
        .collect();
    let mut seen = Vec::new();
    let (mut defects, mut found_defects, mut careful, mut clean) = (0, 0, 0, 0);
    for half in INDEPENDENT {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(half))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().ends_with(".plan.toml"))
            .collect();
        paths.sort();
        for path in paths {
            let stem = path
                .to_string_lossy()
                .trim_end_matches(".plan.toml")
                .to_owned();
            let name = format!("{half}/{}", stem.rsplit('/').next().unwrap());
            let text = std::fs::read_to_string(&path).unwrap();
            let file = planlint::check_source(SourceFile::new(&path, text));
            // Every finding may be an expected one; only warnings and errors
            // can be false (the authors did not know of info findings).
            let found: Vec<(bool, String)> = file
                .findings
                .iter()
                .map(|f| {
                    let line = format!("{} {}", f.rule.code, f.subject);
                    (f.severity >= planlint::Severity::Warning, line)
                })
                .collect();
            // `N CODE subject` lines, grouped by defect number.
            let expected: Vec<(String, String)> = std::fs::read_to_string(format!("{stem}.expect"))
                .unwrap()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| {
                    let (n, finding) = l.split_once(' ').unwrap();
                    (n.to_owned(), finding.to_owned())
                })
                .collect();
            let mut numbers: Vec<&String> = expected.iter().map(|(n, _)| n).collect();
            numbers.dedup();
            for n in numbers {
                defects += 1;
                let hit = expected
                    .iter()
                    .any(|(m, finding)| m == n && found.iter().any(|(_, f)| f == finding));
                if hit {
                    found_defects += 1;
                } else {
                    seen.push(format!("{name} missed {n}"));
                }
            }
            let warnings: Vec<&String> = found
                .iter()
                .filter(|(warning, _)| *warning)
                .map(|(_, f)| f)
                .collect();
            for finding in &warnings {
                if !expected.iter().any(|(_, e)| e == *finding) {
                    seen.push(format!("{name} false {finding}"));
                }
            }
            if name.contains("/careful-") {
                careful += 1;
                clean += usize::from(warnings.is_empty());
            }
        }
    }
    println!(
        "independent corpus ({}): {found_defects} of {defects} defects found, \
         {clean} of {careful} careful plans clean, {} disagreements",
        INDEPENDENT.join(", "),
        seen.len()
    );
    let new: Vec<_> = seen.iter().filter(|s| !known.contains(s)).collect();
    let gone: Vec<_> = known
        .iter()
        .filter(|k| INDEPENDENT.iter().any(|h| k.starts_with(&format!("{h}/"))))
        .filter(|k| !seen.contains(k))
        .collect();
    assert!(
        new.is_empty() && gone.is_empty(),
        "disagreements not in known.txt: {new:#?}\nlines of known.txt that no longer happen: {gone:#?}"
    );
}
