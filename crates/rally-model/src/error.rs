//! Bad input: every problem found, each named by its JSON path.

use std::fmt;

/// One problem in an input file: where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    /// JSON path of the field, e.g. `workshops[3].organisers[1]`, or `line 4 column 7`.
    pub path: String,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl InputError {
    /// A problem at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        InputError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Why a file could not be used: all the problems found in it.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{file}: cannot read: {source}")]
    Io {
        /// The file, as the user named it.
        file: String,
        /// What the system said.
        #[source]
        source: std::io::Error,
    },
    /// The file was read but is not acceptable input.
    #[error("{file}: {} problem(s):\n{}", .errors.len(), list(.errors))]
    Invalid {
        /// The file, as the user named it.
        file: String,
        /// Every problem found, each with its path.
        errors: Vec<InputError>,
    },
}

impl LoadError {
    /// The problems, as a list (one `Io` problem becomes a single entry).
    pub fn errors(&self) -> Vec<InputError> {
        match self {
            LoadError::Io { source, .. } => vec![InputError::new("", source.to_string())],
            LoadError::Invalid { errors, .. } => errors.clone(),
        }
    }
}

fn list(errors: &[InputError]) -> String {
    errors
        .iter()
        .map(|e| format!("  - {e}"))
        .collect::<Vec<_>>()
        .join("\n")
}
