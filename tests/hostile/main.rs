//! planlint against input written to attack it, as a stranger's pull request
//! could: one case per defect the hostile-input review found (README,
//! "Security"). The cases here run the binary in a repository of their own
//! and assert the exit code, the message, that no input file changed, and
//! that the run ends within a time and an address-space limit (so a hang or
//! a runaway allocation fails the test instead of the machine); `escapes`
//! holds the cases of text that tries to reach a terminal, a CI log or a
//! spreadsheet.

#![cfg(unix)]

#[path = "../common/mod.rs"]
mod common;
mod escapes;

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// Address space a run may take: far above what planlint needs (about 10 MB
/// of data; threads reserve stacks and allocator arenas), far below what the
/// defects used (5 to 10 GB).
const ADDRESS_SPACE: u64 = 1024 * 1024 * 1024;
/// A run that takes longer has hung: every case ends in well under a second.
const HANG: Duration = Duration::from_secs(30);

const PLAN: &str = include_str!("../../examples/harbor-bikes/harbor-bikes.plan.toml");
const FEEDBACK: &str = include_str!("../../examples/harbor-bikes/feedback.csv");

/// A repository (a folder with `.git`) holding a careful plan and its
/// feedback, with the feedback key rewritten to `feedback`.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let dir = tempfile::tempdir().expect("a temporary folder");
        fs::create_dir(dir.path().join(".git")).expect("mkdir .git");
        fs::write(dir.path().join("feedback.csv"), FEEDBACK).expect("write");
        let repo = Repo { dir };
        repo.plan("a.plan.toml", "feedback.csv");
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes the careful plan as `name`, naming `feedback`.
    fn plan(&self, name: &str, feedback: &str) {
        const KEY: &str = "feedback = \"feedback.csv\"";
        assert!(PLAN.contains(KEY), "the example plan names feedback.csv");
        let text = PLAN.replace(KEY, &format!("feedback = {}", toml_string(feedback)));
        self.write(name, &text);
    }

    fn write(&self, name: &str, text: &str) {
        common::write(self.path(), name, text);
    }

    /// Every file under the repository and its bytes, to show that a run
    /// changed nothing it was not asked to write.
    fn files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut files = BTreeMap::new();
        let mut stack = vec![self.path().to_owned()];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(&dir).expect("a readable folder") {
                let entry = entry.expect("a readable entry");
                let kind = entry.file_type().expect("a file type");
                if kind.is_dir() {
                    stack.push(entry.path());
                } else if kind.is_file() {
                    let bytes = fs::read(entry.path()).expect("a readable file");
                    files.insert(entry.path(), bytes);
                }
            }
        }
        files
    }

    /// Runs planlint in the repository under the limits; asserts that it
    /// exits with `code` and that no file but `writes` changed.
    fn run(&self, args: &[&str], code: i32, writes: &[&str]) -> Output {
        self.run_with(args, &[], code, writes)
    }

    fn run_with(&self, args: &[&str], env: &[(&str, &str)], code: i32, writes: &[&str]) -> Output {
        let before = self.files();
        let output = limited(self.path(), args, env);
        assert_eq!(
            output.code, code,
            "planlint {args:?} exited with {}, not {code}\nstdout:\n{}\nstderr:\n{}",
            output.code, output.stdout, output.stderr
        );
        let mut after = self.files();
        let mut before = before;
        for name in writes {
            after.remove(&self.path().join(name));
            before.remove(&self.path().join(name));
        }
        assert!(
            before == after,
            "planlint {args:?} changed files it was not asked to write"
        );
        output
    }
}

fn toml_string(text: &str) -> String {
    format!("{text:?}")
}

struct Output {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary in `dir` with a bounded address space and a deadline.
fn limited(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = common::planlint();
    cmd.current_dir(dir)
        .args(args)
        .env_remove("PLANLINT_ALLOW_OUTSIDE_ROOT");
    for (key, value) in env {
        cmd.env(key, value);
    }
    limit_address_space(&mut cmd);
    let output = assert_cmd::Command::from_std(cmd)
        .timeout(HANG)
        .output()
        .expect("planlint starts");
    Output {
        code: output.status.code().unwrap_or_else(|| {
            panic!(
                "planlint {args:?} did not exit by itself (killed after {HANG:?}, or by a signal): {:?}\nstderr:\n{}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            )
        }),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn limit_address_space(cmd: &mut Command) {
    let limit = libc::rlimit {
        rlim_cur: ADDRESS_SPACE,
        rlim_max: ADDRESS_SPACE,
    };
    // SAFETY: setrlimit is async-signal-safe and touches no memory of the
    // parent; it runs in the child between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            if libc::setrlimit(libc::RLIMIT_AS, &limit) == 0 {
                Ok(())
            } else {
                Err(std::io::Error::last_os_error())
            }
        });
    }
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

fn symlink(target: &str, link: &Path) {
    std::os::unix::fs::symlink(target, link).expect("symlink");
}

// 1. Confinement: a plan cannot make planlint read outside its repository.

#[test]
fn a_plan_cannot_read_the_environment_into_annotations() {
    let repo = Repo::new();
    repo.plan("a.plan.toml", "/proc/self/environ");
    let out = repo.run_with(
        &["check", "a.plan.toml", "--format", "github"],
        &[("PLANLINT_HOSTILE_SECRET", "hunter2-token")],
        1,
        &[],
    );
    assert!(
        out.stdout
            .contains("title=PLAN008 refused-path::feedback \"/proc/self/environ\" is not read"),
        "{}",
        out.stdout
    );
    for text in [&out.stdout, &out.stderr] {
        assert!(
            !text.contains("hunter2-token"),
            "the environment leaked:\n{text}"
        );
    }
}

#[test]
fn a_plan_cannot_read_a_file_outside_its_repository() {
    let repo = Repo::new();
    let outside = tempfile::tempdir().expect("a temporary folder");
    let secret = outside.path().join("secret.csv");
    fs::write(&secret, "comment\nthe-secret-line\n").expect("write");
    for named in [
        secret.to_string_lossy().into_owned(),
        "/etc/passwd".to_owned(),
        format!(
            "../{}/secret.csv",
            outside.path().file_name().unwrap().to_string_lossy()
        ),
    ] {
        repo.plan("a.plan.toml", &named);
        let out = repo.run(&["check", "a.plan.toml"], 1, &[]);
        assert!(out.stdout.contains("PLAN008"), "{named}: {}", out.stdout);
        assert!(
            out.stdout
                .contains("it leads outside the plan's repository"),
            "{named}: {}",
            out.stdout
        );
        for text in [&out.stdout, &out.stderr] {
            assert!(
                !text.contains("the-secret-line") && !text.contains("root:x:0"),
                "{text}"
            );
        }
    }
    // A link inside the repository that leads out is refused the same way.
    symlink(&secret.to_string_lossy(), &repo.path().join("linked.csv"));
    repo.plan("a.plan.toml", "linked.csv");
    let out = repo.run(&["check", "a.plan.toml", "--format", "json"], 1, &[]);
    assert!(
        out.stdout.contains("\"code\": \"PLAN008\""),
        "{}",
        out.stdout
    );
}

#[test]
fn only_the_person_running_planlint_can_allow_paths_outside_the_root() {
    let repo = Repo::new();
    let outside = tempfile::tempdir().expect("a temporary folder");
    let survey = outside.path().join("survey.csv");
    fs::write(&survey, FEEDBACK).expect("write");
    repo.plan("a.plan.toml", &survey.to_string_lossy());
    // A configuration file in the repository has no say.
    repo.write("planlint.toml", "allow-outside-root = true\n");
    let out = repo.run(&["check", "a.plan.toml"], 2, &[]);
    assert!(out.stderr.contains("planlint.toml"), "{}", out.stderr);
    fs::remove_file(repo.path().join("planlint.toml")).expect("remove");
    repo.run(&["check", "a.plan.toml"], 1, &[]);
    repo.run(&["check", "a.plan.toml", "--allow-outside-root"], 0, &[]);
    repo.run_with(
        &["check", "a.plan.toml"],
        &[("PLANLINT_ALLOW_OUTSIDE_ROOT", "1")],
        0,
        &[],
    );
    // A file given on the command line may be anywhere.
    repo.run(
        &[
            "check",
            "a.plan.toml",
            "--feedback",
            &survey.to_string_lossy(),
        ],
        0,
        &[],
    );
}

#[test]
fn what_is_not_a_regular_file_is_refused_even_when_allowed() {
    let repo = Repo::new();
    mkfifo(&repo.path().join("pipe.csv"));
    for named in ["pipe.csv", "/dev/zero"] {
        repo.plan("a.plan.toml", named);
        let out = repo.run(&["check", "a.plan.toml", "--allow-outside-root"], 1, &[]);
        assert!(out.stdout.contains("PLAN008"), "{named}: {}", out.stdout);
        assert!(
            out.stdout.contains("not a regular file"),
            "{named}: {}",
            out.stdout
        );
    }
}

// 3. Bounded inputs named on the command line: refused before reading.

#[test]
fn devices_and_fifos_on_the_command_line_end_at_once() {
    let repo = Repo::new();
    mkfifo(&repo.path().join("pipe"));
    for input in ["/dev/zero", "pipe"] {
        for args in [
            vec!["check", input],
            vec!["check", "a.plan.toml", "--feedback", input],
            vec!["check", "a.plan.toml", "--baseline", input],
            vec!["check", "a.plan.toml", "--config", input],
            vec!["feedback", input],
        ] {
            let out = repo.run(&args, 2, &[]);
            assert!(
                out.stderr.contains("not a regular file"),
                "{args:?}: {}",
                out.stderr
            );
        }
    }
}

// 4. Never destroy input.

#[test]
fn outputs_never_replace_an_input() {
    let repo = Repo::new();
    for (args, what) in [
        (
            vec![
                "feedback",
                "feedback.csv",
                "--format",
                "csv",
                "-o",
                "feedback.csv",
            ],
            "-o feedback.csv is the feedback file read",
        ),
        (
            vec!["check", "a.plan.toml", "--write-baseline", "a.plan.toml"],
            "--write-baseline a.plan.toml is a plan checked",
        ),
        (
            vec!["check", "a.plan.toml", "-o", "./a.plan.toml"],
            "-o ./a.plan.toml is a plan checked",
        ),
        (
            vec!["check", "a.plan.toml", "-o", "feedback.csv"],
            "-o feedback.csv is a feedback file read",
        ),
        (
            vec![
                "check",
                "a.plan.toml",
                "-o",
                "report.txt",
                "--write-baseline",
                "./report.txt",
            ],
            "-o and --write-baseline name the same file",
        ),
    ] {
        let out = repo.run(&args, 2, &[]);
        assert!(out.stderr.contains(what), "{args:?}: {}", out.stderr);
        assert!(!repo.path().join("report.txt").exists());
    }
    // A link to an input is the input.
    symlink("a.plan.toml", &repo.path().join("report.txt"));
    let out = repo.run(&["check", "a.plan.toml", "-o", "report.txt"], 2, &[]);
    assert!(out.stderr.contains("is a plan checked"), "{}", out.stderr);
}

#[test]
fn a_run_that_fails_leaves_the_old_output_as_it_was() {
    let repo = Repo::new();
    repo.write("scored.csv", "the old scored file\n");
    repo.write("broken.csv", "id,score\n1,9\n");
    let out = repo.run(
        &[
            "feedback",
            "broken.csv",
            "--format",
            "csv",
            "-o",
            "scored.csv",
        ],
        2,
        &[],
    );
    assert!(out.stderr.contains("no text column"), "{}", out.stderr);
    assert_eq!(
        fs::read_to_string(repo.path().join("scored.csv")).expect("read"),
        "the old scored file\n"
    );
    let leftovers: Vec<_> = fs::read_dir(repo.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".planlint-"))
        .collect();
    assert!(leftovers.is_empty(), "a temporary file was left behind");
    repo.run(
        &[
            "feedback",
            "feedback.csv",
            "--format",
            "csv",
            "-o",
            "scored.csv",
        ],
        0,
        &["scored.csv"],
    );
    let scored = fs::read_to_string(repo.path().join("scored.csv")).expect("read");
    assert!(scored.starts_with("date,"), "{scored}");
}

// 5. No silent skips.

#[test]
fn links_in_folders_are_followed_or_reported_never_skipped() {
    let repo = Repo::new();
    fs::remove_file(repo.path().join("a.plan.toml")).expect("remove");
    repo.write("plans/real/broken.toml", "name = \"x\"\n[why\n");
    symlink(
        "real/broken.toml",
        &repo.path().join("plans/linked.plan.toml"),
    );
    let out = repo.run(&["check", "plans"], 1, &[]);
    assert!(
        out.stdout.contains("plans/linked.plan.toml:2:"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("1 plan checked: 1 error"),
        "{}",
        out.stdout
    );

    symlink(
        "nowhere.plan.toml",
        &repo.path().join("plans/dangling.plan.toml"),
    );
    symlink(
        "loop-b.plan.toml",
        &repo.path().join("plans/loop-a.plan.toml"),
    );
    symlink(
        "loop-a.plan.toml",
        &repo.path().join("plans/loop-b.plan.toml"),
    );
    let outside = tempfile::tempdir().expect("a temporary folder");
    fs::write(
        outside.path().join("x.plan.toml"),
        "name = \"secret plan\"\n",
    )
    .expect("write");
    symlink(
        &outside.path().join("x.plan.toml").to_string_lossy(),
        &repo.path().join("plans/outside.plan.toml"),
    );
    symlink(
        &outside.path().to_string_lossy(),
        &repo.path().join("plans/elsewhere"),
    );
    mkfifo(&repo.path().join("plans/pipe.plan.toml"));
    let out = repo.run(&["check", "plans"], 2, &[]);
    let expected = [
        "planlint: error: plans/dangling.plan.toml: it is a link to nothing (its target does not exist); it is not checked",
        "planlint: error: plans/loop-a.plan.toml: it is a link in a loop of links; it is not checked",
        "planlint: error: plans/loop-b.plan.toml: it is a link in a loop of links; it is not checked",
        "planlint: error: plans/outside.plan.toml: it is a link that leads outside the repository (--allow-outside-root follows it); it is not checked",
        "planlint: error: plans/pipe.plan.toml: is a named pipe (FIFO), not a regular file; planlint reads only regular files",
        "planlint: plans/elsewhere: a link to a folder outside the repository; not searched (--allow-outside-root follows it)",
    ];
    for line in expected {
        assert!(
            out.stderr.contains(line),
            "missing {line:?} in\n{}",
            out.stderr
        );
    }
    assert!(!out.stdout.contains("secret plan") && !out.stderr.contains("secret plan"));
    assert!(
        out.stdout.contains("1 plan checked: 1 error"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_missing_feedback_file_is_reported_once() {
    let repo = Repo::new();
    repo.plan("a.plan.toml", "gone.csv");
    repo.plan("b.plan.toml", "gone.csv");
    let out = repo.run(&["check", "."], 2, &[]);
    assert_eq!(out.stderr.matches("gone.csv").count(), 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("gone.csv: no such file (the feedback of a.plan.toml, b.plan.toml)"),
        "{}",
        out.stderr
    );
}

// 3. Every input bounded: plans built to cost the parser the most.

#[test]
fn a_plan_built_to_exhaust_the_parser_stays_within_bounds() {
    let repo = Repo::new();
    // An error on every line, to the largest plan read: the worst shape
    // found for the TOML parser's memory.
    let worst = "=\n".repeat(1024 * 1024 / 2 - 1);
    repo.write("worst.plan.toml", &worst);
    let out = repo.run(&["check", "worst.plan.toml", "--format", "json"], 1, &[]);
    let report: serde_json::Value = serde_json::from_str(&out.stdout).expect("a JSON report");
    let findings = report["findings"].as_array().expect("findings");
    assert_eq!(
        findings.len(),
        101,
        "100 errors and one that counts the rest"
    );
    // One byte more than a plan may have is not parsed at all.
    repo.write("big.plan.toml", &"#".repeat(1024 * 1024 + 1));
    let out = repo.run(&["check", "big.plan.toml"], 1, &[]);
    assert!(
        out.stdout.contains("the file is larger than 1 MB"),
        "{}",
        out.stdout
    );
    let out = repo.run(
        &["feedback", "feedback.csv", "--plan", "big.plan.toml"],
        2,
        &[],
    );
    assert!(out.stderr.contains("is larger than 1 MB"), "{}", out.stderr);
}

// 3. Every input bounded: feedback files built to exhaust memory. The runs
// are under the address-space limit, so growing with the input fails them.

#[test]
fn a_huge_field_is_rejected_and_reading_goes_on() {
    let repo = Repo::new();
    let mut csv = String::from("comment,score\nfine before,9\n\"");
    csv.push_str(&"x".repeat(50 * 1024 * 1024));
    csv.push_str("\",3\nfine after,10\n");
    repo.write("huge-field.csv", &csv);
    drop(csv);
    let out = repo.run(&["feedback", "huge-field.csv", "--format", "json"], 0, &[]);
    let summary: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(summary["rows"], 2, "{}", out.stdout);
    assert_eq!(summary["rejected_total"], 1, "{}", out.stdout);
    let rejected = &summary["rejected"][0];
    assert_eq!(rejected["line"], 3);
    assert!(
        rejected["reason"]
            .as_str()
            .is_some_and(|r| r.contains("longer than 1 MB") && r.contains("--max-record-bytes")),
        "{rejected}"
    );
    assert!(out.stdout.len() < 10_000, "the field is not echoed");
}

#[test]
fn a_huge_header_or_an_endless_stream_ends_at_once() {
    let repo = Repo::new();
    repo.write("huge-header.csv", &"comment,".repeat(100 * 1024 * 1024 / 8));
    let out = repo.run(&["feedback", "huge-header.csv"], 2, &[]);
    assert!(
        out.stderr.contains("the header line is longer than 64 KB"),
        "{}",
        &out.stderr[..out.stderr.len().min(500)]
    );
    assert!(
        out.stderr.len() < 1000,
        "the header is not echoed: {} bytes",
        out.stderr.len()
    );

    // assert_cmd would give the command an empty standard input.
    let mut cmd = common::planlint();
    cmd.current_dir(repo.path())
        .args(["feedback", "-"])
        .stdin(fs::File::open("/dev/zero").expect("/dev/zero"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    limit_address_space(&mut cmd);
    let mut child = cmd.spawn().expect("planlint starts");
    let started = std::time::Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > HANG {
            child.kill().expect("kill");
            panic!("planlint feedback - < /dev/zero hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(2));
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut stderr)
        .expect("stderr");
    assert!(
        stderr.contains("<stdin>: the header line is longer than 64 KB"),
        "{stderr}"
    );
}

#[test]
fn megabyte_words_and_values_keep_memory_flat() {
    let repo = Repo::new();
    let mut csv = String::from("comment,score,persona,touchpoint\n");
    for n in 0..60 {
        // A distinct word and persona on every row, each far longer than
        // any word or id.
        let word: String = (0..300_000)
            .map(|i| char::from(b'a' + ((i * 7 + n) % 26) as u8))
            .collect();
        csv.push_str(&format!(
            "\"I hate {word} so much\",{},{word},{word}x\n",
            n % 11
        ));
    }
    repo.write("long-words.csv", &csv);
    drop(csv);
    let out = repo.run(&["feedback", "long-words.csv", "--format", "json"], 0, &[]);
    let summary: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(summary["rows"], 60);
    assert!(
        out.stdout.len() < 200_000,
        "{} bytes of JSON",
        out.stdout.len()
    );
}

// 5. No silent skips: ambiguous columns, baseline paths written otherwise.

#[test]
fn a_column_name_in_the_header_twice_is_an_error_naming_both() {
    let repo = Repo::new();
    repo.write("dup.csv", "comment,Comment,score\nfine,ok,9\n");
    let out = repo.run(&["feedback", "dup.csv"], 2, &[]);
    assert!(
        out.stderr.contains(
            "dup.csv: the text column \"comment\" is in the header twice, as columns 1 and 2"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn a_baseline_entry_written_with_dot_slash_matches_and_goes_stale() {
    let repo = Repo::new();
    let weak = include_str!("../../examples/blitz-bikes/blitz-bikes.plan.toml")
        .replace("feedback = \"feedback.csv\"", "");
    repo.write("weak.plan.toml", &weak);
    repo.run(
        &["check", "weak.plan.toml", "--write-baseline", "base.json"],
        0,
        &["base.json"],
    );
    let written = fs::read_to_string(repo.path().join("base.json")).expect("read");
    let dotted = written.replace(
        "\"file\": \"weak.plan.toml\"",
        "\"file\": \"./weak.plan.toml\"",
    );
    assert_ne!(dotted, written);
    repo.write("base.json", &dotted);
    let out = repo.run(
        &["check", "weak.plan.toml", "--baseline", "base.json"],
        0,
        &[],
    );
    assert!(out.stdout.contains("no findings ("), "{}", out.stdout);
    // Fixed findings of an entry written `sub/../weak.plan.toml` are stale.
    let stale = dotted.replace("\"./weak.plan.toml\"", "\"sub/../weak.plan.toml\"");
    repo.write("base.json", &stale);
    repo.write("weak.plan.toml", PLAN);
    let out = repo.run(
        &["check", "weak.plan.toml", "--baseline", "base.json"],
        0,
        &[],
    );
    assert!(
        out.stderr.contains("no longer match a finding"),
        "{}",
        out.stderr
    );
}

// 6. Arguments echoed on standard error are put on one line.

#[test]
fn arguments_cannot_start_a_workflow_command_on_standard_error() {
    let repo = Repo::new();
    let hostile = "x\u{1b}[31m\n::error file=a,line=1::pwned\u{202e}";
    for (args, quoted) in [
        (vec!["check", hostile], true),
        (vec!["check", "--format", hostile], true),
        (vec!["explain", hostile], true),
        (vec!["check", hostile, "--bogus"], false),
    ] {
        let out = repo.run(&args, 2, &[]);
        for line in out.stderr.lines() {
            assert!(!line.trim_start().starts_with("::"), "{args:?}: {line:?}");
        }
        assert!(!out.stderr.contains('\u{1b}') && !out.stderr.contains('\u{202e}'));
        assert_eq!(
            out.stderr.contains("<U+202E>"),
            quoted,
            "{args:?}: {}",
            out.stderr
        );
    }
}
