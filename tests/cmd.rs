//! End-to-end cases of the binary as files, in the style of typos'
//! `tests/cmd/`: each `tests/cmd/NAME.toml` gives the arguments, standard input
//! and exit code, with what is printed inline or in `NAME.stdout` and
//! `NAME.stderr`; a case that needs files reads them from `NAME.in/`, copied
//! to a temporary folder (`fs.sandbox = true`) so no configuration or
//! `.gitignore` of this repository reaches it. A case without `NAME.in/` runs
//! at the repository's root, where `examples/` is. `TRYCMD=overwrite cargo test
//! --test cmd` rewrites the expected outputs; read every one before committing.

use std::fs;

#[test]
fn cases() {
    trycmd::TestCases::new()
        .default_bin_name("planlint")
        // What would make the output depend on the day, the shell or the
        // terminal.
        .env("PLANLINT_TODAY", "2027-01-01")
        .env("PLANLINT_ALLOW_OUTSIDE_ROOT", "0")
        // Empty, a width planlint does not read: cases that want one say so.
        .env("COLUMNS", "")
        .case("tests/cmd/*.toml");
}

/// A snapshot that holds an escape sequence or a bell would bless colour, or
/// untrusted text reaching a terminal.
#[test]
fn no_expected_output_holds_a_control_character() {
    for entry in fs::read_dir("tests/cmd").unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            continue;
        }
        let text = fs::read(&path).unwrap();
        assert!(
            !text.iter().any(|&b| b == 0x1b || b == 0x07),
            "{} holds a control character",
            path.display()
        );
    }
}
