//! Reading a whole line: tokens are taken left to right as strengths, schedule words, routes, forms,
//! bracketed brands and drug names; whatever none of them takes is kept as unparsed text.

mod dose;

use core::cell::Cell;

use super::keyword::{mark_id, pattern_only, phrase_at, starts, Keyword, Starts};
use super::lexer::{token_bit, TokenKind, Tokens, MAX_TOKENS};
use super::name::{drug_at, drug_named, run_after, run_end, unknown_drug};
use super::schedule::{cycle_at, schedule_pattern_at, Piece};
use super::strength::unit_at;
use super::{
    Amount, Conflict, Days, DoseForm, DosePart, Frequency, Ingredient, LineRoute, Medication,
    MedicationError, Part, RouteSource, Segment, SegmentKind, Span, Strength, Unit, MAX_CONFLICTS,
    MAX_DOSES,
};
use crate::{Drug, Route};

const EMPTY_DOSE: DosePart = DosePart {
    strength: Strength {
        amount: Amount::from_thousandths(0),
        unit: Unit::Mg,
    },
    ingredient: Ingredient::LineDrug,
    span: Span::new(0, 0),
};

// `Reader::not_keywords` holds a bit per token.
const _: () = assert!(MAX_TOKENS <= 64);

/// A part that a line may state more than once: what it said first and where, and whether it
/// later said something else.
#[derive(Clone, Copy)]
struct Stated<T> {
    first: Option<(T, Span)>,
    disputed: bool,
}

impl<T: Copy + PartialEq> Stated<T> {
    const NONE: Stated<T> = Stated {
        first: None,
        disputed: false,
    };

    /// Records `value`, read at `span`; where it was first stated if that disagrees.
    fn state(&mut self, value: T, span: Span) -> Option<Span> {
        match self.first {
            None => {
                self.first = Some((value, span));
                None
            }
            Some((first, _)) if first == value => None,
            Some((_, first)) => {
                self.disputed = true;
                Some(first)
            }
        }
    }

    /// What was stated, unless it was disputed.
    fn agreed(&self) -> Option<(T, Span)> {
        if self.disputed {
            None
        } else {
            self.first
        }
    }

    /// [`Stated::agreed`], written to `out`: what was stated, copied, then cleared if disputed
    /// (rare), so that the answer is not built on the stack and copied from there.
    #[inline(always)]
    fn write_agreed(&self, out: &mut Option<(T, Span)>) {
        *out = self.first;
        if self.disputed {
            *out = None;
        }
    }
}

/// The state of a line being read.
struct Reader<'r, 'a> {
    tokens: &'r Tokens<'a>,
    drug: Option<(Drug, Span)>,
    unknown_run: Option<(usize, usize)>,
    first_group: Option<Span>,
    strength_conflict: bool,
    route: Stated<Route>,
    form: Stated<DoseForm>,
    frequency: Stated<Frequency>,
    days: Stated<Days>,
    /// `q28d`, `every 21 days`: how often, or the cycle when the line also says what happens in it.
    interval: Stated<u16>,
    /// `28-day cycle`.
    cycle: Stated<u16>,
    conflict_count: usize,
    /// Words known to start no keyword, as bits by index (the lexer makes fewer than 64 tokens).
    not_keywords: Cell<u64>,
    /// Words of name runs known to name nothing alone, as bits by index, for [`unknown_drug`].
    unnamed: u64,
    /// The unit after the number that ended a run of name words, by index (`usize::MAX`: none).
    unit_after_run: Cell<(usize, Option<(Unit, usize)>)>,
    /// The result, built in place (in the caller's frame: see [`Medication::parse`]): its doses,
    /// how they relate, their volume, the brand, segments and conflicts are written as they are
    /// read, not kept here and copied there at the end.
    out: &'r mut Medication<'a>,
}

/// What fills the segment slots of a result with nothing read yet: all zeros (the first kind, an
/// empty span), so that they are cleared as one block rather than copied. Never read: only the
/// slots up to the count are.
const NO_SEGMENT: Segment = Segment {
    kind: SegmentKind::Drug,
    span: Span::new(0, 0),
};

/// A result with nothing read yet, for [`parse_into`] to fill.
fn empty(line: &str) -> Medication<'_> {
    Medication {
        input: line,
        drug: Drug::Lenalidomide,
        drug_span: Span::new(0, 0),
        brand: None,
        doses: [EMPTY_DOSE; MAX_DOSES],
        dose_count: 0,
        dosing: None,
        volume: None,
        route: None,
        form: None,
        frequency: None,
        days: None,
        cycle: None,
        conflicts: [None; MAX_CONFLICTS],
        more_conflicts: false,
        segments: [NO_SEGMENT; MAX_TOKENS],
        segment_count: 0,
    }
}

/// Reads `line` into `result`, the caller's (see [`Medication::parse`]).
pub(crate) fn parse_into<'a>(line: &'a str, result: &mut Result<Medication<'a>, MedicationError>) {
    if u32::try_from(line.len()).is_err() {
        *result = Err(MedicationError::TooLong);
        return;
    }
    // Lexed first, then the result cleared, then the reader's state written, the reader borrowing
    // the tokens: the stores that clear the result and the tokens had filled the store buffer and
    // stalled the reader's set-up (perf, cpu-clock: one store there was 29% of `parse_into`'s
    // samples); the lexer, with few stores, now runs between them.
    let mut tokens = Tokens::new(line);
    tokens.fill();
    *result = Ok(empty(line));
    let Ok(out) = result else {
        return;
    };
    let mut reader = Reader {
        tokens: &tokens,
        drug: None,
        unknown_run: None,
        first_group: None,
        strength_conflict: false,
        route: Stated::NONE,
        form: Stated::NONE,
        frequency: Stated::NONE,
        days: Stated::NONE,
        interval: Stated::NONE,
        cycle: Stated::NONE,
        conflict_count: 0,
        not_keywords: Cell::new(0),
        unnamed: 0,
        unit_after_run: Cell::new((usize::MAX, None)),
        out,
    };
    reader.read();
    let unnamed = reader.unnamed;
    // The error is written to the result where it is made (see `unknown_drug`).
    match reader.finish() {
        Ok(()) => {}
        Err(Some(run)) => unknown_drug(&tokens, run, unnamed, result),
        Err(None) => *result = Err(MedicationError::NoDrugName),
    }
}

impl<'a> Reader<'_, 'a> {
    fn read(&mut self) {
        // The tokens as a slice held here: `Tokens::get` read their count from memory at every
        // token.
        let tokens = self.tokens.as_slice();
        let mut i = 0;
        while let Some(token) = tokens.get(i) {
            let kind = token.kind;
            // Words first, then numbers, then marks and the rest of a long line (which has no id,
            // so no bracket: it is read as none), as two tests: a match on the four kinds was a
            // jump through a table for every token.
            let next = if kind == TokenKind::Word {
                self.keyword(i).or_else(|| self.names(i))
            } else if kind == TokenKind::Number {
                self.strengths(i).or_else(|| self.cycle(i))
            } else {
                self.bracket(i)
            };
            // Every reader returns a token past `i`; the test (always true, so predicted) keeps
            // the loop finite and token `i` in a segment should one ever not.
            match next {
                Some(end) if end > i => i = end,
                _ => {
                    self.push(SegmentKind::Unparsed, i, i + 1);
                    i += 1;
                }
            }
        }
    }

    /// Records tokens `from..to` as a segment; unparsed tokens next to unparsed text join it.
    fn push(&mut self, kind: SegmentKind, from: usize, to: usize) {
        self.push_span(kind, self.tokens.span(from, to));
    }

    /// [`Reader::push`] of the tokens at `span`, already found.
    fn push_span(&mut self, kind: SegmentKind, span: Span) {
        let count = usize::from(self.out.segment_count);
        if kind == SegmentKind::Unparsed && count > 0 {
            if let Some(last) = self.out.segments.get_mut(count - 1) {
                if last.kind == SegmentKind::Unparsed {
                    last.span.end = span.end;
                    return;
                }
            }
        }
        if let Some(slot) = self.out.segments.get_mut(count) {
            *slot = Segment { kind, span };
            self.out.segment_count += 1;
        }
    }

    fn conflict(&mut self, part: Part, first: Span, second: Span) {
        match self.out.conflicts.get_mut(self.conflict_count) {
            Some(slot) => {
                *slot = Some(Conflict {
                    part,
                    first,
                    second,
                });
                self.conflict_count += 1;
            }
            None => self.out.more_conflicts = true,
        }
    }

    /// What word `i` starts and how many tokens it takes: most words are known by their lexicon
    /// id alone ([`starts`]), a keyword of one word or nothing; the others are read by [`phrase_at`].
    #[inline(always)]
    fn keyword_of(&self, i: usize) -> Option<(Keyword, usize)> {
        let id = self.tokens.id_of(i);
        match starts(id) {
            Starts::Nothing => None,
            Starts::One(word) => Some((word.keyword(), 1)),
            Starts::More => self.phrase_of(i, pattern_only(id)),
        }
    }

    /// What word `i` starts where what follows it decides, read by [`schedule_pattern_at`] if
    /// `pattern` (a word that starts only a pattern), else by [`phrase_at`]. A word is asked about
    /// both where the loop reaches it and where it ends a run of name words: one that starts
    /// nothing is remembered (`not_keywords`); one that starts a keyword is read again, which is
    /// rare, rather than kept: keeping it copied the answer through memory, a load that waited for
    /// the stores that wrote it (no store forwarding), for every keyword. Inlined for the same
    /// reason: the answer's fields are read where they were stored.
    #[inline(always)]
    fn phrase_of(&self, i: usize, pattern: bool) -> Option<(Keyword, usize)> {
        let bit = token_bit(i);
        if self.not_keywords.get() & bit != 0 {
            return None;
        }
        let found = if pattern {
            schedule_pattern_at(self.tokens, i)
        } else {
            phrase_at(self.tokens, i)
        };
        if found.is_none() {
            self.not_keywords.set(self.not_keywords.get() | bit);
        }
        found
    }

    /// [`unit_at`] of token `i`, the token after a number that ends a run of name words, kept for
    /// that number's strength to read (see [`Reader::unit_of`]).
    fn unit_after_run(&self, i: usize) -> Option<(Unit, usize)> {
        let unit = unit_at(self.tokens, i);
        self.unit_after_run.set((i, unit));
        unit
    }

    /// [`unit_at`] of token `i`, unless [`Reader::unit_after_run`] read it.
    #[inline(always)]
    fn unit_of(&self, i: usize) -> Option<(Unit, usize)> {
        match self.unit_after_run.get() {
            (at, unit) if at == i => unit,
            _ => unit_at(self.tokens, i),
        }
    }

    fn is_keyword(&self, i: usize) -> bool {
        self.keyword_of(i).is_some()
    }

    /// Records a schedule piece read at tokens `i..i + n`.
    fn schedule(&mut self, piece: Piece, i: usize, n: usize) -> Option<usize> {
        let span = self.tokens.span(i, i + n);
        let disagreement = match piece {
            Piece::Frequency(Frequency::EveryDays(days)) => self
                .interval
                .state(days, span)
                .map(|first| (Part::Frequency, first)),
            Piece::Frequency(f) => self
                .frequency
                .state(f, span)
                .map(|first| (Part::Frequency, first)),
            Piece::Days(d) => self.days.state(d, span).map(|first| (Part::Days, first)),
            Piece::Cycle(days) => self
                .cycle
                .state(days, span)
                .map(|first| (Part::Cycle, first)),
        };
        if let Some((part, first)) = disagreement {
            self.conflict(part, first, span);
        }
        self.push_span(SegmentKind::Schedule, span);
        Some(i + n)
    }

    /// A cycle at number `i` (`28-day cycle`).
    fn cycle(&mut self, i: usize) -> Option<usize> {
        let (piece, n) = cycle_at(self.tokens, i)?;
        self.schedule(piece, i, n)
    }

    /// Schedule words, a route or a dose form at word `i`. Inlined into the reading loop, which
    /// calls it for every word: the call cost more than its body.
    #[inline(always)]
    fn keyword(&mut self, i: usize) -> Option<usize> {
        let (part, kind, n, span, first) = match self.keyword_of(i)? {
            (Keyword::Schedule(piece), n) => return self.schedule(piece, i, n),
            (Keyword::Route(route), n) => {
                let span = self.tokens.span(i, i + n);
                (
                    Part::Route,
                    SegmentKind::Route,
                    n,
                    span,
                    self.route.state(route, span),
                )
            }
            (Keyword::Form(form), n) => {
                let span = self.tokens.span(i, i + n);
                (
                    Part::Form,
                    SegmentKind::Form,
                    n,
                    span,
                    self.form.state(form, span),
                )
            }
        };
        if let Some(first) = first {
            self.conflict(part, first, span);
        }
        self.push_span(kind, span);
        Some(i + n)
    }

    /// The line's drug, named at `span`: written to the result at once, where `finish` read it
    /// back just after it was stored, in two halves that the load could not be forwarded from
    /// (perf: a line of one word waited there for the store buffer to drain).
    fn first_drug(&mut self, drug: Drug, span: Span) {
        self.drug = Some((drug, span));
        self.out.drug = drug;
        self.out.drug_span = span;
    }

    /// A drug named at tokens `from..to`, as a segment of `kind`.
    fn name_drug(&mut self, drug: Drug, from: usize, to: usize, kind: SegmentKind) {
        let span = self.tokens.span(from, to);
        match self.drug {
            None => self.first_drug(drug, span),
            Some((d, _)) if d == drug => {}
            Some((_, first)) => self.conflict(Part::Drug, first, span),
        }
        self.push_span(kind, span);
    }

    /// The run of name words from `i`: drug names where the resolver knows them, unparsed text
    /// elsewhere. Called only where word `i` starts no keyword (see [`Reader::read`]), which the
    /// run does not ask again.
    fn names(&mut self, i: usize) -> Option<usize> {
        // Most names are one word before a number: a run that cannot go on past its first word is
        // not read as a run, which costs a call.
        let mut end = if self.tokens.is_word(i + 1) || self.tokens.is_mark::<'-'>(i + 1) {
            run_after(self.tokens, i, |j| self.is_keyword(j))
        } else {
            i + 1
        };
        // A code name with a number after a space (`JM 3100`): a number after the words is tried
        // as part of a name unless a unit or a `/` follows it, when it is a strength (whose unit
        // is then not read twice).
        let tokens = self.tokens;
        let reach = if tokens.is_number(end)
            && !tokens.is_mark::<'/'>(end + 1)
            && self.unit_after_run(end + 1).is_none()
        {
            end + 1
        } else {
            end
        };
        let mut s = i;
        while s < end {
            if self.tokens.is_word(s) {
                match drug_at(self.tokens, s, reach) {
                    Ok((drug, e)) => {
                        self.name_drug(drug, s, e, SegmentKind::Drug);
                        end = end.max(e);
                        s = e;
                        continue;
                    }
                    Err(true) => self.unnamed |= token_bit(s),
                    Err(false) => {}
                }
                if self.unknown_run.is_none() {
                    self.unknown_run = Some((s, end));
                }
            }
            self.push(SegmentKind::Unparsed, s, s + 1);
            s += 1;
        }
        Some(end)
    }

    /// A drug's name in brackets (`[Revlimid]`, `(Velcade)`) at mark `i`.
    fn bracket(&mut self, i: usize) -> Option<usize> {
        let close = if self.tokens.is_mark::<'['>(i) {
            const { mark_id(']') }
        } else if self.tokens.is_mark::<'('>(i) {
            const { mark_id(')') }
        } else {
            return None;
        };
        // Most brackets hold one word (`[Revlimid]`): a run that the close ends, known without
        // the call.
        let one_word = self.tokens.id_of(i + 2) == close
            && self.tokens.is_word(i + 1)
            && !self.is_keyword(i + 1);
        let end = if one_word {
            i + 2
        } else {
            run_end(self.tokens, i + 1, |j| self.is_keyword(j))
        };
        if end == i + 1 || self.tokens.id_of(end) != close {
            return None;
        }
        let drug = drug_named(self.tokens, i + 1, end)?;
        let span = self.tokens.span(i, end + 1);
        match self.drug {
            Some((d, _)) if d == drug => self.out.brand = Some(span),
            Some((_, first)) => self.conflict(Part::Drug, first, span),
            None => self.first_drug(drug, self.tokens.span(i + 1, end)),
        }
        self.push(SegmentKind::Brand, i, end + 1);
        Some(end + 1)
    }

    /// Completes the result from what was read; when no drug was, the first run of unknown words,
    /// if any, for [`unknown_drug`].
    fn finish(&mut self) -> Result<(), Option<(usize, usize)>> {
        if self.drug.is_none() {
            return Err(self.unknown_run);
        }
        let form = self.form.agreed();
        let implied = form.and_then(|(f, span)| f.implied_route().map(|r| (r, span)));
        let route = match (self.route.first, implied) {
            _ if self.route.disputed => None,
            (Some((written, first)), Some((by_form, second))) if written != by_form => {
                self.conflict(Part::Route, first, second);
                None
            }
            (Some((route, span)), _) => Some(LineRoute {
                route,
                source: RouteSource::Written,
                span,
            }),
            (None, Some((route, span))) => Some(LineRoute {
                route,
                source: RouteSource::ImpliedByForm,
                span,
            }),
            (None, None) => None,
        };
        // An interval is how often, alone; it is the cycle when the line also says what happens
        // within it: the days, or a frequency within a cycle of three weeks or more (`daily q28d`).
        // Beside a frequency it cannot be the cycle of (`q1w then q2w`), it is a second frequency.
        if let (Some((n, span)), false) = (self.interval.first, self.interval.disputed) {
            let in_cycle = self.days.first.is_some() || self.cycle.first.is_some() || n >= 21;
            let alone = self.frequency.first.is_none()
                && self.days.first.is_none()
                && self.cycle.first.is_none();
            let disagreement = if alone {
                self.frequency
                    .state(Frequency::EveryDays(n), span)
                    .map(|first| (Part::Frequency, first))
            } else if let (Some((_, first)), false) = (self.frequency.first, in_cycle) {
                self.frequency.disputed = true;
                Some((Part::Frequency, first))
            } else {
                self.cycle.state(n, span).map(|first| (Part::Cycle, first))
            };
            if let Some((part, first)) = disagreement {
                self.conflict(part, first, span);
            }
        }
        if self.strength_conflict {
            self.out.doses = [EMPTY_DOSE; MAX_DOSES];
            self.out.dose_count = 0;
            self.out.dosing = None;
            self.out.volume = None;
        }
        let out = &mut self.out;
        out.route = route;
        self.form.write_agreed(&mut out.form);
        self.frequency.write_agreed(&mut out.frequency);
        self.cycle.write_agreed(&mut out.cycle);
        self.days.write_agreed(&mut out.days);
        Ok(())
    }
}
