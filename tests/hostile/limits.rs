//! Every input is bounded: devices and pipes are refused before a byte is
//! read, and files built to exhaust memory or time end within the limits.

use std::fs;
use std::time::Duration;

use crate::{HANG, Repo, common, limit_address_space, mkfifo};

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
