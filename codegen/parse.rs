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
    match (page, sources, classes, targets, routes, uses, drugs, regimens) {
        (Some(page), Some(sources), Some(classes), Some(targets), Some(routes), Some(uses), Some(drugs), Some(regimens))
            if diags.is_empty() =>
        {
            Ok(Catalogue {
                page,
                sources,
                classes,
                targets,
                routes,
                uses,
                drugs,
                regimens,
            })
        }
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
        diags.push(Diagnostic::at(name, 1, 1, "file has no entries").hint("every file of the catalogue lists at least one entry"));
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
        diags.push(
            Diagnostic::at(name, 1, 1, "file is missing")
                .hint(format!("the catalogue needs all of {}", super::FILES.join(", "))),
        );
        return None;
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (line, column) = position(bytes, e.valid_up_to());
            diags.push(
                Diagnostic::at(name, line, column, "file is not UTF-8")
                    .hint(format!("byte 0x{:02X} starts no UTF-8 character; save the file as UTF-8", bytes[e.valid_up_to()])),
            );
            return None;
        }
    };
    if text.lines().all(|l| l.trim().is_empty() || l.trim_start().starts_with('#')) {
        diags.push(Diagnostic::at(name, 1, 1, "file is empty").hint("it holds no YAML, only blank lines or comments"));
        return None;
    }
    match serde_saphyr::from_str::<T>(text) {
        Ok(value) => Some(value),
        Err(e) => {
            let (line, column) = e
                .location()
                .map(|l| (l.line(), l.column()))
                .unwrap_or((1, 1));
            diags.push(yaml_error(name, line, column, &e.without_snippet().to_string()));
            None
        }
    }
}

/// serde-saphyr's message, without its own "at line L, column C" and with a hint where one helps.
fn yaml_error(name: &str, line: u64, column: u64, message: &str) -> Diagnostic {
    let message = message.lines().next().unwrap_or(message);
    let message = match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    };
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest.split(',').next().unwrap_or(rest).trim();
        return Diagnostic::at(name, line, column, format!("duplicate key `{key}` in one mapping"))
            .hint("the second value would silently replace the first; keep one");
    }
    let diagnostic = Diagnostic::at(name, line, column, message);
    if message.contains("tab") {
        diagnostic.hint("indent with spaces; YAML does not allow tabs for indentation")
    } else if message.starts_with("unknown field") {
        diagnostic.hint("check the spelling of the key")
    } else {
        diagnostic
    }
}

/// 1-based line and column of a byte offset.
fn position(bytes: &[u8], offset: usize) -> (u64, u64) {
    let before = &bytes[..offset];
    let line = before.iter().filter(|b| **b == b'\n').count() + 1;
    let column = before.iter().rev().take_while(|b| **b != b'\n').count() + 1;
    (line as u64, column as u64)
}
