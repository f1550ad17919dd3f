//! The bodies of the fuzz targets, one function each. The targets in
//! `fuzz_targets/` call them under libFuzzer (nightly), and
//! `tests/fuzz_regressions.rs` calls them on stable with every input kept in
//! `fuzz/regressions/TARGET/`, so a crash that fuzzing once found stays fixed.
//!
//! Each function must not panic on any input, and checks what must hold of
//! its output: the renderers write valid JSON, SARIF and XML, and no raw
//! control character, escape sequence or bidi control comes from the input.

#![allow(dead_code)]

use std::io::Write as _;
use std::path::{Path, PathBuf};

use planlint::baseline::Baseline;
use planlint::config::{ConfigFile, Overrides, Resolver};
use planlint::feedback::reader::{FeedbackReader, ReadOptions};
use planlint::feedback::themes::{self, CommentThemes};
use planlint::render::{self, Format};
use planlint::source::SourceFile;
use planlint::{Report, check_plan_source, check_source};

/// Runs the target called `name` on `data`; for the regression test.
pub fn run(name: &str, data: &[u8]) {
    match name {
        "plan" => plan(data),
        "config" => config(data),
        "baseline" => baseline(data),
        "feedback" => feedback(data),
        "render" => render(data),
        "summary" => summary(data),
        other => panic!("no fuzz target is called {other}"),
    }
}

/// The plan loader and every rule, on any text.
pub fn plan(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let checked = check_source(SourceFile::new("fuzz.plan.toml", text.as_ref()));
    for finding in &checked.findings {
        assert!(finding.location.line >= 1 && finding.location.column >= 1);
        assert!(
            !finding.message.is_empty(),
            "{}: empty message",
            finding.rule.code
        );
    }
}

/// A `planlint.toml` read from a file, as `--config` reads it, then applied.
pub fn config(data: &[u8]) {
    let Ok(mut file) = tempfile::NamedTempFile::new() else {
        return;
    };
    if file.write_all(data).is_err() {
        return;
    }
    let path = file.path().to_owned();
    if let Ok(resolver) = Resolver::new(ConfigFile::Path(path), &Overrides::default()) {
        let dir = std::env::temp_dir();
        let _ = resolver.configs().for_dir(&dir);
    }
}

/// A baseline file; one that reads must write back to a file that reads
/// the same.
pub fn baseline(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("plans/baseline.json");
    if let Ok(read) = Baseline::parse(text, path) {
        let written = read.to_json();
        let again = Baseline::parse(&written, path).expect("a written baseline reads");
        assert_eq!(again.to_json(), written);
    }
}

/// The feedback reader, the sentiment scorer and the theme extractor on any
/// bytes; reading always ends.
pub fn feedback(data: &[u8]) {
    let options = ReadOptions {
        keep_fields: true,
        ..ReadOptions::default()
    };
    let Ok(reader) = FeedbackReader::new(data, "fuzz.csv", &options) else {
        return;
    };
    let model = planlint::feedback::sentiment_model();
    let mut found = CommentThemes::default();
    for record in reader {
        match record {
            Ok(planlint::feedback::Record::Row(row)) => {
                let sentiment = model.score(&row.text);
                assert!((-1.0..=1.0).contains(&sentiment.score), "{sentiment:?}");
                themes::extract(&row.text, &mut found);
                let _ = found.labels();
            }
            Ok(planlint::feedback::Record::Rejected(rejected)) => {
                assert!(rejected.line >= 1);
            }
            Err(_) => break,
        }
    }
}

/// A summary file's reader on any bytes, after a valid header unless the
/// bytes bring their own: a summary that reads writes back to the same
/// bytes, merges with itself, and is summarised, rendered and checked
/// against a plan like an analysis of a CSV.
pub fn summary(data: &[u8]) {
    use planlint::feedback::state;
    let bytes = if data.starts_with(state::MAGIC) {
        data.to_vec()
    } else {
        let mut header = state::encode(&empty_partial()).expect("an empty summary writes");
        header.truncate(state::MAGIC.len() + 4 + 8);
        header.extend_from_slice(data);
        header
    };
    let Ok(read) = state::decode(&bytes, "fuzz.summary") else {
        return;
    };
    let written = state::encode(&read).expect("a summary that reads writes");
    let again = state::decode(&written, "again").expect("a written summary reads");
    assert_eq!(state::encode(&again).ok(), Some(written));
    let mut doubled = again.clone();
    assert_eq!(doubled.unlike(&again), None);
    doubled.merge(again);
    let options = planlint::feedback::AnalyzeOptions::default();
    for partial in [read, doubled] {
        let Ok(analysis) = partial.finish(&options) else {
            continue;
        };
        let plan = "name = \"Fuzz\"\n[why]\nstatement = \"We help riders\"\n";
        let source = SourceFile::new("fuzz.plan.toml", plan);
        let parsed = planlint::check::load_plan(&source).ok();
        let analysis = std::sync::Arc::new(analysis);
        let checked = check_plan_source(
            source,
            Default::default(),
            planlint::waiver::today(),
            true,
            |_| Ok(Some(std::sync::Arc::clone(&analysis))),
        );
        for finding in &checked.findings {
            assert!(!finding.message.is_empty());
        }
        for format in [Format::Table, Format::Json, Format::Markdown] {
            let summary = planlint::feedback::summary::Summary::new(&analysis, parsed.as_ref());
            let mut out = Vec::new();
            render::renderer(format, render::Options::default())
                .feedback(summary, &mut out)
                .expect("writing to memory cannot fail");
            let out = String::from_utf8(out).expect("every format writes UTF-8");
            no_raw_controls(format, &out);
        }
    }
}

/// An analysis of no rows, for the summary header the target puts first.
fn empty_partial() -> planlint::feedback::Partial {
    let columns = planlint::feedback::Columns {
        headers: vec!["comment".into()],
        text: 0,
        score: None,
        persona: None,
        touchpoint: None,
        channel: None,
        date: None,
        delimiter: b',',
    };
    let options = planlint::feedback::AnalyzeOptions::default();
    planlint::feedback::scan_read("fuzz.csv", columns, Vec::new(), &options).expect("no window")
}

/// A plan whose text and file name come from the input, checked and written
/// in every format. The bytes before the first 0xFF byte (if any) name the
/// file.
pub fn render(data: &[u8]) {
    let (name, text) = match data.iter().position(|&b| b == 0xFF) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (&b"fuzz.plan.toml"[..], data),
    };
    let name = String::from_utf8_lossy(name);
    if name.is_empty() {
        return;
    }
    let text = String::from_utf8_lossy(text);
    let source = SourceFile::new(PathBuf::from(name.as_ref()), text.as_ref());
    // The plan is kept, for the board report's sections about it.
    let today = planlint::waiver::today();
    let checked = check_plan_source(source, Default::default(), today, true, |_| Ok(None));
    let report = Report {
        files: vec![checked],
        ..Report::default()
    };
    board(&report);
    let options = render::Options {
        color: false,
        statistics: true,
        width: None,
    };
    for &format in render::Format::all() {
        let mut out = Vec::new();
        render::renderer(format, options)
            .report(&report, &mut out)
            .expect("writing to memory cannot fail");
        let out = String::from_utf8(out).expect("every format writes UTF-8");
        no_raw_controls(format, &out);
        match format {
            Format::Json | Format::Sarif => {
                serde_json::from_str::<serde_json::Value>(&out)
                    .unwrap_or_else(|e| panic!("{format:?} is not JSON: {e}\n{out}"));
            }
            Format::Junit => valid_xml(&out),
            Format::Github => {
                for line in out.lines() {
                    assert!(
                        ["::error ", "::warning ", "::notice "]
                            .iter()
                            .any(|start| line.starts_with(start)),
                        "a github line that is not a workflow command: {line:?}"
                    );
                }
            }
            Format::Table => {
                for line in out.lines() {
                    assert!(
                        !line.starts_with("::"),
                        "a table line starts a workflow command: {line:?}"
                    );
                }
            }
            _ => {}
        }
    }
}

/// The board report of a hostile plan: no control character, and no markup
/// but the page's own ([`assert_self_contained`]), one title.
fn board(report: &Report) {
    let board = render::board::Board {
        report,
        generated: "2027-01-01".to_owned(),
        previous: None,
    };
    let mut out = Vec::new();
    render::board::write(&board, &mut out).expect("writing to memory cannot fail");
    let out = String::from_utf8(out).expect("the page is UTF-8");
    no_raw_controls(Format::Markdown, &out);
    assert_self_contained(&out);
    assert_eq!(out.matches("<title>").count(), 1, "one page title");
}

/// Nothing a browser would fetch or run: no script, no stylesheet, image or
/// frame from elsewhere, no link, no event handler, in any tag or in the
/// style sheet. (Text may say "src=": escaped, it is only text.)
pub fn assert_self_contained(page: &str) {
    let lower = page.to_lowercase();
    for tag in lower
        .split('<')
        .skip(1)
        .map(|t| &t[..t.find('>').unwrap_or(t.len())])
    {
        let name = tag.split([' ', '/', '\n']).next().unwrap_or("");
        assert!(
            !matches!(
                name,
                "script" | "link" | "img" | "iframe" | "object" | "embed" | "foreignobject" | "a"
            ),
            "a <{name}> tag"
        );
        for attribute in [" src=", "javascript:"] {
            assert!(!tag.contains(attribute), "{attribute:?} in <{tag}>");
        }
        // Only references within the page: `url(#hatch)`, `href="#id"`.
        for reference in ["url(", "href=\""] {
            for (at, _) in tag.match_indices(reference) {
                let target = &tag[at + reference.len()..];
                assert!(
                    target.starts_with('#'),
                    "{reference:?} out of the page in <{tag}>"
                );
            }
        }
        assert!(
            !tag.split_whitespace()
                .any(|a| a.starts_with("on") && a.contains('=')),
            "an event handler in <{tag}>"
        );
    }
    let style = &lower[lower.find("<style>").unwrap()..lower.find("</style>").unwrap()];
    assert!(!style.contains("@import") && !style.contains("url("));
}

/// No control character but line breaks and tabs, no C1 control, no bidi
/// control: nothing that can drive a terminal or reorder what a reader sees.
fn no_raw_controls(format: Format, out: &str) {
    for c in out.chars() {
        let bad = (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        assert!(!bad, "{format:?} output holds U+{:04X}:\n{out}", c as u32);
    }
}

fn valid_xml(out: &str) {
    let mut reader = quick_xml::Reader::from_str(out);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("junit is not XML: {e}\n{out}"),
        }
    }
}
