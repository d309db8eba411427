//! The README is the crate's front page on GitHub and crates.io, and (up to the line that ends the
//! crate's documentation, see build.rs) on docs.rs: its links must work in both places, and its
//! code must read well where rustdoc's hidden lines are shown.

use std::collections::BTreeSet;

const README: &str = include_str!("../README.md");
const END_OF_CRATE_DOCS: &str = "<!-- The crate's documentation (docs.rs) ends here";

/// `[`Name`]` links in the text, outside code blocks and link definitions.
fn links(text: &str) -> BTreeSet<&str> {
    let mut found = BTreeSet::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code || line.starts_with("[`") && line.contains("`]: ") {
            continue;
        }
        let mut rest = line;
        while let Some(start) = rest.find("[`") {
            let tail = &rest[start + 1..];
            match tail.find("`]") {
                // A link, not the first half of `[`text`](url)`.
                Some(end) if !tail[end + 2..].starts_with('(') => {
                    found.insert(&tail[..end + 1]);
                    rest = &tail[end + 2..];
                }
                Some(end) => rest = &tail[end + 2..],
                None => break,
            }
        }
    }
    found
}

/// `[`Name`]: url` definitions.
fn definitions(text: &str) -> Vec<(&str, &str)> {
    text.lines()
        .filter_map(|line| line.strip_prefix('[')?.split_once("]: "))
        .collect()
}

#[test]
fn every_link_has_a_definition_for_github_and_crates_io() {
    let defined: BTreeSet<&str> = definitions(README).iter().map(|(name, _)| *name).collect();
    let used = links(README);
    let undefined: Vec<_> = used.difference(&defined).collect();
    let unused: Vec<_> = defined.difference(&used).collect();
    assert!(
        undefined.is_empty() && unused.is_empty(),
        "links without a definition at the end of README.md: {undefined:?}; \
         definitions no link uses: {unused:?}"
    );
    for (name, url) in definitions(README) {
        assert!(
            url.starts_with("https://docs.rs/myeloma/latest/myeloma/"),
            "{name} points outside the crate's docs: {url}"
        );
    }
}

#[test]
fn the_crate_docs_leave_out_the_readme_only_sections_and_the_definitions() {
    let end = README
        .find(END_OF_CRATE_DOCS)
        .expect("README.md marks where the crate's documentation ends");
    let (docs, rest) = README.split_at(end);
    assert!(
        definitions(docs).is_empty(),
        "link definitions belong after the crate's documentation, so rustdoc resolves the links"
    );
    for section in ["## Cost of the build", "## Development"] {
        assert!(!docs.contains(section), "{section} is in the crate docs");
        assert!(
            rest.contains(section),
            "{section} is missing from README.md"
        );
    }
}

#[test]
fn no_hidden_doctest_lines_show_on_github() {
    let (mut in_code, mut in_rust) = (false, false);
    for (number, line) in README.lines().enumerate() {
        if let Some(info) = line.strip_prefix("```") {
            in_rust = !in_code && (info.is_empty() || info.starts_with("rust"));
            in_code = !in_code;
            continue;
        }
        let code = line.trim_start();
        assert!(
            !(in_rust && (code == "#" || code.starts_with("# "))),
            "README.md:{}: a hidden doctest line shows on GitHub: {line}",
            number + 1
        );
    }
}
