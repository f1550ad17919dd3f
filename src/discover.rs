//! Finding the plan files a path names: the file itself, or the plan files
//! (`*.plan.toml`, `plan.toml`) in a folder and below it.
//!
//! A folder may come from a stranger's pull request, so the walk reads
//! nothing it is not sure of: `.gitignore` files are read like every input
//! (regular files, inside the repository, bounded), links are followed only
//! to plan files inside the repository and never into folders (a few links
//! to folders can make one plan a million, or lead to the whole disk), and
//! whatever looks like a plan but cannot be checked is reported, never
//! skipped in silence. Entries are visited in order of name, so the report
//! does not depend on the order the file system lists them in.
//!
//! It imports `input` and `source` only.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use ignore::Match;
use ignore::gitignore::{Gitignore, GitignoreBuilder};

use crate::input::{self, Identity, InputError};
use crate::source::display_path;

/// `.gitignore` files larger than this are not applied (and say so).
const MAX_GITIGNORE_BYTES: u64 = 1024 * 1024;

/// Why a link named like a plan is not checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkProblem {
    /// Its target does not exist.
    Dangling,
    /// It is one of a loop of links.
    Loop,
    /// It leads out of the repository.
    Outside,
}

impl fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LinkProblem::Dangling => "it is a link to nothing (its target does not exist)",
            LinkProblem::Loop => "it is a link in a loop of links",
            LinkProblem::Outside => {
                "it is a link that leads outside the repository (--allow-outside-root follows it)"
            }
        })
    }
}

/// Something named like a plan that cannot be checked.
#[derive(Debug)]
pub enum Unreadable {
    Link(PathBuf, LinkProblem),
    /// Not a regular file (a named pipe, a device).
    Input(PathBuf, InputError),
}

/// What a path given to check holds.
#[derive(Debug, Default)]
pub struct Discovered {
    pub plans: Vec<PathBuf>,
    /// Entries that look like plans but cannot be checked (exit code 2).
    pub unreadable: Vec<Unreadable>,
    /// What was passed over and why, for standard error: links to folders,
    /// plans that `.gitignore` excludes, `.gitignore` files not applied.
    pub notes: Vec<String>,
}

/// Whether a file name is a plan's.
pub fn is_plan_name(name: &str) -> bool {
    name == "plan.toml" || name.ends_with(".plan.toml")
}

/// Why a path gives no plan at all.
#[derive(Debug)]
pub enum Nothing {
    /// Nothing is there, or it cannot be looked at.
    Missing(io::Error),
    /// A folder with no plan, and nothing that looks like one.
    NoPlans,
}

/// The plan files `path` names. A file is checked whatever its name; a
/// folder is searched. A path that is a link is followed only when it stays
/// in the repository of the folder the link stands in, unless
/// `allow_outside_root`.
pub fn discover(path: &Path, allow_outside_root: bool) -> Result<Discovered, Nothing> {
    let meta = fs::metadata(path).map_err(Nothing::Missing)?;
    let root = root_as_given(path);
    if !allow_outside_root && !inside(path, &root) {
        return Ok(Discovered {
            unreadable: vec![Unreadable::Link(path.to_owned(), LinkProblem::Outside)],
            ..Discovered::default()
        });
    }
    if !meta.is_dir() {
        return Ok(Discovered {
            plans: vec![path.to_owned()],
            ..Discovered::default()
        });
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut walk = Walk {
        root,
        allow_outside_root,
        given: path.to_owned(),
        absolute: absolute.clone(),
        found: Discovered::default(),
    };
    walk.folder(&absolute);
    walk.found
        .unreadable
        .sort_by_key(|u| unreadable_path(u).to_owned());
    walk.found.notes.sort();
    if walk.found.plans.is_empty() && walk.found.unreadable.is_empty() {
        return Err(Nothing::NoPlans);
    }
    Ok(walk.found)
}

/// Keeps the first of paths that are one file (`a.plan.toml`,
/// `./a.plan.toml`, a link to it): each plan is checked once.
pub fn unique(paths: impl IntoIterator<Item = PathBuf>) -> Vec<PathBuf> {
    let mut seen = HashSet::new();
    paths
        .into_iter()
        .filter(|path| Identity::of(path).is_none_or(|identity| seen.insert(identity)))
        .collect()
}

fn unreadable_path(unreadable: &Unreadable) -> &Path {
    match unreadable {
        Unreadable::Link(path, _) | Unreadable::Input(path, _) => path,
    }
}

/// The root of the repository a path stands in, found from the path as it
/// is written: the links in its last part are not followed, so a link
/// cannot choose its own root.
fn root_as_given(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink());
    let start = if is_link || !absolute.is_dir() {
        absolute.parent().map_or(absolute.clone(), Path::to_owned)
    } else {
        absolute
    };
    let holder = start
        .ancestors()
        .find(|dir| dir.join(".git").exists())
        .unwrap_or(&start);
    fs::canonicalize(holder).unwrap_or_else(|_| holder.to_owned())
}

/// Whether `path`, links followed, is inside `root`.
fn inside(path: &Path, root: &Path) -> bool {
    fs::canonicalize(path).is_ok_and(|real| real.starts_with(root))
}

struct Walk {
    root: PathBuf,
    allow_outside_root: bool,
    /// The folder as given, which the paths reported start with.
    given: PathBuf,
    /// The folder made absolute, which the walk goes through, so that every
    /// `.gitignore` rule is matched against a path under its own folder.
    absolute: PathBuf,
    found: Discovered,
}

/// The `.gitignore` rules that apply in a folder: its own, then its
/// parents'.
struct Rules {
    here: Gitignore,
    parent: Option<Rc<Rules>>,
}

impl Rules {
    /// Whether a path is excluded: the nearest `.gitignore` that has a say
    /// decides.
    fn excludes(&self, path: &Path, is_dir: bool) -> bool {
        let mut rules = Some(self);
        while let Some(current) = rules {
            match current.here.matched(path, is_dir) {
                Match::Ignore(_) => return true,
                Match::Whitelist(_) => return false,
                Match::None => rules = current.parent.as_deref(),
            }
        }
        false
    }
}

impl Walk {
    /// Walks the folder `start` (absolute), with the `.gitignore` files of
    /// the folders above it up to the repository's root, as git applies
    /// them.
    fn folder(&mut self, start: &Path) {
        let mut rules: Option<Rc<Rules>> = None;
        let mut above: Vec<&Path> = start
            .ancestors()
            .skip(1)
            .take_while(|dir| fs::canonicalize(dir).is_ok_and(|real| real.starts_with(&self.root)))
            .collect();
        above.reverse();
        for dir in above {
            rules = Some(self.rules(dir, rules));
        }
        // Folders are walked from a stack, not by recursion: a tree of a
        // hundred thousand nested folders must not overflow the stack.
        let mut stack = vec![(start.to_owned(), rules)];
        while let Some((dir, parent)) = stack.pop() {
            let rules = self.rules(&dir, parent);
            let mut entries: Vec<fs::DirEntry> = match fs::read_dir(&dir) {
                Ok(entries) => entries.filter_map(Result::ok).collect(),
                Err(error) => {
                    self.note(&dir, &format!("cannot be read: {error}; not searched"));
                    continue;
                }
            };
            entries.sort_by_key(fs::DirEntry::file_name);
            let mut folders = Vec::new();
            for entry in entries {
                if let Some(folder) = self.entry(&entry, &rules) {
                    folders.push(folder);
                }
            }
            // Reversed, so that the stack gives them back in order.
            for folder in folders.into_iter().rev() {
                stack.push((folder, Some(Rc::clone(&rules))));
            }
        }
    }

    /// Looks at one entry of a folder; returns it when it is a folder to
    /// walk.
    fn entry(&mut self, entry: &fs::DirEntry, rules: &Rules) -> Option<PathBuf> {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        // Hidden files and folders (`.git` among them) are not searched.
        if name.starts_with('.') {
            return None;
        }
        let path = entry.path();
        let kind = entry.file_type().ok()?;
        let plan = is_plan_name(&name);
        if kind.is_dir() {
            if name == "target" || rules.excludes(&path, true) {
                return None;
            }
            return Some(path);
        }
        if !plan {
            if kind.is_symlink() && path.is_dir() {
                self.note(
                    &path,
                    "a link to a folder; not searched (planlint follows links to plan files only)",
                );
            }
            return None;
        }
        if rules.excludes(&path, false) {
            self.note(&path, "excluded by a .gitignore file; not checked");
            return None;
        }
        if kind.is_symlink() {
            self.link(&path);
        } else if kind.is_file() {
            let shown = self.shown(&path);
            self.found.plans.push(shown);
        } else {
            // A named pipe or a device: open_regular says which, at once.
            if let Err(error) = input::open_regular(&path) {
                let shown = self.shown(&path);
                self.found.unreadable.push(Unreadable::Input(shown, error));
            }
        }
        None
    }

    /// A path of the walk as the user wrote the folder.
    fn shown(&self, path: &Path) -> PathBuf {
        match path.strip_prefix(&self.absolute) {
            Ok(rest) if rest.as_os_str().is_empty() => self.given.clone(),
            Ok(rest) => self.given.join(rest),
            Err(_) => path.to_owned(),
        }
    }

    /// A link named like a plan: followed to a regular file in the
    /// repository, or reported.
    fn link(&mut self, link: &Path) {
        let path = self.shown(link);
        let real = match fs::canonicalize(link) {
            Ok(real) => real,
            Err(error) => {
                let problem = if is_link_loop(&error) {
                    LinkProblem::Loop
                } else {
                    LinkProblem::Dangling
                };
                self.found.unreadable.push(Unreadable::Link(path, problem));
                return;
            }
        };
        if !self.allow_outside_root && !real.starts_with(&self.root) {
            let problem = LinkProblem::Outside;
            self.found.unreadable.push(Unreadable::Link(path, problem));
            return;
        }
        match input::open_regular(&real) {
            Ok(_) => self.found.plans.push(path),
            Err(error) => self.found.unreadable.push(Unreadable::Input(path, error)),
        }
    }

    /// The rules of `dir`: its `.gitignore`, read as any input is, on top of
    /// its parents'.
    fn rules(&mut self, dir: &Path, parent: Option<Rc<Rules>>) -> Rc<Rules> {
        let file = dir.join(".gitignore");
        let mut builder = GitignoreBuilder::new(dir);
        if fs::symlink_metadata(&file).is_ok() {
            match self.read_gitignore(&file) {
                Ok(text) => {
                    for line in text.lines() {
                        // A line the matcher cannot parse is one git
                        // ignores too.
                        let _ = builder.add_line(None, line);
                    }
                }
                Err(reason) => self.note(&file, &format!("{reason}; not applied")),
            }
        }
        let here = builder.build().unwrap_or_else(|_| Gitignore::empty());
        Rc::new(Rules { here, parent })
    }

    fn read_gitignore(&self, file: &Path) -> Result<String, String> {
        if !self.allow_outside_root {
            input::confine(file, &self.root).map_err(|e| e.to_string())?;
        }
        let bytes = input::read_bounded(file, MAX_GITIGNORE_BYTES, "a .gitignore is short")
            .map_err(|e| e.to_string())?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    fn note(&mut self, path: &Path, what: &str) {
        let shown = display_path(&self.shown(path));
        self.found.notes.push(format!("{shown}: {what}"));
    }
}

/// `ELOOP`: too many links in a row, as a loop of links gives.
fn is_link_loop(error: &io::Error) -> bool {
    #[cfg(unix)]
    {
        error.raw_os_error() == Some(libc::ELOOP)
    }
    #[cfg(not(unix))]
    {
        let _ = error;
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, name: &str, text: &str) {
        let path = root.join(name);
        fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
        fs::write(path, text).expect("write");
    }

    fn names(found: &Discovered, root: &Path) -> Vec<String> {
        found
            .plans
            .iter()
            .map(|p| display_path(p.strip_prefix(root).unwrap_or(p)))
            .collect()
    }

    #[test]
    fn folders_are_walked_in_order_of_name_skipping_hidden_target_and_gitignore() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = dir.path();
        fs::create_dir(root.join(".git")).expect("mkdir");
        for name in [
            "b/z.plan.toml",
            "b/a.plan.toml",
            "a/plan.toml",
            "a/notes.toml",
            ".hidden/x.plan.toml",
            "target/x.plan.toml",
            "build/x.plan.toml",
            "a/draft.plan.toml",
            "a/keep.plan.toml",
        ] {
            write(root, name, "");
        }
        write(root, ".gitignore", "build/\n*.plan.toml\n!keep.plan.toml\n");
        write(root, "b/.gitignore", "!*.plan.toml\n");
        let found = discover(root, false).expect("plans");
        assert_eq!(
            names(&found, root),
            [
                "a/keep.plan.toml",
                "a/plan.toml",
                "b/a.plan.toml",
                "b/z.plan.toml"
            ]
        );
        assert!(
            found
                .notes
                .iter()
                .any(|n| n
                    .ends_with("a/draft.plan.toml: excluded by a .gitignore file; not checked")),
            "{:?}",
            found.notes
        );
        // The root's rules hold when a folder below is walked.
        let found = discover(&root.join("a"), false).expect("plans");
        assert_eq!(names(&found, root), ["a/keep.plan.toml", "a/plan.toml"]);
    }

    #[cfg(unix)]
    #[test]
    fn links_to_folders_are_not_followed_and_links_to_plans_are_confined() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = dir.path().join("repo");
        fs::create_dir_all(root.join(".git")).expect("mkdir");
        write(&root, "plans/real.toml", "");
        write(dir.path(), "outside/x.plan.toml", "");
        let link = |target: &str, at: &str| {
            std::os::unix::fs::symlink(target, root.join(at)).expect("symlink");
        };
        link("real.toml", "plans/linked.plan.toml");
        link("../../outside/x.plan.toml", "plans/out.plan.toml");
        link("../plans", "plans/again");
        link("nothing.plan.toml", "plans/gone.plan.toml");
        let found = discover(&root, false).expect("plans");
        assert_eq!(names(&found, &root), ["plans/linked.plan.toml"]);
        let problems: Vec<_> = found
            .unreadable
            .iter()
            .map(|u| match u {
                Unreadable::Link(p, problem) => (p.file_name().map(|n| n.to_owned()), *problem),
                Unreadable::Input(..) => panic!("{u:?}"),
            })
            .collect();
        assert_eq!(
            problems,
            [
                (Some("gone.plan.toml".into()), LinkProblem::Dangling),
                (Some("out.plan.toml".into()), LinkProblem::Outside),
            ]
        );
        assert!(
            found
                .notes
                .iter()
                .any(|n| n.contains("plans/again: a link to a folder"))
        );
        // A folder given as a link out of its repository is not walked.
        link("../outside", "elsewhere");
        let found = discover(&root.join("elsewhere"), false).expect("an answer");
        assert!(found.plans.is_empty());
        assert!(matches!(
            found.unreadable.as_slice(),
            [Unreadable::Link(_, LinkProblem::Outside)]
        ));
        let found = discover(&root.join("elsewhere"), true).expect("plans");
        assert_eq!(found.plans.len(), 1);
    }

    #[test]
    fn one_file_under_two_names_is_checked_once() {
        let dir = tempfile::tempdir().expect("temporary folder");
        write(dir.path(), "a.plan.toml", "");
        let a = dir.path().join("a.plan.toml");
        let dotted = dir.path().join(".").join("a.plan.toml");
        assert_eq!(unique([a.clone(), dotted]), [a]);
    }
}
