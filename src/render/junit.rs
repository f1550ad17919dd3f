//! `--format junit`: JUnit XML for CI systems that show test reports. Each
//! plan is a test suite; each finding a failing test case, and a plan without
//! findings one passing test case.

use std::io::{self, Write};

use super::Render;
use crate::check::{CheckedFile, Report};
use crate::text::sanitize::{clean, one_line};

pub struct Junit;

/// The name of the one test case of a plan without findings.
const CLEAN: &str = "no findings";

impl Render for Junit {
    fn report(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        let cases = |f: &CheckedFile| f.findings.len().max(1);
        let tests: usize = report.files.iter().map(cases).sum();
        let failures = report.findings().count();
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<testsuites name="planlint" tests="{tests}" failures="{failures}" errors="0">"#
        )?;
        for file in &report.files {
            let path = attr(&file.source.display_path());
            writeln!(
                out,
                r#"  <testsuite name="{path}" tests="{}" failures="{}" errors="0">"#,
                cases(file),
                file.findings.len()
            )?;
            if file.findings.is_empty() {
                writeln!(out, r#"    <testcase classname="{path}" name="{CLEAN}"/>"#)?;
            }
            for f in &file.findings {
                let location = format!(
                    "{} at {}:{}:{}",
                    f.severity,
                    one_line(&file.source.display_path()),
                    f.location.line,
                    f.location.column
                );
                writeln!(
                    out,
                    r#"    <testcase classname="{path}" name="{} {}">"#,
                    f.rule.code,
                    attr(&f.subject.to_string())
                )?;
                writeln!(
                    out,
                    r#"      <failure message="{}" type="{}">{}</failure>"#,
                    attr(&f.message),
                    f.rule.code,
                    text(&format!("{location}\nhelp: {}", f.help))
                )?;
                writeln!(out, "    </testcase>")?;
            }
            writeln!(out, "  </testsuite>")?;
        }
        writeln!(out, "</testsuites>")
    }
}

/// Text for an element: markup escaped, characters XML 1.0 forbids dropped.
fn text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in clean(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if allowed_in_xml(c) || c == '\n' || c == '\t' => out.push(c),
            _ => {}
        }
    }
    out
}

/// Text for an attribute in double quotes: as for an element, plus quotes,
/// and line breaks and tabs as references, which a parser would otherwise
/// fold into spaces.
fn attr(value: &str) -> String {
    text(value)
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
        .replace('\n', "&#10;")
        .replace('\t', "&#9;")
}

/// XML 1.0's `Char` production, less the line breaks and tab (kept as they
/// are or escaped by the callers) and the controls `clean` removes.
fn allowed_in_xml(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::tests::nasty_report;

    #[test]
    fn forbidden_characters_are_dropped_and_markup_escaped() {
        let nasty = "a<b>&\"c'\u{0}\u{b}\u{fffe}\u{ffff}\u{1f600}\n\t";
        assert_eq!(text(nasty), "a&lt;b&gt;&amp;\"c'\u{1f600}\n\t");
        assert_eq!(
            attr(nasty),
            "a&lt;b&gt;&amp;&quot;c&apos;\u{1f600}&#10;&#9;"
        );
    }

    #[test]
    fn nasty_text_keeps_the_document_well_formed() {
        let mut out = Vec::new();
        Junit.report(&nasty_report(), &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(!out.contains("<script>") && !out.contains("]]>"), "{out}");
        assert!(out.contains(
            r#"<testsuite name="we,ird:dir/a b%&#10;::error file=x,line=1::&lt;U+202E&gt;.plan.toml" tests="2" failures="2""#
        ));
        assert!(out.contains(r#"<testcase classname="clean.plan.toml" name="no findings"/>"#));
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;"));
        assert!(!out.contains('\u{fffe}'));
    }
}
