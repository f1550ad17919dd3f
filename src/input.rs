//! Opening the files a run reads, and writing the files it writes, safely.
//!
//! planlint runs on pull requests from people a repository does not trust,
//! so every file it opens goes through here:
//! - only regular files are read: a FIFO would hang the run, a device such
//!   as `/dev/zero` never ends, and `/proc` or `/sys` hold the machine's
//!   secrets behind names that look like files;
//! - every read has a size bound;
//! - a path that a file names (a plan's `feedback`) must stay inside the
//!   plan's root after links are followed ([`confine`]);
//! - an output never replaces one of the run's inputs, and is written to a
//!   temporary file that is renamed into place ([`AtomicFile`]), so a run
//!   that fails leaves the old file as it was.
//!
//! This is the bottom floor: it imports nothing of the crate.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// Why a file could not be opened or read. The messages do not name the
/// file: callers put its name in front, as they show it.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("no such file")]
    NotFound,
    #[error("is {0}, not a regular file; planlint reads only regular files")]
    NotRegular(&'static str),
    #[error(
        "is under {0}, which holds the system's state rather than data; planlint does not read it"
    )]
    System(&'static str),
    #[error("is larger than {}; {what}", size(*.limit))]
    TooLarge { limit: u64, what: &'static str },
    #[error("cannot be read: {0}")]
    Io(io::Error),
}

impl From<io::Error> for InputError {
    fn from(error: io::Error) -> Self {
        match error.kind() {
            io::ErrorKind::NotFound => InputError::NotFound,
            _ => InputError::Io(error),
        }
    }
}

/// `8 MB`, `64 KB`, `1 MB`: limits as people read them.
pub fn size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * KB;
    const GB: u64 = 1024 * MB;
    match bytes {
        b if b >= GB && b % GB == 0 => format!("{} GB", b / GB),
        b if b >= MB && b % MB == 0 => format!("{} MB", b / MB),
        b if b >= KB && b % KB == 0 => format!("{} KB", b / KB),
        b => format!("{b} bytes"),
    }
}

/// Opens a regular file for reading, following links. Anything else is
/// refused before a byte is read: the file is opened without blocking (so a
/// FIFO with no writer cannot hang the run) and its type is taken from the
/// open handle, not from a second look at the path.
pub fn open_regular(path: &Path) -> Result<File, InputError> {
    let file = open_nonblocking(path)?;
    let kind = file.metadata()?.file_type();
    if !kind.is_file() {
        return Err(InputError::NotRegular(describe(&kind)));
    }
    if let Some(place) = system_file(&file, path) {
        return Err(InputError::System(place));
    }
    Ok(file)
}

#[cfg(unix)]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> io::Result<File> {
    File::open(path)
}

/// What a file that is not regular is, for the message.
fn describe(kind: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

/// `/proc` or `/sys` when an open file is one of theirs: their files call
/// themselves regular and empty, yet hold the environment, memory and keys
/// of running processes. On Linux the file system of the open file tells,
/// in one call and whatever links led there (the kernel's other file
/// systems, such as cgroups or debugfs, count as `/sys`).
#[cfg(target_os = "linux")]
fn system_file(file: &File, _: &Path) -> Option<&'static str> {
    use std::os::fd::AsRawFd;
    // The magic numbers of linux/magic.h.
    const PROC: u32 = 0x9fa0;
    const KERNEL: [u32; 10] = [
        0x6265_6572, // sysfs
        0x0027_e0eb, // cgroup
        0x6367_7270, // cgroup2
        0x6462_6720, // debugfs
        0x7363_6673, // securityfs
        0x7472_6163, // tracefs
        0x6265_6570, // configfs
        0xcafe_4a11, // bpf
        0x6165_676c, // pstore
        0xde5e_81e4, // efivarfs
    ];
    // SAFETY: fstatfs fills the struct it is given and reads nothing else;
    // the descriptor is open for as long as `file` lives.
    let mut stats: libc::statfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstatfs(file.as_raw_fd(), &mut stats) } != 0 {
        return None;
    }
    // `f_type` is a signed word of the platform; the magic numbers are 32
    // bits, which the low half holds whatever the width and sign.
    let kind = stats.f_type as u32;
    if kind == PROC {
        Some("/proc")
    } else if KERNEL.contains(&kind) {
        Some("/sys")
    } else {
        None
    }
}

/// Elsewhere, where `/proc` and `/sys` are mere folders if they exist at
/// all, the path with its links followed tells.
#[cfg(not(target_os = "linux"))]
fn system_file(_: &File, path: &Path) -> Option<&'static str> {
    let real = fs::canonicalize(path).ok()?;
    ["/proc", "/sys"]
        .into_iter()
        .find(|place| real.starts_with(place))
}

/// Reads a whole regular file of at most `limit` bytes; `what` says what the
/// file should be, for the message when it is larger.
pub fn read_bounded(path: &Path, limit: u64, what: &'static str) -> Result<Vec<u8>, InputError> {
    let file = open_regular(path)?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge { limit, what });
    }
    Ok(bytes)
}

/// The root a plan's own paths must stay in: the nearest folder above the
/// plan, links followed, that holds `.git` (a folder, or the file of a
/// worktree), else the plan's own folder.
pub fn root_of(plan: &Path) -> PathBuf {
    let real = fs::canonicalize(plan).unwrap_or_else(|_| plan.to_owned());
    root_of_folder(real.parent().unwrap_or(Path::new("/")))
}

/// The root of the plans in a folder: the folder, or the nearest folder
/// above it that holds `.git`.
pub fn root_of_folder(folder: &Path) -> PathBuf {
    let folder = fs::canonicalize(folder).unwrap_or_else(|_| folder.to_owned());
    repository_of(&folder).unwrap_or(folder)
}

/// The nearest folder at or above `folder` (links followed) that holds
/// `.git`, if there is one.
pub fn repository_of(folder: &Path) -> Option<PathBuf> {
    let folder = fs::canonicalize(folder).ok()?;
    folder
        .ancestors()
        .find(|dir| dir.join(".git").exists())
        .map(Path::to_owned)
}

/// Why a path a file names was refused.
#[derive(Debug, thiserror::Error)]
pub enum Confinement {
    #[error("it leads outside the repository")]
    Outside { root: PathBuf },
    #[error("{0}")]
    Input(#[from] InputError),
}

/// Checks that `path`, with every link followed, is a regular file inside
/// `root`; returns the resolved path.
pub fn confine(path: &Path, root: &Path) -> Result<PathBuf, Confinement> {
    let real = fs::canonicalize(path).map_err(InputError::from)?;
    let root = fs::canonicalize(root).unwrap_or_else(|_| root.to_owned());
    if !real.starts_with(&root) {
        return Err(Confinement::Outside { root });
    }
    open_regular(&real)?;
    Ok(real)
}

/// Which file a path is, links followed: two paths that are one file have
/// the same identity, however they are written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Identity {
    /// A file that exists: its device and inode (its canonical path off Unix).
    File(Key),
    /// A file yet to be written: its canonical folder and its name.
    Planned(PathBuf),
}

#[cfg(unix)]
type Key = (u64, u64);
#[cfg(not(unix))]
type Key = PathBuf;

impl Identity {
    /// `None` when neither the path nor its folder exists.
    pub fn of(path: &Path) -> Option<Identity> {
        match fs::metadata(path) {
            Ok(meta) => Identity::from_metadata(path, &meta),
            Err(_) => Identity::planned(path),
        }
    }

    /// The identity of a path whose metadata (links followed, or of a path
    /// that is no link) has been read already.
    pub fn from_metadata(path: &Path, meta: &fs::Metadata) -> Option<Identity> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let _ = path;
            Some(Identity::File((meta.dev(), meta.ino())))
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            fs::canonicalize(path).ok().map(Identity::File)
        }
    }

    fn planned(path: &Path) -> Option<Identity> {
        let name = path.file_name()?;
        let folder = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        Some(Identity::Planned(fs::canonicalize(folder).ok()?.join(name)))
    }
}

/// A file written in full or not at all: the text goes to a temporary file in
/// the target's folder, which [`AtomicFile::commit`] renames over the target.
/// Dropped without a commit, the temporary file is removed and the target is
/// left as it was.
pub struct AtomicFile {
    target: PathBuf,
    file: io::BufWriter<tempfile::NamedTempFile>,
}

impl AtomicFile {
    pub fn create(target: &Path) -> io::Result<AtomicFile> {
        let folder = match target.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".planlint-").suffix(".tmp");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // The file gets the mode of the one it replaces, or that of a
            // new file (the process's umask applies to both, as when the
            // shell creates a file); a temporary file would be private.
            let mode = fs::metadata(target).map_or(0o666, |m| m.permissions().mode() & 0o777);
            builder.permissions(fs::Permissions::from_mode(mode));
        }
        let file = builder.tempfile_in(folder)?;
        Ok(AtomicFile {
            target: target.to_owned(),
            file: io::BufWriter::new(file),
        })
    }

    /// Puts the file in place of the target.
    pub fn commit(self) -> io::Result<()> {
        let file = self.file.into_inner().map_err(|e| e.into_error())?;
        file.as_file().sync_all()?;
        file.persist(&self.target).map_err(|e| e.error)?;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.file.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Where a report goes: standard output, a file that is replaced only once
/// the report is complete, or something that is no regular file (a device
/// such as `/dev/null`, a named pipe), written as it is, as the shell's `>`
/// does: a file renamed over it would put a regular file in its place.
pub enum Output {
    Stdout(io::BufWriter<io::StdoutLock<'static>>),
    File(AtomicFile),
    Special(io::BufWriter<fs::File>),
}

impl Output {
    /// Standard output for no path or `-`, else the file.
    pub fn create(path: Option<&Path>) -> io::Result<Output> {
        Ok(match path {
            Some(path) if path == Path::new("-") => Output::stdout(),
            None => Output::stdout(),
            Some(path) => match fs::metadata(path) {
                Ok(meta) if !meta.is_file() && !meta.is_dir() => {
                    let file = fs::OpenOptions::new().write(true).open(path)?;
                    Output::Special(io::BufWriter::new(file))
                }
                // Through a link, as the shell's `>` writes: the file it
                // leads to is replaced, not the link.
                Ok(_) if fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink()) => {
                    Output::File(AtomicFile::create(&fs::canonicalize(path)?)?)
                }
                _ => Output::File(AtomicFile::create(path)?),
            },
        })
    }

    fn stdout() -> Output {
        Output::Stdout(io::BufWriter::new(io::stdout().lock()))
    }

    /// Flushes standard output or the device, or puts the file in place.
    pub fn finish(self) -> io::Result<()> {
        match self {
            Output::Stdout(mut out) => out.flush(),
            Output::File(file) => file.commit(),
            Output::Special(mut out) => out.flush(),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(out) => out.write(buf),
            Output::File(file) => file.write(buf),
            Output::Special(out) => out.write(buf),
        }
    }

    // Renderers write many small pieces; each goes to the buffer's own
    // `write_all` rather than through a loop of `write` calls.
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.write_all(buf),
            Output::File(file) => file.write_all(buf),
            Output::Special(out) => out.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::File(file) => file.flush(),
            Output::Special(out) => out.flush(),
        }
    }
}

/// An output that would replace an input, or another output.
#[derive(Debug, thiserror::Error)]
pub enum OverwriteError {
    #[error(
        "{flag} {} is one of the files this run reads; planlint never writes over its input: choose another file",
        .path.display()
    )]
    Input { flag: String, path: PathBuf },
    #[error("{first} and {second} name the same file, {}: choose two files", .path.display())]
    Twice {
        first: String,
        second: String,
        path: PathBuf,
    },
}

/// Refuses outputs (a flag and its path; `-` is standard output) that are
/// one of `inputs`, or one another, however their paths are written
/// (links, `./`, `..`, hard links): a report written over a plan would
/// destroy it.
pub fn refuse_overwrite(
    outputs: &[(&str, Option<&Path>)],
    inputs: &[&Path],
) -> Result<(), OverwriteError> {
    if outputs.iter().all(|(_, path)| path.is_none()) {
        return Ok(());
    }
    let inputs: Vec<Identity> = inputs.iter().filter_map(|p| Identity::of(p)).collect();
    let mut earlier: Vec<(&str, Identity)> = Vec::new();
    for &(flag, path) in outputs {
        let Some(path) = path.filter(|p| *p != Path::new("-")) else {
            continue;
        };
        let Some(identity) = Identity::of(path) else {
            continue;
        };
        if inputs.contains(&identity) {
            return Err(OverwriteError::Input {
                flag: flag.to_owned(),
                path: path.to_owned(),
            });
        }
        if let Some((first, _)) = earlier.iter().find(|(_, other)| *other == identity) {
            return Err(OverwriteError::Twice {
                first: (*first).to_owned(),
                second: flag.to_owned(),
                path: path.to_owned(),
            });
        }
        earlier.push((flag, identity));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(size(8 * 1024 * 1024), "8 MB");
        assert_eq!(size(64 * 1024), "64 KB");
        assert_eq!(size(1000), "1000 bytes");
    }

    /// Found by trying `-o /dev/null`: the report was renamed over the
    /// device, leaving a regular file in its place. A named pipe stands in
    /// for the device here.
    #[cfg(unix)]
    #[test]
    fn an_output_that_is_no_regular_file_is_written_as_it_is() {
        use std::os::unix::fs::FileTypeExt;
        let dir = tempfile::tempdir().expect("temporary folder");
        let pipe = dir.path().join("pipe");
        let name = std::ffi::CString::new(pipe.to_str().unwrap()).unwrap();
        // SAFETY: `name` is a valid NUL-terminated path for the call.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        let reader = {
            let pipe = pipe.clone();
            std::thread::spawn(move || fs::read_to_string(pipe).expect("read the pipe"))
        };
        let mut out = Output::create(Some(&pipe)).expect("open the pipe");
        assert!(matches!(out, Output::Special(_)));
        out.write_all(b"report\n").unwrap();
        out.finish().unwrap();
        assert_eq!(reader.join().unwrap(), "report\n");
        let kind = fs::symlink_metadata(&pipe).unwrap().file_type();
        assert!(kind.is_fifo(), "still a pipe");
    }

    /// Found by review: `-o link.html` replaced the link with a file and
    /// left the file it leads to as it was.
    #[cfg(unix)]
    #[test]
    fn an_output_through_a_link_replaces_the_file_it_leads_to() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let real = dir.path().join("real.html");
        let link = dir.path().join("link.html");
        fs::write(&real, "old").unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let mut out = Output::create(Some(&link)).unwrap();
        out.write_all(b"new").unwrap();
        out.finish().unwrap();
        assert!(
            fs::symlink_metadata(&link).unwrap().is_symlink(),
            "still a link"
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
    }

    #[test]
    fn only_regular_files_are_opened() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let file = dir.path().join("a.csv");
        fs::write(&file, "comment\n").expect("write");
        assert!(open_regular(&file).is_ok());
        assert!(matches!(
            open_regular(dir.path()),
            Err(InputError::NotRegular("a folder"))
        ));
        assert!(matches!(
            open_regular(&dir.path().join("missing")),
            Err(InputError::NotFound)
        ));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn devices_and_the_system_folders_are_refused() {
        assert!(matches!(
            open_regular(Path::new("/dev/zero")),
            Err(InputError::NotRegular("a device"))
        ));
        assert!(matches!(
            open_regular(Path::new("/proc/self/environ")),
            Err(InputError::System("/proc"))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let fifo = dir.path().join("pipe.csv");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(status.success());
        assert!(matches!(
            open_regular(&fifo),
            Err(InputError::NotRegular("a named pipe (FIFO)"))
        ));
    }

    #[test]
    fn reads_are_bounded() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let file = dir.path().join("big");
        fs::write(&file, vec![b'x'; 100]).expect("write");
        assert_eq!(read_bounded(&file, 100, "x").expect("fits").len(), 100);
        assert!(matches!(
            read_bounded(&file, 99, "x"),
            Err(InputError::TooLarge { limit: 99, .. })
        ));
    }

    #[test]
    fn the_root_is_the_nearest_folder_with_git() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let repo = dir.path().join("repo");
        fs::create_dir_all(repo.join(".git")).expect("mkdir");
        fs::create_dir_all(repo.join("plans/deep")).expect("mkdir");
        let plan = repo.join("plans/deep/a.plan.toml");
        fs::write(&plan, "").expect("write");
        let real = fs::canonicalize(&repo).expect("exists");
        assert_eq!(root_of(&plan), real);
        let loose = dir.path().join("loose.plan.toml");
        fs::write(&loose, "").expect("write");
        assert_eq!(
            root_of(&loose),
            fs::canonicalize(dir.path()).expect("exists")
        );
        assert_eq!(root_of_folder(&repo.join("plans")), real);
        let plain = dir.path().join("plain");
        fs::create_dir_all(&plain).expect("mkdir");
        assert_eq!(
            root_of_folder(&plain),
            fs::canonicalize(&plain).expect("exists")
        );
    }

    #[test]
    fn confinement_follows_links() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let root = dir.path().join("root");
        fs::create_dir_all(&root).expect("mkdir");
        let inside = root.join("in.csv");
        let outside = dir.path().join("secret.csv");
        fs::write(&inside, "a\n").expect("write");
        fs::write(&outside, "a\n").expect("write");
        assert!(confine(&inside, &root).is_ok());
        assert!(matches!(
            confine(&root.join("../secret.csv"), &root),
            Err(Confinement::Outside { .. })
        ));
        #[cfg(unix)]
        {
            let link = root.join("link.csv");
            std::os::unix::fs::symlink(&outside, &link).expect("symlink");
            assert!(matches!(
                confine(&link, &root),
                Err(Confinement::Outside { .. })
            ));
        }
    }

    #[test]
    fn identity_sees_through_spelling() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let file = dir.path().join("a.csv");
        fs::write(&file, "x").expect("write");
        let other = dir.path().join(".").join("a.csv");
        assert_eq!(Identity::of(&file), Identity::of(&other));
        let planned = dir.path().join("new.txt");
        assert!(matches!(Identity::of(&planned), Some(Identity::Planned(_))));
        assert_eq!(
            Identity::of(&planned),
            Identity::of(&dir.path().join(".").join("new.txt"))
        );
        assert_eq!(Identity::of(&dir.path().join("no/such/folder")), None);
    }

    #[test]
    fn an_atomic_file_replaces_the_target_only_on_commit() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let target = dir.path().join("out.txt");
        fs::write(&target, "old").expect("write");
        let mut dropped = AtomicFile::create(&target).expect("create");
        dropped.write_all(b"half").expect("write");
        drop(dropped);
        assert_eq!(fs::read_to_string(&target).expect("read"), "old");
        let mut file = AtomicFile::create(&target).expect("create");
        file.write_all(b"new").expect("write");
        file.commit().expect("commit");
        assert_eq!(fs::read_to_string(&target).expect("read"), "new");
        let names: Vec<_> = fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(names.len(), 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn an_atomic_file_keeps_the_mode_of_the_file_it_replaces() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temporary folder");
        let target = dir.path().join("private.txt");
        fs::write(&target, "old").expect("write");
        fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).expect("chmod");
        let mut file = AtomicFile::create(&target).expect("create");
        file.write_all(b"new").expect("write");
        file.commit().expect("commit");
        let mode = fs::metadata(&target).expect("stat").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn outputs_may_not_be_inputs_or_each_other() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let plan = dir.path().join("a.plan.toml");
        fs::write(&plan, "").expect("write");
        let same = dir.path().join(".").join("a.plan.toml");
        let report = dir.path().join("report.txt");
        let inputs = [plan.as_path()];
        assert!(matches!(
            refuse_overwrite(&[("-o", Some(&same))], &inputs),
            Err(OverwriteError::Input { .. })
        ));
        assert!(matches!(
            refuse_overwrite(
                &[("-o", Some(&report)), ("--write-baseline", Some(&report))],
                &inputs
            ),
            Err(OverwriteError::Twice { .. })
        ));
        let dash = Path::new("-");
        assert!(refuse_overwrite(&[("-o", Some(dash)), ("-o", None)], &inputs).is_ok());
    }
}
