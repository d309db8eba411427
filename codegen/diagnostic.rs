//! Build errors that say what is wrong and where: `catalogue/drugs.yaml:12:7: error: what (hint)`.

use std::fmt;

use serde_saphyr::Spanned;

/// One problem in the catalogue, located at a file, line and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The file as written in messages, such as `catalogue/drugs.yaml`.
    pub file: String,
    pub line: u64,
    pub column: u64,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A problem at a given line and column of `file` (a file name inside `catalogue/`). Lines and
    /// columns count from 1; an unknown place (0) is shown as the file's start.
    pub fn at(file: &str, line: u64, column: u64, message: impl Into<String>) -> Self {
        Diagnostic {
            file: format!("catalogue/{file}"),
            line: line.max(1),
            column: column.max(1),
            message: message.into(),
            hint: None,
        }
    }

    /// A problem at the place a spanned value was written.
    pub fn spanned<T>(file: &str, value: &Spanned<T>, message: impl Into<String>) -> Self {
        Self::at(
            file,
            value.referenced.line(),
            value.referenced.column(),
            message,
        )
    }

    /// Adds the text shown in parentheses after the message.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Adds "did you mean" when a close candidate exists.
    pub fn suggest(self, suggestion: Option<&str>) -> Self {
        match suggestion {
            Some(s) => self.hint(format!("did you mean `{s}`?")),
            None => self,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: error: {}",
            self.file, self.line, self.column, self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, " ({hint})")?;
        }
        Ok(())
    }
}

/// Every problem found in one run, in file and line order.
#[derive(Debug, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sorted and without exact repeats, so the report reads top to bottom.
    pub fn into_sorted(mut self) -> Vec<Diagnostic> {
        self.0.sort();
        self.0.dedup();
        self.0
    }
}

/// Renders diagnostics one per line, as the build prints them.
pub fn render(diagnostics: &[Diagnostic]) -> String {
    diagnostics.iter().map(|d| format!("{d}\n")).collect()
}
