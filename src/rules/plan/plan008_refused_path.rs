//! PLAN008 refused-path: a path the plan names is outside its repository, or
//! not a regular file. The rule's metadata, its documentation (`planlint
//! explain PLAN008`) and its check.

use crate::diagnostic::{Finding, Severity, Subject};
use crate::input::InputError;
use crate::plan::Field;
use crate::rules::{Family, Phase, Rule};
use crate::source::excerpt;

pub static RULE: Rule = Rule {
    code: "PLAN008",
    name: "refused-path",
    family: Family::Plan,
    severity: Severity::Error,
    summary: "a path the plan names is outside its repository, or not a regular file",
    help: "keep the file inside the plan's repository; to read it anyway, give it with `--feedback FILE` or run with `--allow-outside-root`",
    docs: r#"## What it does
Reports a path in the plan (today: `feedback`) that planlint refuses to read:
after links are followed, it leads outside the plan's root, or to something
that is not a regular file (a named pipe, a device, a socket, or anything
under `/proc` or `/sys`). The root is the nearest folder above the plan that
holds `.git`, else the plan's own folder. The FB rules do not run for a plan
whose feedback is refused.

## Why it matters
planlint runs in CI on pull requests, and a pull request can change any file
of the repository, the plan included. A plan that could name any file would
make planlint read the CI machine's secrets (`/proc/self/environ` holds the
job's environment and tokens) and quote them in annotations that anyone can
read, or hang the job on a named pipe, or read `/dev/zero` until memory runs
out. So a plan may only name files of its own repository, and only regular
ones.

## Example
```toml
name = "Harbor Bikes 2027"
feedback = "/proc/self/environ"       # outside the repository
```
```toml
feedback = "../../shared/survey.csv"  # a folder above the repository's root
```

## How to fix
Keep the feedback file in the repository, next to the plan or below its root,
and name it relative to the plan (`feedback = "feedback.csv"`). When the file
lives elsewhere on purpose and you trust the plan, the person running
planlint can allow it; a file in the repository cannot, since a pull request
could change that file too:
- `planlint check --feedback PATH`: a file given on the command line may be
  anywhere;
- `planlint check --allow-outside-root`, or the environment variable
  `PLANLINT_ALLOW_OUTSIDE_ROOT=1`: paths in plans may leave the root. They
  must still be regular files.

The rule cannot be turned off or waived: a plan whose feedback cannot be
read must not pass as if it had been checked against it."#,
    phase: Phase::Load,
};

/// Why the checker refused a path of the plan.
#[derive(Debug)]
pub enum Refused {
    /// It leads out of the plan's root.
    Outside,
    /// It is not a regular file, or is under `/proc` or `/sys`.
    NotRegular(InputError),
}

/// The finding for the path of `key`, which the checker refused: it reads
/// files, so it decides, and the rule says so.
pub fn finding(key: &str, named: &Field<String>, refused: &Refused) -> Finding {
    let written = excerpt(&named.value);
    let message = match refused {
        Refused::Outside => {
            format!("{key} \"{written}\" is not read: it leads outside the plan's repository")
        }
        Refused::NotRegular(error) => format!("{key} \"{written}\" is not read: it {error}"),
    };
    let finding = RULE.finding(Subject::Plan, named.span.clone(), message);
    match refused {
        Refused::Outside => finding,
        Refused::NotRegular(_) => finding
            .with_help("name a regular file, such as a CSV export kept in the plan's repository"),
    }
}
