//! Untrusted text made safe to show. Text from plans and feedback files
//! reaches terminals, CI logs, XML, JSON and spreadsheets; every renderer
//! passes it through here on its way out, so that no file can move the
//! cursor, change colours, open a link, start a CI command, hide text or
//! make text read differently from what it is. [`clean`] is for every
//! format, [`one_line`] for line-oriented output (table cells, standard
//! error), [`cut`] bounds a cell. It imports nothing of planlint.

use std::borrow::Cow;
use std::fmt::Write;

/// What a cut text ends in: one character, so a cut text keeps all but one
/// of the characters it is allowed.
pub const ELLIPSIS: char = '…';

/// A bidirectional control (Unicode's `Bidi_Control` property).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BidiControl {
    pub char: char,
    /// The Unicode name, as messages give it.
    pub name: &'static str,
    /// Whether it opens or closes an embedding, override or isolate, and so
    /// reorders the text after it (UAX #9's explicit formatting); the marks
    /// (LRM, RLM, ALM) only settle the direction of their neighbours, and
    /// right-to-left writing uses them.
    pub reorders: bool,
}

const BIDI_CONTROLS: [BidiControl; 12] = [
    mark('\u{061c}', "ARABIC LETTER MARK"),
    mark('\u{200e}', "LEFT-TO-RIGHT MARK"),
    mark('\u{200f}', "RIGHT-TO-LEFT MARK"),
    explicit('\u{202a}', "LEFT-TO-RIGHT EMBEDDING"),
    explicit('\u{202b}', "RIGHT-TO-LEFT EMBEDDING"),
    explicit('\u{202c}', "POP DIRECTIONAL FORMATTING"),
    explicit('\u{202d}', "LEFT-TO-RIGHT OVERRIDE"),
    explicit('\u{202e}', "RIGHT-TO-LEFT OVERRIDE"),
    explicit('\u{2066}', "LEFT-TO-RIGHT ISOLATE"),
    explicit('\u{2067}', "RIGHT-TO-LEFT ISOLATE"),
    explicit('\u{2068}', "FIRST STRONG ISOLATE"),
    explicit('\u{2069}', "POP DIRECTIONAL ISOLATE"),
];

const fn mark(char: char, name: &'static str) -> BidiControl {
    BidiControl {
        char,
        name,
        reorders: false,
    }
}

const fn explicit(char: char, name: &'static str) -> BidiControl {
    BidiControl {
        char,
        name,
        reorders: true,
    }
}

/// The bidirectional control `c` is, if it is one.
pub fn bidi_control(c: char) -> Option<&'static BidiControl> {
    if !is_bidi_control(c) {
        return None;
    }
    BIDI_CONTROLS.iter().find(|b| b.char == c)
}

fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// Characters that show nothing but change what a text is or how it reads:
/// bidirectional controls, zero-width spaces and joiners of words, the byte
/// order mark, interlinear annotation marks, Hangul fillers and tags. They
/// are shown as `<U+202E>`. The zero-width joiner and non-joiner and the
/// variation selectors are left alone: emoji and Persian need them.
fn is_hidden(c: char) -> bool {
    is_bidi_control(c)
        || matches!(
            c,
            '\u{200b}'
                | '\u{2060}'..='\u{2064}'
                | '\u{feff}'
                | '\u{180e}'
                | '\u{fff9}'..='\u{fffb}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{3164}'
                | '\u{ffa0}'
                | '\u{e0000}'..='\u{e007f}'
        )
}

/// Whether a character is kept as it is: printable, a line feed or a tab.
fn is_plain(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' '..='~' | '\n' | '\t')
    } else {
        !c.is_control() && !matches!(c, '\u{2028}' | '\u{2029}') && !is_hidden(c)
    }
}

/// Text safe for any format. Removed: C0 controls but line feed and tab,
/// DEL, C1 controls, and whole escape sequences, 7-bit (`ESC [ ... final`,
/// `ESC ] ... BEL|ESC \`, `ESC P`, `X`, `^`, `_` strings, two-character
/// sequences) and 8-bit (U+009B, U+009D, U+0090...). An escape string
/// without its end loses only its introducer, so that a stray `ESC ]`
/// cannot hide the text after it. Line breaks become `\n` (`\r\n`, a lone
/// `\r`, U+0085, U+2028, U+2029). Bidirectional controls and the other
/// invisible characters of `is_hidden` are shown as `<U+202E>`. Borrowed
/// when nothing changes.
pub fn clean(text: &str) -> Cow<'_, str> {
    // Most text is printable ASCII, line feeds and tabs: a look at the bytes
    // settles it without decoding a character.
    let plain_ascii = |b: &u8| matches!(b, b' '..=b'~' | b'\n' | b'\t');
    if text.as_bytes().iter().all(plain_ascii) {
        return Cow::Borrowed(text);
    }
    match text.char_indices().find(|&(_, c)| !is_plain(c)) {
        None => Cow::Borrowed(text),
        Some((at, _)) => {
            let mut out = String::with_capacity(text.len() + 16);
            out.push_str(&text[..at]);
            Cleaner {
                text,
                at,
                last_string_end: None,
            }
            .run(&mut out);
            Cow::Owned(out)
        }
    }
}

/// Text for one line of line-oriented output (table cells, standard error):
/// [`clean`], then line breaks shown as `\n` (a backslash and `n`) and tabs
/// as a space. `##[` becomes `#\#[`, because GitHub's runner takes `##[`
/// anywhere in a line of a log for a workflow command.
pub fn one_line(text: &str) -> Cow<'_, str> {
    let cleaned = clean(text);
    if !cleaned.contains(['\n', '\t']) && !cleaned.contains(LEGACY_COMMAND) {
        return cleaned;
    }
    let mut out = String::with_capacity(cleaned.len() + 8);
    for c in cleaned.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    Cow::Owned(out.replace(LEGACY_COMMAND, "#\\#["))
}

/// How a legacy workflow command starts (`##[error]...`).
const LEGACY_COMMAND: &str = "##[";

/// At most `max_chars` characters of `text`: when it is longer, its first
/// `max_chars - 1` characters and [`ELLIPSIS`]. Reads no further than the
/// bound, whatever the length of the text.
pub fn cut(text: &str, max_chars: usize) -> Cow<'_, str> {
    let mut ends = text.char_indices().map(|(i, _)| i);
    let Some(keep) = max_chars.checked_sub(1) else {
        return Cow::Borrowed("");
    };
    let Some(end) = ends.nth(keep) else {
        return Cow::Borrowed(text);
    };
    if ends.next().is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(end + ELLIPSIS.len_utf8());
    out.push_str(&text[..end]);
    out.push(ELLIPSIS);
    Cow::Owned(out)
}

/// Walks a text that needs cleaning, from the first character that does.
struct Cleaner<'a> {
    text: &'a str,
    /// Where the next character starts.
    at: usize,
    /// Where the last character that can end an escape string stands, once
    /// looked for: whether a string is ever ended is then known at once.
    last_string_end: Option<Option<usize>>,
}

/// BEL, ESC, CAN, SUB and ST: what ends an escape string (ESC as `ESC \`, or
/// by starting the next sequence; CAN and SUB cancel it).
const STRING_ENDS: [char; 5] = ['\u{7}', '\u{1b}', '\u{18}', '\u{1a}', '\u{9c}'];

impl Cleaner<'_> {
    fn run(&mut self, out: &mut String) {
        while let Some(c) = self.next() {
            match c {
                '\n' | '\t' => out.push(c),
                '\r' => {
                    self.skip_if(|c| c == '\n');
                    out.push('\n');
                }
                '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
                '\u{1b}' => self.escape(),
                '\u{9b}' => self.control_sequence(),
                '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => self.string(),
                c if c.is_control() => {}
                c if is_hidden(c) => {
                    // Writing to a String cannot fail.
                    let _ = write!(out, "<U+{:04X}>", u32::from(c));
                }
                c => out.push(c),
            }
        }
    }

    fn next(&mut self) -> Option<char> {
        let c = self.text[self.at..].chars().next()?;
        self.at += c.len_utf8();
        Some(c)
    }

    fn skip_if(&mut self, test: impl Fn(char) -> bool) -> bool {
        match self.text[self.at..].chars().next() {
            Some(c) if test(c) => {
                self.at += c.len_utf8();
                true
            }
            _ => false,
        }
    }

    fn skip_while(&mut self, test: impl Fn(char) -> bool) {
        while self.skip_if(&test) {}
    }

    /// After ESC: a control sequence, an escape string, or a sequence of
    /// intermediate characters and a final one (`ESC ( B`, `ESC 7`).
    fn escape(&mut self) {
        if self.skip_if(|c| c == '[') {
            self.control_sequence();
        } else if self.skip_if(|c| matches!(c, ']' | 'P' | 'X' | '^' | '_')) {
            self.string();
        } else {
            self.skip_while(|c| ('\u{20}'..='\u{2f}').contains(&c));
            self.skip_if(|c| ('\u{30}'..='\u{7e}').contains(&c));
        }
    }

    /// After CSI: parameters and intermediates, then a final character.
    fn control_sequence(&mut self) {
        self.skip_while(|c| ('\u{20}'..='\u{3f}').contains(&c));
        self.skip_if(|c| ('\u{40}'..='\u{7e}').contains(&c));
    }

    /// After OSC, DCS, SOS, PM or APC: everything up to the string's end.
    fn string(&mut self) {
        let text = self.text;
        let last_end = *self
            .last_string_end
            .get_or_insert_with(|| text.rfind(STRING_ENDS));
        if last_end.is_none_or(|end| end < self.at) {
            return;
        }
        while let Some(c) = self.next() {
            match c {
                '\u{1b}' => {
                    if !self.skip_if(|c| c == '\\') {
                        // ESC starts the next sequence.
                        self.at -= 1;
                    }
                    return;
                }
                c if STRING_ENDS.contains(&c) => return,
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escape_sequences_go_whole() {
        assert_eq!(clean("a\u{1b}[31mred\u{1b}[0m b"), "ared b");
        assert_eq!(clean("a\u{1b}[?25lb"), "ab");
        assert_eq!(
            clean("x\u{1b}]8;;http://e\u{7}link\u{1b}]8;;\u{1b}\\ y"),
            "xlink y"
        );
        assert_eq!(clean("t\u{1b}Pq#0;2;0;0;0\u{1b}\\u"), "tu");
        assert_eq!(clean("t\u{1b}_apc\u{9c}u"), "tu");
        assert_eq!(clean("a\u{1b}(Bb\u{1b}7c\u{1b}"), "abc");
    }

    #[test]
    fn eight_bit_sequences_go_whole() {
        assert_eq!(clean("a\u{9b}31mred\u{9b}0m"), "ared");
        assert_eq!(clean("x\u{9d}8;;http://e\u{9c}link\u{9d}8;;\u{7}"), "xlink");
        assert_eq!(clean("t\u{90}data\u{9c}u\u{80}\u{9c}"), "tu");
    }

    #[test]
    fn an_escape_string_without_an_end_hides_nothing() {
        assert_eq!(clean("a\u{1b}]0;title"), "a0;title");
        assert_eq!(clean("a\u{9d}b\nc"), "ab\nc");
        // ESC ends a string by starting the next sequence.
        assert_eq!(clean("a\u{1b}]x\u{1b}[1mb"), "ab");
    }

    #[test]
    fn controls_go_and_line_breaks_become_line_feeds() {
        assert_eq!(clean("bell\u{7}\u{0}\u{7f}x"), "bellx");
        assert_eq!(
            clean("a\r\nb\rc\u{85}d\u{2028}e\u{2029}f"),
            "a\nb\nc\nd\ne\nf"
        );
        assert_eq!(clean("line\nnext\ttab é"), "line\nnext\ttab é");
    }

    #[test]
    fn hidden_characters_are_shown() {
        assert_eq!(clean("abc\u{202e}def"), "abc<U+202E>def");
        assert_eq!(
            clean("\u{feff}x\u{200b}y\u{e0041}"),
            "<U+FEFF>x<U+200B>y<U+E0041>"
        );
        // Joiners and variation selectors are parts of emoji and of words.
        let kept = "👩\u{200d}💻 ❤\u{fe0f} می\u{200c}خواهم";
        assert!(matches!(clean(kept), Cow::Borrowed(_)));
    }

    #[test]
    fn text_that_needs_nothing_is_borrowed() {
        let text = "Keep commuters riding through winter: 30% «off»\n\tand more";
        assert!(matches!(clean(text), Cow::Borrowed(_)));
        assert!(matches!(one_line("no breaks"), Cow::Borrowed(_)));
        assert!(matches!(cut("short", 5), Cow::Borrowed(_)));
    }

    #[test]
    fn one_line_shows_line_breaks_and_breaks_legacy_commands() {
        assert_eq!(one_line("a\r\n::error::x\tb"), "a\\n::error::x b");
        assert_eq!(
            one_line("x ##[error]y ###[warning]"),
            "x #\\#[error]y ##\\#[warning]"
        );
    }

    #[test]
    fn cut_keeps_a_prefix_and_ends_in_an_ellipsis() {
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abcd", 4), "abcd");
        assert_eq!(cut("ééééé", 3), "éé…");
        assert_eq!(cut("abc", 0), "");
        assert_eq!(cut("", 0), "");
    }

    #[test]
    fn bidi_controls_are_named() {
        let rlo = bidi_control('\u{202e}').unwrap();
        assert_eq!((rlo.name, rlo.reorders), ("RIGHT-TO-LEFT OVERRIDE", true));
        assert!(!bidi_control('\u{200f}').unwrap().reorders);
        assert_eq!(bidi_control('a'), None);
        assert!(BIDI_CONTROLS.iter().all(|b| is_bidi_control(b.char)));
    }

    /// Text with many of the characters the sanitiser acts on.
    fn nasty_text() -> impl Strategy<Value = String> {
        let special = prop::sample::select(vec![
            '\u{1b}',
            '\u{7}',
            '\r',
            '\n',
            '\t',
            '\0',
            '[',
            ']',
            '\\',
            'P',
            '_',
            '^',
            'X',
            ';',
            '0',
            'm',
            '\u{7f}',
            '\u{85}',
            '\u{90}',
            '\u{9b}',
            '\u{9c}',
            '\u{9d}',
            '\u{9f}',
            '\u{200e}',
            '\u{202e}',
            '\u{2066}',
            '\u{2069}',
            '\u{200b}',
            '\u{200d}',
            '\u{2028}',
            '\u{feff}',
            '\u{e0041}',
            '#',
            ':',
        ]);
        prop::collection::vec(prop_oneof![any::<char>(), special], 0..48)
            .prop_map(|chars| chars.into_iter().collect())
    }

    fn is_unsafe(c: char) -> bool {
        (c.is_control() && c != '\n' && c != '\t')
            || is_hidden(c)
            || c == '\u{2028}'
            || c == '\u{2029}'
    }

    proptest! {
        #[test]
        fn clean_leaves_no_control_escape_or_hidden_character(text in nasty_text()) {
            let cleaned = clean(&text);
            prop_assert!(!cleaned.contains(is_unsafe), "{:?} -> {:?}", text, cleaned);
        }

        #[test]
        fn clean_is_idempotent(text in nasty_text()) {
            let once = clean(&text);
            prop_assert_eq!(clean(&once), once.clone());
        }

        #[test]
        fn one_line_holds_no_line_break(text in nasty_text()) {
            let line = one_line(&text);
            prop_assert!(!line.contains(|c| is_unsafe(c) || c == '\n' || c == '\t'), "{:?}", line);
            prop_assert!(!line.contains(LEGACY_COMMAND));
        }

        #[test]
        fn cut_is_a_bounded_prefix(text in nasty_text(), max in 0usize..60) {
            let short = cut(&text, max);
            prop_assert!(short.chars().count() <= max);
            let kept = short.strip_suffix(ELLIPSIS).filter(|_| short != text).unwrap_or(&short);
            prop_assert!(text.starts_with(kept));
        }
    }
}
