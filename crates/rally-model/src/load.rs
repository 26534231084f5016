//! Reading edition and plan files: JSON syntax and types, with the path of the first bad field.

use crate::error::{InputError, LoadError};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::io::Read;
use std::path::Path;

/// Reads a whole file, or standard input for `-`; text that is not UTF-8
/// is refused with the line, column and byte of the first bad byte.
pub fn read_source(path: &Path) -> Result<String, LoadError> {
    let file = path.display().to_string();
    let mut bytes = Vec::new();
    let result = if file == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    result.map_err(|source| LoadError::Io {
        file: file.clone(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|e| LoadError::Invalid {
        file,
        errors: vec![not_utf8(e.as_bytes(), e.utf8_error().valid_up_to())],
    })
}

/// Where the first byte that is not UTF-8 is, and the fix.
fn not_utf8(bytes: &[u8], at: usize) -> InputError {
    let before = &bytes[..at];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    // Characters, not bytes, before the bad byte on its line (all valid UTF-8).
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    InputError::new(
        format!("line {line} column {column}"),
        format!(
            "byte {at} (0x{:02X}) is not UTF-8; save the file as UTF-8 text",
            bytes[at]
        ),
    )
}

/// Parses JSON text into `T`; `prefix` is put before every path (`plan: `).
///
/// Syntax errors name the line and column; type errors name the JSON path.
/// A UTF-8 byte-order mark, as editors and spreadsheets write, is skipped.
/// Every record must be an object: fields by position (an array where the
/// format has an object, at the top or nested) are refused.
pub fn parse_json<T: DeserializeOwned + Serialize>(
    text: &str,
    prefix: &str,
) -> Result<T, InputError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('[') {
        return Err(InputError::new(
            format!("{prefix}(top level)"),
            "is an array; write a JSON object {…} with named fields (docs/formats.md)",
        ));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| describe(e, prefix))?;
    de.end().map_err(|e| {
        InputError::new(
            format!("{prefix}line {} column {}", e.line(), e.column()),
            "unexpected text after the end of the JSON document; remove it",
        )
    })?;
    by_name(text, &value, prefix)?;
    Ok(value)
}

/// serde accepts a record's fields by position (`[\"a\", 3]` for `{"id": "a",
/// "seats": 3}`), which nobody writes on purpose and which silently shifts
/// every field when one is added. Where the value read back is an object and
/// the text has an array, the text wrote a record by position: refused, with
/// its path.
fn by_name<T: Serialize>(text: &str, value: &T, prefix: &str) -> Result<(), InputError> {
    let (Ok(written), Ok(read)) = (
        serde_json::from_str::<Value>(text),
        serde_json::to_value(value),
    ) else {
        return Ok(());
    };
    match positional(&written, &read, String::new()) {
        None => Ok(()),
        Some(path) => Err(InputError::new(
            format!("{prefix}{path}"),
            "is an array; write a JSON object {…} with named fields (docs/formats.md)",
        )),
    }
}

/// The path of the first record written as an array, if any.
fn positional(written: &Value, read: &Value, path: String) -> Option<String> {
    match (written, read) {
        (Value::Array(_), Value::Object(_)) => Some(if path.is_empty() {
            "(top level)".into()
        } else {
            path
        }),
        (Value::Array(ws), Value::Array(rs)) => ws
            .iter()
            .zip(rs)
            .enumerate()
            .find_map(|(i, (w, r))| positional(w, r, format!("{path}[{i}]"))),
        (Value::Object(ws), Value::Object(rs)) => ws.iter().find_map(|(k, w)| {
            let r = rs.get(k)?;
            let at = if path.is_empty() {
                k.clone()
            } else {
                format!("{path}.{k}")
            };
            positional(w, r, at)
        }),
        _ => None,
    }
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
    let msg = too_large(&msg).unwrap_or(msg);
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

/// When a whole number (perhaps written `1e29`) is too large for its field,
/// the message that says so, with the largest accepted.
fn too_large(msg: &str) -> Option<String> {
    let (_, rest) = msg.split_once('`')?;
    let (number, rest) = rest.split_once('`')?;
    let expected = rest.rsplit(' ').next()?;
    let max: u64 = match expected {
        "u8" => u8::MAX.into(),
        "u16" => u16::MAX.into(),
        "u32" => u32::MAX.into(),
        "u64" => u64::MAX,
        _ => return None,
    };
    let value: f64 = number.parse().ok()?;
    (value.fract() == 0.0 && value >= max as f64 + 1.0).then(|| {
        format!(
            "{number} is a whole number too large for this field; the largest accepted is {max}"
        )
    })
}

/// serde_json appends " at line L column C"; the position is reported separately.
fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// Reads and parses a file into `T`, reporting problems against `file`.
pub fn load_json<T: DeserializeOwned + Serialize>(
    path: &Path,
    prefix: &str,
) -> Result<T, LoadError> {
    let text = read_source(path)?;
    parse_json(&text, prefix).map_err(|e| LoadError::Invalid {
        file: path.display().to_string(),
        errors: vec![e],
    })
}
