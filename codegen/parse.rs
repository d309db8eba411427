//! Reads each catalogue file into its model, turning every read or YAML error into a located
//! diagnostic. All files are read before any error is returned, so one run reports them all.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;

use super::diagnostic::{Diagnostic, Diagnostics};
use super::model::Catalogue;

/// Parses every file of the catalogue.
pub fn catalogue(files: &BTreeMap<String, Vec<u8>>) -> Result<Catalogue, Diagnostics> {
    let mut diags = Diagnostics::default();
    let page = file(files, "page.yaml", &mut diags);
    let sources = list(files, "sources.yaml", &mut diags);
    let classes = list(files, "classes.yaml", &mut diags);
    let targets = list(files, "targets.yaml", &mut diags);
    let routes = list(files, "routes.yaml", &mut diags);
    let uses = list(files, "uses.yaml", &mut diags);
    let drugs = list(files, "drugs.yaml", &mut diags);
    let regimens = list(files, "regimens.yaml", &mut diags);
    match (
        page, sources, classes, targets, routes, uses, drugs, regimens,
    ) {
        (
            Some(page),
            Some(sources),
            Some(classes),
            Some(targets),
            Some(routes),
            Some(uses),
            Some(drugs),
            Some(regimens),
        ) if diags.is_empty() => Ok(Catalogue {
            page,
            sources,
            classes,
            targets,
            routes,
            uses,
            drugs,
            regimens,
        }),
        _ => Err(diags),
    }
}

/// A file holding a list of entries; an empty list is an error, since every kind is needed.
fn list<T: DeserializeOwned>(
    files: &BTreeMap<String, Vec<u8>>,
    name: &str,
    diags: &mut Diagnostics,
) -> Option<Vec<T>> {
    let entries: Vec<T> = file(files, name, diags)?;
    if entries.is_empty() {
        diags.push(
            Diagnostic::at(name, 1, 1, "file has no entries")
                .hint("every file of the catalogue lists at least one entry"),
        );
        return None;
    }
    Some(entries)
}

/// One file, read as UTF-8 YAML into `T`.
fn file<T: DeserializeOwned>(
    files: &BTreeMap<String, Vec<u8>>,
    name: &str,
    diags: &mut Diagnostics,
) -> Option<T> {
    let Some(bytes) = files.get(name) else {
        diags.push(Diagnostic::at(name, 1, 1, "file is missing").hint(format!(
            "the catalogue needs all of {}",
            super::FILES.join(", ")
        )));
        return None;
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (line, column) = position(bytes, e.valid_up_to());
            let byte = bytes.get(e.valid_up_to()).copied().unwrap_or_default();
            diags.push(
                Diagnostic::at(name, line, column, "file is not UTF-8").hint(format!(
                    "byte 0x{byte:02X} starts no UTF-8 character; save the file as UTF-8"
                )),
            );
            return None;
        }
    };
    if text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
    {
        diags.push(
            Diagnostic::at(name, 1, 1, "file is empty")
                .hint("it holds no YAML, only blank lines or comments"),
        );
        return None;
    }
    match serde_saphyr::from_str_with_options::<T>(text, quick_options())
        .or_else(|_| serde_saphyr::from_str::<T>(text))
    {
        Ok(value) => Some(value),
        Err(e) => {
            diags.push(yaml_error(name, text, &e));
            None
        }
    }
}

/// The options of a first, quicker read. serde-saphyr's check for repeated keys (a set of the
/// keys seen in every mapping) is 6% of the build script's instructions in the debug profile.
/// Every mapping of the catalogue is a struct with `deny_unknown_fields` (model.rs), so serde
/// rejects a repeated key anyway, as a repeated or unknown field; merge keys (`<<`), which need
/// that set, are refused. A file this read rejects is read again with the default options, whose
/// errors the diagnostics are written for: the quick read changes nothing that is accepted, and no
/// error.
fn quick_options() -> serde_saphyr::Options {
    serde_saphyr::options! {
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::PassThrough,
        merge_keys: serde_saphyr::MergeKeyPolicy::Error,
    }
}

/// Turns serde-saphyr's error into a diagnostic that says what is wrong in the catalogue's terms and
/// points at the mistake rather than at the place the parser gave up.
fn yaml_error(name: &str, text: &str, error: &serde_saphyr::Error) -> Diagnostic {
    use serde_saphyr::Error;
    let error = error.without_snippet();
    let (line, column) = error
        .location()
        .map(|l| (l.line(), l.column()))
        .unwrap_or((1, 1));
    let at = |message: String| Diagnostic::at(name, line, column, message);
    match error {
        Error::DuplicateMappingKey { key, .. } => {
            let message = match key {
                Some(key) => format!("duplicate key `{key}` in one mapping"),
                None => "duplicate key in one mapping".to_string(),
            };
            at(message).hint("the second value would silently replace the first; keep one")
        }
        Error::SerdeMissingField { field, .. } => {
            let (line, column) = mapping_start(text, line, column);
            Diagnostic::at(name, line, column, format!("missing field `{field}`"))
                .hint(format!("the mapping that starts here needs `{field}`"))
        }
        Error::SerdeUnknownField { .. } => {
            at(first_line(error)).hint("check the spelling of the key")
        }
        Error::Unexpected { expected, .. } => {
            let (expected, hint) = if expected.contains("sequence") {
                (
                    "a list",
                    "write a list as `[a, b]` or as one `- item` a line",
                )
            } else if expected.contains("mapping") {
                (
                    "a mapping",
                    "write a mapping as `key: value` lines, indented below its key",
                )
            } else if expected.contains("string") || expected.contains("scalar") {
                (
                    "a single value",
                    "write one value after the colon, without brackets",
                )
            } else {
                return at(first_line(error));
            };
            at(format!(
                "expected {expected}, found {}",
                found(text, line, column)
            ))
            .hint(hint)
        }
        Error::InvalidScalar { ty, .. } => {
            let expected = match *ty {
                "boolean" | "bool" => "`true` or `false`",
                ty if ty.starts_with('u') => "a whole number, 0 or more",
                ty if ty.starts_with('i') => "a whole number",
                _ => "a number",
            };
            at(format!(
                "expected {expected}, found {}",
                found(text, line, column)
            ))
        }
        Error::NullIntoString { .. } => at("expected text, found nothing".to_string())
            .hint("write a value after the colon, or remove the key"),
        Error::MultipleDocuments { .. } => {
            // serde-saphyr points at the second document's first node; the `---` before it is the mistake.
            let marker = (1..=line)
                .rev()
                .find(|l| line_of(text, *l).starts_with("---"));
            Diagnostic::at(name, marker.unwrap_or(line), 1, "a second YAML document starts here")
                .hint("each catalogue file is one YAML document; remove the `---` line and what follows, or merge it into the list")
        }
        _ => {
            let message = first_line(error);
            if message
                .split(|c: char| !c.is_ascii_alphabetic())
                .any(|w| w == "tab" || w == "tabs")
            {
                let (line, column) = tab_indentation(text, line).unwrap_or((line, column));
                return Diagnostic::at(name, line, column, "tab in indentation")
                    .hint("indent with spaces; YAML does not allow tabs for indentation");
            }
            match unclosed_bracket(text, line, column) {
                Some((open_line, open_column, bracket)) => {
                    let (close, kind) = if bracket == '[' {
                        (']', "list")
                    } else {
                        ('}', "mapping")
                    };
                    Diagnostic::at(name, open_line, open_column, format!("`{bracket}` is never closed"))
                        .hint(format!(
                            "close the {kind} with `{close}` on this line; the YAML parser read on and stopped at line {line}, column {column}: {message}"
                        ))
                }
                None => at(message),
            }
        }
    }
}

/// serde-saphyr's message: its first line, without its own "at line L, column C".
fn first_line(error: &serde_saphyr::Error) -> String {
    let message = error.to_string();
    let message = message.lines().next().unwrap_or_default();
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// The text of a 1-based line.
fn line_of(text: &str, line: u64) -> &str {
    usize::try_from(line.saturating_sub(1))
        .ok()
        .and_then(|i| text.lines().nth(i))
        .unwrap_or_default()
}

/// What is written from a 1-based character column to the end of its line, without a comment.
fn rest_of_line(text: &str, line: u64, column: u64) -> &str {
    let line = line_of(text, line);
    let skip = usize::try_from(column.saturating_sub(1)).unwrap_or(usize::MAX);
    let rest = line
        .char_indices()
        .nth(skip)
        .map_or("", |(i, _)| &line[i..]);
    let rest = match rest.find(" #") {
        Some(i) => &rest[..i],
        None => rest,
    };
    rest.trim()
}

/// A short description of the YAML written at a place, for "expected X, found Y".
fn found(text: &str, line: u64, column: u64) -> String {
    let rest = rest_of_line(text, line, column);
    if rest.is_empty() {
        "nothing".to_string()
    } else if rest.starts_with('[') || rest == "-" || rest.starts_with("- ") {
        "a list".to_string()
    } else if rest.starts_with('{')
        || (!rest.starts_with(['"', '\'']) && (rest.ends_with(':') || rest.contains(": ")))
    {
        "a mapping".to_string()
    } else {
        let shown: String = rest.chars().take(40).collect();
        if shown.len() < rest.len() {
            format!("`{shown}...`")
        } else {
            format!("`{shown}`")
        }
    }
}

/// Where the mapping holding the key at `line`:`column` begins. serde reports a missing field at the
/// mapping's last key; the mistake is better shown at its first: the `- ` entry that starts it, the
/// first key below its parent key, or the `{` of a flow mapping.
fn mapping_start(text: &str, line: u64, column: u64) -> (u64, u64) {
    let Ok(key_indent) = usize::try_from(column.saturating_sub(1)) else {
        return (line, column);
    };
    let here = line_of(text, line);
    let before: String = here.chars().take(key_indent).collect();
    if let Some(brace) = before.rfind('{') {
        return (line, before[..brace].chars().count() as u64 + 1);
    }
    let mut start = (line, column);
    for l in (1..=line).rev() {
        let text_line = line_of(text, l);
        let trimmed = text_line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = text_line.chars().take_while(|c| *c == ' ').count();
        let prefix: String = text_line.chars().take(key_indent).collect();
        let at_column = text_line.chars().nth(key_indent).is_some_and(|c| c != ' ');
        if at_column
            && prefix.chars().count() == key_indent
            && prefix.chars().all(|c| c == ' ' || c == '-')
        {
            start = (l, column);
            if prefix.contains('-') {
                break;
            }
        } else if indent < key_indent {
            break;
        }
    }
    start
}

/// The first tab in a line's indentation at or after `line`: where a tab error really is.
fn tab_indentation(text: &str, line: u64) -> Option<(u64, u64)> {
    let skip = usize::try_from(line.saturating_sub(1)).ok()?;
    text.lines().enumerate().skip(skip).find_map(|(i, l)| {
        let indent: Vec<char> = l.chars().take_while(|c| c.is_whitespace()).collect();
        let tab = indent.iter().position(|c| *c == '\t')?;
        Some((i as u64 + 1, tab as u64 + 1))
    })
}

/// A `[` or `{` opened on a line before `line` and never closed: the usual cause of a YAML error
/// reported further down. Returns its line, column and character.
fn unclosed_bracket(text: &str, line: u64, column: u64) -> Option<(u64, u64, char)> {
    let unclosed = open_brackets(text);
    unclosed
        .into_iter()
        .find(|(l, c, _)| *l < line || (*l == line && *c < column))
        .filter(|(l, _, _)| *l < line)
}

/// The flow brackets still open at the end of `text`, outermost first, found by a light scan that
/// knows quotes, comments and block scalars. Used only to explain an error, so it may be rough.
fn open_brackets(text: &str) -> Vec<(u64, u64, char)> {
    let mut stack: Vec<(u64, u64, char)> = Vec::new();
    // Inside a block scalar (`|` or `>`): the indentation of the line that introduced it.
    let mut block: Option<usize> = None;
    let mut quote: Option<char> = None;
    for (index, line) in text.lines().enumerate() {
        let number = index as u64 + 1;
        let indent = line.chars().take_while(|c| *c == ' ').count();
        if let Some(parent) = block {
            if line.trim().is_empty() || indent > parent {
                continue;
            }
            block = None;
        }
        // Whether the next character starts a value: at the line's start or after an indicator.
        let mut value_start = true;
        let mut previous = ' ';
        let mut chars = line.chars().enumerate().peekable();
        while let Some((i, c)) = chars.next() {
            let column = i as u64 + 1;
            let after = std::mem::replace(&mut previous, c);
            match quote {
                Some('\'') if c == '\'' => {
                    if chars.peek().is_some_and(|(_, n)| *n == '\'') {
                        chars.next();
                    } else {
                        quote = None;
                    }
                    continue;
                }
                Some('"') if c == '\\' => {
                    chars.next();
                    continue;
                }
                Some('"') if c == '"' => {
                    quote = None;
                    continue;
                }
                Some(_) => continue,
                None => {}
            }
            let in_flow = !stack.is_empty();
            match c {
                ' ' => continue,
                '#' if after == ' ' => break,
                '\'' | '"' if value_start => quote = Some(c),
                '[' | '{' if value_start || in_flow => stack.push((number, column, c)),
                ']' | '}' if in_flow => {
                    let opening = if c == ']' { '[' } else { '{' };
                    if stack.last().is_some_and(|(_, _, o)| *o == opening) {
                        stack.pop();
                    }
                }
                '|' | '>' if value_start && !in_flow => {
                    block = Some(indent);
                    break;
                }
                _ => {}
            }
            value_start = matches!(c, ':' | '-' | '?') || (in_flow && matches!(c, ',' | '[' | '{'));
        }
    }
    stack
}

/// 1-based line and column (in characters, as serde-saphyr counts them) of a byte offset.
fn position(bytes: &[u8], offset: usize) -> (u64, u64) {
    let before = bytes.get(..offset).unwrap_or(bytes);
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line as u64, column as u64)
}
