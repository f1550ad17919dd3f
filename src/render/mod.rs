//! Output formats, one file each, behind one trait.

mod catalog;
mod feedback;
mod json;
mod table;

use std::io::{self, Write};

pub use catalog::{rules_json, rules_table};
pub use feedback::{feedback_json, feedback_table};
pub use json::Json;
pub use table::Table;

use crate::check::Report;

pub trait Render {
    fn render(&self, report: &Report, out: &mut dyn Write) -> io::Result<()>;
}

/// Removes control characters and terminal escape sequences from text that
/// comes from a user's file, so printing it cannot move the cursor, change
/// colours or hide other output.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => {
                // CSI (`ESC [ ... final`) and OSC (`ESC ] ... BEL|ST`) sequences.
                match chars.peek() {
                    Some('[') => {
                        chars.next();
                        for c in chars.by_ref() {
                            if ('\u{40}'..='\u{7e}').contains(&c) {
                                break;
                            }
                        }
                    }
                    Some(']') => {
                        chars.next();
                        while let Some(c) = chars.next() {
                            if c == '\u{7}' || (c == '\u{1b}' && chars.next_if_eq(&'\\').is_some())
                            {
                                break;
                            }
                        }
                    }
                    _ => {
                        chars.next();
                    }
                }
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn escape_sequences_and_controls_are_removed() {
        assert_eq!(sanitize("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(
            sanitize("x\u{1b}]8;;http://e\u{7}link\u{1b}]8;;\u{7}"),
            "xlink"
        );
        assert_eq!(sanitize("bell\u{7}\rcr\u{0}"), "bellcr");
        assert_eq!(sanitize("line\nnext\ttab é"), "line\nnext\ttab é");
    }
}
