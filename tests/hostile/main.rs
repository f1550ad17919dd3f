//! planlint against input written to attack it, as a stranger's pull request
//! could: one case per defect the hostile-input review found (README,
//! "Security"), a module per kind: `confinement` (reading outside the
//! repository), `limits` (hangs and memory), `outputs` (destroying input),
//! `skips` (silent skips) and `escapes` (text that tries to reach a
//! terminal, a CI log or a spreadsheet). Most cases run the binary in a
//! repository of their own ([`Repo`]) and assert the exit code, the message,
//! that no input file changed, and that the run ends within a time and an
//! address-space limit, so a hang or a runaway allocation fails the test
//! instead of the machine.

#![cfg(unix)]

#[path = "../common/mod.rs"]
mod common;
mod confinement;
mod escapes;
mod limits;
mod outputs;
mod skips;

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
