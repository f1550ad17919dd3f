//! `--format github`: GitHub Actions workflow commands, one line per finding,
//! which the runner turns into annotations on the plan's lines.

use std::io::{self, Write};

use super::Render;
use crate::check::Report;
use crate::diagnostic::Severity;
use crate::text::sanitize::clean;

pub struct Github;

impl Render for Github {
    fn report(&self, report: &Report, out: &mut dyn Write) -> io::Result<()> {
        for (file, f) in report.findings() {
            let command = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            writeln!(
                out,
                "::{command} file={},line={},col={},title={}::{}",
                property(&file.source.display_path()),
                f.location.line,
                f.location.column,
                property(&format!("{} {}", f.rule.code, f.rule.name)),
                data(&f.message),
            )?;
        }
        Ok(())
    }
}

/// A command's message: the runner decodes `%25`, `%0D` and `%0A`, so a
/// message cannot end the line and start a command of its own, and its line
/// breaks become the annotation's.
fn data(text: &str) -> String {
    clean(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value: as a message, and `:` and `,` too, which end a value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::tests::nasty_report;

    #[test]
    fn untrusted_text_stays_on_its_line() {
        let mut out = Vec::new();
        Github.report(&nasty_report(), &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2, "{out}");
        assert!(!out.contains(|c: char| c.is_control() && c != '\n'));
        assert_eq!(
            lines[1],
            "::error file=we%2Cird%3Adir/a b%25%0A%3A%3Aerror file=x%2Cline=1%3A%3A<U+202E>.plan.toml,\
             line=1,col=8,title=PLAN002 unknown-field\
             ::key `a|b` <script>alert(1)</script> & \"quoted\" 'single' \
             100%25 ::error::pwned, a:b ]]> *bold* [link](http://x) @team #1\
             %0A::error file=x,line=1::second line\u{fffe} c1 link <U+202E>desrever<U+202C> \
             ##[error]legacy end"
        );
    }
}
