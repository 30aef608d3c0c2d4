//! The crate's error type.

use std::fmt;
use std::path::PathBuf;

/// Everything that can go wrong when building an [`Extractor`](crate::Extractor).
///
/// Extraction itself never fails: any text gives an [`Extraction`](crate::Extraction).
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// A file or folder could not be read.
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A gazetteer file has a bad line.
    Gazetteer {
        /// The file, as a path for a user's folder or the file name for embedded data.
        file: String,
        /// The line number, from 1 (0 when the whole file is at fault).
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Io { path, source } => write!(f, "{}: {}", path.display(), source),
            Error::Gazetteer {
                file,
                line: 0,
                reason,
            } => write!(f, "{file}: {reason}"),
            Error::Gazetteer { file, line, reason } => write!(f, "{file}:{line}: {reason}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            Error::Gazetteer { .. } => None,
        }
    }
}
