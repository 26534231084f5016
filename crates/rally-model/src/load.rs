//! Reading edition and plan files: JSON syntax and types, with the path of the first bad field.

use crate::error::{InputError, LoadError};
use serde::de::DeserializeOwned;
use std::io::Read;
use std::path::Path;

/// Reads a whole file, or standard input for `-`.
pub fn read_source(path: &Path) -> Result<String, LoadError> {
    let file = path.display().to_string();
    let mut text = String::new();
    let result = if file == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    result.map_err(|source| LoadError::Io { file, source })?;
    Ok(text)
}

/// Parses JSON text into `T`; `prefix` is put before every path (`plan: `).
///
/// Syntax errors name the line and column; type errors name the JSON path.
pub fn parse_json<T: DeserializeOwned>(text: &str, prefix: &str) -> Result<T, InputError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| describe(e, prefix))?;
    de.end().map_err(|e| {
        InputError::new(
            format!("{prefix}line {} column {}", e.line(), e.column()),
            "unexpected text after the end of the JSON document; remove it",
        )
    })?;
    Ok(value)
}

fn describe(e: serde_path_to_error::Error<serde_json::Error>, prefix: &str) -> InputError {
    let path = e.path().to_string();
    let inner = e.into_inner();
    if inner.is_syntax() || inner.is_eof() || inner.is_io() {
        return InputError::new(
            format!("{prefix}line {} column {}", inner.line(), inner.column()),
            format!("not valid JSON: {}", strip_position(&inner.to_string())),
        );
    }
    let msg = strip_position(&inner.to_string());
    // A missing field is named by its own path, not its parent's.
    let missing = msg
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(field, _)| field);
    let path = match (path.as_str(), missing) {
        (".", Some(field)) => field.to_string(),
        (".", None) => "(top level)".to_string(),
        (_, Some(field)) => format!("{path}.{field}"),
        (_, None) => path,
    };
    let fix = if msg.starts_with("unknown field") {
        "; remove it or correct its spelling (docs/formats.md#edition lists the fields)"
    } else if msg.starts_with("missing field") {
        "; add it (docs/formats.md#edition and #plan say which fields are required)"
    } else if msg.contains("expected u32") {
        "; write a whole number, 0 or more (e.g. 30, not 30.0, \"30\" or -1)"
    } else {
        ""
    };
    InputError::new(
        format!("{prefix}{path}"),
        format!(
            "{msg}{fix} (line {} column {})",
            inner.line(),
            inner.column()
        ),
    )
}

/// serde_json appends " at line L column C"; the position is reported separately.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// Reads and parses a file into `T`, reporting problems against `file`.
pub fn load_json<T: DeserializeOwned>(path: &Path, prefix: &str) -> Result<T, LoadError> {
    let text = read_source(path)?;
    parse_json(&text, prefix).map_err(|e| LoadError::Invalid {
        file: path.display().to_string(),
        errors: vec![e],
    })
}
