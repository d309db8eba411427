//! Drug names inside a line: the longest run of words that the resolver knows, so that a name of
//! several words ("acetylsalicylic acid") or with a hyphen ("VP-16") is found whole.

use super::lexer::{token_bit, TokenKind, Tokens};
use super::{Medication, MedicationError};
use crate::resolve::{
    drug_of_text, drug_or_miss_of_folded, lookup, may_begin_key, named_of_folded, Expected, Named,
    ParseError,
};
use crate::Drug;

/// The most words a drug name is tried with ("acetylsalicylic acid", "Darzalex Faspro",
/// "daratumumab and hyaluronidase").
pub(crate) const MAX_NAME_WORDS: usize = 4;

/// How many tokens from `i` continue a name that ends at token `i - 1`: a word after whitespace (1),
/// or a hyphen touching both it and the word or number after it (2); 0 when the name ends there.
fn continues(tokens: &Tokens<'_>, i: usize) -> usize {
    if tokens.is_word(i) {
        return 1;
    }
    let touching = tokens.glued(i) && i > 0 && tokens.glued(i - 1);
    if tokens.is_mark::<'-'>(i) && touching && (tokens.is_word(i + 1) || tokens.is_number(i + 1)) {
        return 2;
    }
    0
}

/// The end of the run of name tokens that starts with the word at `i`: words joined by whitespace or
/// a touching hyphen, up to the first token for which `stop` holds.
pub(crate) fn run_end(tokens: &Tokens<'_>, i: usize, stop: impl Fn(usize) -> bool) -> usize {
    if !tokens.is_word(i) || stop(i) {
        return i;
    }
    run_after(tokens, i, stop)
}

/// [`run_end`] of a run whose first token `i` is known to be a word for which `stop` does not hold.
pub(crate) fn run_after(tokens: &Tokens<'_>, i: usize, stop: impl Fn(usize) -> bool) -> usize {
    let mut end = i + 1;
    loop {
        let n = continues(tokens, end);
        if n == 0 || stop(end + n - 1) {
            return end;
        }
        end += n;
    }
}

/// The drug named by tokens `start..end` whole (`start < end`), if they hold at most
/// [`MAX_NAME_WORDS`] words and numbers and end with one: what the longest name that
/// [`drug_at`] finds from `start` by `end` is when it must end at `end`, as a bracketed
/// name or a named ingredient must, without looking up the shorter names it would try next.
#[inline(never)]
pub(crate) fn drug_named(tokens: &Tokens<'_>, start: usize, end: usize) -> Option<Drug> {
    let token = tokens.get(start)?;
    // One word that the lexer folded: looked up by its key, as `drug_at` does.
    if end == start + 1 && token.plain {
        return drug_or_miss_of_folded(tokens.folded(start), token.span.len()).ok();
    }
    let not_mark = |at: usize| matches!(tokens.get(at), Some(t) if t.kind != TokenKind::Mark);
    if !not_mark(end - 1) || (start..end).filter(|&at| not_mark(at)).count() > MAX_NAME_WORDS {
        return None;
    }
    if begins_no_name(tokens, start) {
        return None;
    }
    drug_of_text(tokens.span_bytes(tokens.span(start, end)))
}

/// Whether word `start` is a folded word that begins no key of the name table, so that it names
/// nothing, alone or with the words after it.
#[inline(always)]
fn begins_no_name(tokens: &Tokens<'_>, start: usize) -> bool {
    matches!(tokens.get(start), Some(token)
        if token.plain && !may_begin_key(tokens.folded(start), token.span.len()))
}

/// The longest drug name that starts at token `start` and ends by `end`, with the index of the token
/// after it. Names of up to [`MAX_NAME_WORDS`] words are tried, longest first. Inlined where a
/// line's names are read (nearly every line names its drug there), its only caller. A miss tells
/// whether the word at `start` alone is known to name nothing (`Err(true)`), which
/// [`unknown_drug`] then does not ask again.
#[inline(always)]
pub(crate) fn drug_at(
    tokens: &Tokens<'_>,
    start: usize,
    end: usize,
) -> Result<(Drug, usize), bool> {
    // Most names are one word that the lexer folded (see below): looked up here, without the
    // candidates' bookkeeping.
    if end == start + 1 {
        if let Some(token) = tokens.get(start).filter(|t| t.plain) {
            return drug_or_miss_of_folded(tokens.folded(start), token.span.len())
                .map(|drug| (drug, end));
        }
    }
    drug_among(tokens, start, end)
}

/// [`drug_at`], trying every candidate.
#[inline(never)]
fn drug_among(tokens: &Tokens<'_>, start: usize, end: usize) -> Result<(Drug, usize), bool> {
    // Known without a lookup, before the candidates are gathered.
    if begins_no_name(tokens, start) {
        return Err(true);
    }
    let mut ends = [0usize; MAX_NAME_WORDS];
    let mut count = 0;
    let mut at = start;
    while at < end && count < MAX_NAME_WORDS {
        if matches!(tokens.get(at), Some(t) if t.kind != TokenKind::Mark) {
            ends[count] = at + 1;
            count += 1;
        }
        at += 1;
    }
    // Whether the word at `start` alone is known to name nothing.
    let mut unnamed = false;
    for &candidate in ends[..count].iter().rev() {
        let span = tokens.span(start, candidate);
        // A word of one token is looked up by the key the lexer folded, without folding it again
        // (its span is its text, which falls on character boundaries).
        let drug = match tokens.get(start) {
            Some(token) if token.plain && candidate == start + 1 => {
                match drug_or_miss_of_folded(tokens.folded(start), span.len()) {
                    Ok(drug) => Some(drug),
                    Err(nothing) => {
                        unnamed = nothing;
                        None
                    }
                }
            }
            _ => drug_of_text(tokens.span_bytes(span)),
        };
        if let Some(drug) = drug {
            return Ok((drug, candidate));
        }
    }
    Err(unnamed)
}

/// The error for a line whose words name no catalogue drug: a word of the first run of unknown words
/// (`run`, token indices) that names several entries (`LMWH`) is reported as ambiguous, with what
/// it may mean; otherwise the unresolved text is the run's longest word, since drug names are long
/// and the words around them short ("Take lenalidomid"). Suggestions are left to
/// [`ParseError::suggestions`], which finds them when asked: a line that misses costs no more than
/// one that hits. Words known to name nothing (`unnamed`, a bit per token, from
/// [`drug_at`]'s misses) are not looked up again. Written to `result` here, where the
/// error is made: returned, it was copied out two bytes along, loads that waited for the stores
/// that had just written it (perf).
pub(crate) fn unknown_drug(
    tokens: &Tokens<'_>,
    run: (usize, usize),
    unnamed: u64,
    result: &mut Result<Medication<'_>, MedicationError>,
) {
    let (start, end) = run;
    let looked_up = |i: usize| unnamed & token_bit(i) != 0;
    for i in (start..end).filter(|&i| tokens.is_word(i) && !looked_up(i)) {
        let word = tokens.text(i);
        // A word the lexer folded is looked up by its key, as `drug_at` did, not folded again.
        let named = match tokens.get(i) {
            Some(token) if token.plain => named_of_folded(tokens.folded(i), token.span.len()),
            _ => lookup(word),
        };
        if let Some(Named::Ambiguous(candidates)) = named {
            let error = ParseError::ambiguous(Expected::Drug, tokens.input, word, candidates);
            *result = Err(MedicationError::UnknownDrug(error));
            return;
        }
    }
    let mut longest = start;
    for i in start..end {
        // A token's span is its text (it falls on character boundaries): its length is the text's.
        if tokens.is_word(i)
            && tokens.span(i, i + 1).len() > tokens.span(longest, longest + 1).len()
        {
            longest = i;
        }
    }
    let range = tokens.span(longest, longest + 1).range();
    let error = ParseError::at(Expected::Drug, tokens.input, range);
    *result = Err(MedicationError::UnknownDrug(error));
}

#[cfg(test)]
mod tests {
    use super::super::lexer::lex;
    use crate::resolve::{drug_or_miss_of_folded, lookup, may_begin_key, named_of_folded};
    use crate::Drug;

    /// The lexer folds a plain word as the resolver folds a name, so that the lookups by its folded
    /// key find what `Drug::from_name` and `lookup` find, and the first word of a name of several
    /// words may begin a key (the shortcut that skips names starting with a word that begins none).
    #[test]
    fn a_folded_word_finds_what_its_text_finds() {
        let mut plain_words = 0;
        for &drug in Drug::ALL {
            let names = [drug.generic_name()]
                .into_iter()
                .chain(drug.brand_names().iter().copied())
                .chain(drug.aliases().iter().map(|a| a.name));
            for name in names {
                let mut upper = [0u8; 64];
                let Some(upper) = upper.get_mut(..name.len()) else {
                    continue;
                };
                upper.copy_from_slice(name.as_bytes());
                upper.make_ascii_uppercase();
                for text in [name, core::str::from_utf8(upper).unwrap()] {
                    let tokens = lex(text);
                    let Some(first) = tokens.get(0) else { continue };
                    if !first.plain {
                        continue;
                    }
                    let (folded, len) = (tokens.folded(0), first.span.len());
                    assert!(may_begin_key(folded, len), "{text:?}");
                    if tokens.as_slice().len() == 1 {
                        plain_words += 1;
                        assert_eq!(
                            drug_or_miss_of_folded(folded, len).ok(),
                            Drug::from_name(text),
                            "{text:?}"
                        );
                        assert_eq!(named_of_folded(folded, len), lookup(text), "{text:?}");
                    }
                }
            }
        }
        assert!(plain_words > 100, "{plain_words}");
    }
}
