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

use std::collections::HashMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;

use ignore::Match;
use ignore::gitignore::{Gitignore, GitignoreBuilder};

use crate::input::{self, Identity, InputError};
use crate::source::display_path;

/// `.gitignore` files larger than this are not applied (and say so).
const MAX_GITIGNORE_BYTES: u64 = 256 * 1024;

/// Lines of `.gitignore` applied in one walk, all files together. Each rule
/// is compiled to a matcher; a repository's files have a few hundred, and a
/// tree built to have millions must not take the memory they would.
const MAX_GITIGNORE_LINES: usize = 5000;

/// Why a link named like a plan is not checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkProblem {
    /// Its target does not exist.
    Dangling,
    /// It is one of a loop of links.
    Loop,
    /// It leads out of the repository.
    Outside,
    /// It leads to a hidden or git-ignored file of the repository, such as
    /// `.env` or `.git/config`, which may be the machine's rather than the
    /// repository's.
    Hidden,
}

impl fmt::Display for LinkProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LinkProblem::Dangling => "it is a link to nothing (its target does not exist)",
            LinkProblem::Loop => "it is a link in a loop of links",
            LinkProblem::Outside => {
                "it leads outside the repository through a link (--allow-outside-root follows it)"
            }
            LinkProblem::Hidden => {
                "it is a link to a hidden or git-ignored file, which may not be the repository's"
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
    /// The `.gitignore` files read: inputs of the run, which no output may
    /// replace.
    pub read: Vec<PathBuf>,
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
/// folder is searched. A path that passes through a link that stands in a
/// repository must stay in that repository, unless `allow_outside_root`:
/// the link could come from a pull request. Links outside any repository
/// (a home folder's link to where the checkout lives) are the machine's.
pub fn discover(path: &Path, allow_outside_root: bool) -> Result<Discovered, Nothing> {
    let meta = fs::metadata(path).map_err(Nothing::Missing)?;
    let real = fs::canonicalize(path).map_err(Nothing::Missing)?;
    let escapes = || {
        link_holders(path)
            .iter()
            .filter_map(|holder| input::repository_of(holder))
            .any(|repository| !real.starts_with(repository))
    };
    if !allow_outside_root && escapes() {
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
    let mut walk = Walk {
        root: input::root_of_folder(&real),
        allow_outside_root,
        given: path.to_owned(),
        real: real.clone(),
        lines_left: MAX_GITIGNORE_LINES,
        found: Discovered::default(),
    };
    walk.folder(&real);
    walk.found
        .unreadable
        .sort_by_key(|u| unreadable_path(u).to_owned());
    walk.found.notes.sort();
    walk.found.notes.dedup();
    if walk.found.plans.is_empty() && walk.found.unreadable.is_empty() {
        return Err(Nothing::NoPlans);
    }
    Ok(walk.found)
}

/// The real folders that hold the links on the way to `path`, which is
/// resolved one part at a time as the system does (`..` after a link goes
/// up from where the link leads). The repository a link stands in is the
/// one the path must stay in: a link cannot choose its own root.
fn link_holders(path: &Path) -> Vec<PathBuf> {
    let Ok(absolute) = std::path::absolute(path) else {
        return Vec::new();
    };
    let mut holders = Vec::new();
    let mut real = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::Prefix(_) | Component::RootDir => real.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                real.pop();
            }
            Component::Normal(name) => {
                let next = real.join(name);
                if fs::symlink_metadata(&next).is_ok_and(|m| m.is_symlink()) {
                    holders.push(real.clone());
                    match fs::canonicalize(&next) {
                        Ok(target) => real = target,
                        Err(_) => return holders,
                    }
                } else {
                    real = next;
                }
            }
        }
    }
    holders
}

/// One path for each file among paths that name the same file
/// (`a.plan.toml`, `./a.plan.toml`, a link to it), so that each plan is
/// checked once: the first in order that is not a link, else the first.
pub fn unique(paths: impl IntoIterator<Item = PathBuf>) -> Vec<PathBuf> {
    let mut chosen: Vec<(PathBuf, bool)> = Vec::new();
    let mut by_file: HashMap<Identity, usize> = HashMap::new();
    for path in paths {
        // One look at the path: a file that is no link is its own identity.
        let own = fs::symlink_metadata(&path);
        let is_link = own.as_ref().is_ok_and(|m| m.is_symlink());
        let identity = match &own {
            Ok(meta) if !is_link => Identity::from_metadata(&path, meta),
            _ => Identity::of(&path),
        };
        let Some(identity) = identity else {
            chosen.push((path, is_link));
            continue;
        };
        match by_file.get(&identity) {
            Some(&at) if chosen[at].1 && !is_link => chosen[at] = (path, is_link),
            Some(_) => {}
            None => {
                by_file.insert(identity, chosen.len());
                chosen.push((path, is_link));
            }
        }
    }
    chosen.into_iter().map(|(path, _)| path).collect()
}

fn unreadable_path(unreadable: &Unreadable) -> &Path {
    match unreadable {
        Unreadable::Link(path, _) | Unreadable::Input(path, _) => path,
    }
}

struct Walk {
    /// The repository the folder is in: links inside it may lead only here.
    root: PathBuf,
    allow_outside_root: bool,
    /// The folder as given, which the paths reported start with.
    given: PathBuf,
    /// The folder with its links resolved, which the walk goes through, so
    /// that every `.gitignore` rule is matched against a path in its own
    /// folder, whatever `..` the folder was given with.
    real: PathBuf,
    /// Lines of `.gitignore` that may still be applied.
    lines_left: usize,
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
        let root = self.root.clone();
        let mut rules = Some(self.rules_from(&root.join(".git/info/exclude"), &root, None));
        let mut above: Vec<&Path> = start
            .ancestors()
            .skip(1)
            .take_while(|dir| dir.starts_with(&root))
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
            if kind.is_symlink() && path.is_dir() && !rules.excludes(&path, true) {
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
        match path.strip_prefix(&self.real) {
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
        if real.starts_with(&self.root) && self.hidden_or_excluded(&real) {
            let problem = LinkProblem::Hidden;
            self.found.unreadable.push(Unreadable::Link(path, problem));
            return;
        }
        match input::open_regular(&real) {
            Ok(_) => self.found.plans.push(path),
            Err(error) => self.found.unreadable.push(Unreadable::Input(path, error)),
        }
    }

    /// Whether a file of the repository (a link's target) is hidden, or
    /// excluded by the `.gitignore` files of the folders it is in: files a
    /// CI job writes into the checkout (`.env`, `.git/config`) are of that
    /// kind.
    fn hidden_or_excluded(&mut self, real: &Path) -> bool {
        let Ok(inside) = real.strip_prefix(&self.root) else {
            return false;
        };
        if inside
            .components()
            .any(|part| part.as_os_str().to_string_lossy().starts_with('.'))
        {
            return true;
        }
        let root = self.root.clone();
        let mut rules = self.rules_from(&root.join(".git/info/exclude"), &root, None);
        let folders: Vec<PathBuf> = real
            .ancestors()
            .skip(1)
            .take_while(|dir| dir.starts_with(&root))
            .map(Path::to_owned)
            .collect();
        for dir in folders.iter().rev() {
            if rules.excludes(dir, true) {
                return true;
            }
            rules = self.rules(dir, Some(rules));
        }
        rules.excludes(real, false)
    }

    /// The rules of `dir`: its `.gitignore` on top of its parents'.
    fn rules(&mut self, dir: &Path, parent: Option<Rc<Rules>>) -> Rc<Rules> {
        self.rules_from(&dir.join(".gitignore"), dir, parent)
    }

    /// The rules of the file `file` (patterns relative to `dir`), read as
    /// any input is, on top of `parent`: nothing when there is no such
    /// file, and a note when it cannot be applied.
    fn rules_from(&mut self, file: &Path, dir: &Path, parent: Option<Rc<Rules>>) -> Rc<Rules> {
        let mut builder = GitignoreBuilder::new(dir);
        if fs::symlink_metadata(file).is_ok() {
            match self.read_rules(file) {
                Ok(text) => {
                    // A byte order mark would be part of the first pattern.
                    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                    for line in text.lines() {
                        // A line the matcher cannot parse is one git
                        // ignores too.
                        let _ = builder.add_line(None, line);
                    }
                }
                Err(reason) => self.note(file, &format!("{reason}; not applied")),
            }
        }
        let here = builder.build().unwrap_or_else(|_| {
            self.note(file, "its patterns cannot be read together; not applied");
            Gitignore::empty()
        });
        Rc::new(Rules { here, parent })
    }

    fn read_rules(&mut self, file: &Path) -> Result<String, String> {
        // As git does, a .gitignore that is a link is not followed.
        if fs::symlink_metadata(file).is_ok_and(|m| m.is_symlink()) {
            return Err("it is a link".to_owned());
        }
        let bytes = input::read_bounded(file, MAX_GITIGNORE_BYTES, "a .gitignore is short")
            .map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let lines = text.lines().count();
        if lines > self.lines_left {
            return Err(format!(
                "more .gitignore lines than the {MAX_GITIGNORE_LINES} a check applies"
            ));
        }
        self.lines_left -= lines;
        self.found.read.push(file.to_owned());
        Ok(text)
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
    fn one_file_under_two_names_is_checked_once_by_the_name_that_is_no_link() {
        let dir = tempfile::tempdir().expect("temporary folder");
        write(dir.path(), "b.plan.toml", "");
        let b = dir.path().join("b.plan.toml");
        let dotted = dir.path().join(".").join("b.plan.toml");
        let kept = unique([b.clone(), dotted]);
        assert_eq!((kept.len(), &kept[0]), (1, &b));
        #[cfg(unix)]
        {
            let link = dir.path().join("a.plan.toml");
            std::os::unix::fs::symlink("b.plan.toml", &link).expect("symlink");
            assert_eq!(unique([link, b.clone()]), [b]);
        }
    }

    #[test]
    fn gitignore_files_are_read_as_git_reads_them() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = dir.path();
        fs::create_dir_all(root.join(".git/info")).expect("mkdir");
        write(root, ".git/info/exclude", "local.plan.toml\n");
        write(root, "local.plan.toml", "");
        write(root, "x.plan.toml", "");
        write(root, "y.plan.toml", "");
        // A byte order mark does not hide the first pattern.
        write(root, ".gitignore", "\u{feff}x.plan.toml\n");
        let found = discover(root, false).expect("plans");
        assert_eq!(names(&found, root), ["y.plan.toml"]);
        assert_eq!(found.read.len(), 2, "{:?}", found.read);
        #[cfg(unix)]
        {
            // A .gitignore that is a link is not followed, as git does not.
            fs::remove_file(root.join(".gitignore")).expect("remove");
            write(root, "rules.txt", "y.plan.toml\n");
            std::os::unix::fs::symlink("rules.txt", root.join(".gitignore")).expect("symlink");
            let found = discover(root, false).expect("plans");
            assert_eq!(names(&found, root), ["x.plan.toml", "y.plan.toml"]);
            assert!(
                found
                    .notes
                    .iter()
                    .any(|n| n.ends_with(".gitignore: it is a link; not applied")),
                "{:?}",
                found.notes
            );
        }
    }
}
