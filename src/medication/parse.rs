//! Reading a whole line: tokens are taken left to right as strengths, schedule words, routes, forms,
//! bracketed brands and drug names; whatever none of them takes is kept as unparsed text.

use super::form::form_at;
use super::lexer::{key, lex, KeySet, TokenKind, Tokens, MAX_TOKENS};
use super::name::{drug_at, run_end, unknown_drug};
use super::route::route_at;
use super::schedule::{schedule_at, Piece};
use super::strength::unit_at;
use super::{
    Amount, Conflict, Days, DoseForm, DosePart, Dosing, Frequency, Ingredient, LineRoute,
    Medication, MedicationError, Part, RouteSource, Segment, SegmentKind, Span, Strength, Unit,
    MAX_CONFLICTS, MAX_DOSES,
};
use crate::{Drug, Route};

/// Strengths that share a unit (`20/56 mg/m2`), or one strength.
#[derive(Clone, Copy)]
struct Group {
    amounts: [Amount; MAX_DOSES],
    spans: [Span; MAX_DOSES],
    count: usize,
    unit: Unit,
}

impl Group {
    fn strengths(&self) -> impl Iterator<Item = Strength> + '_ {
        self.amounts[..self.count].iter().map(|&amount| Strength {
            amount,
            unit: self.unit,
        })
    }
}

const EMPTY_DOSE: DosePart = DosePart {
    strength: Strength {
        amount: Amount::from_thousandths(0),
        unit: Unit::Mg,
    },
    ingredient: Ingredient::LineDrug,
    span: Span::new(0, 0),
};

/// The first words of every route, form and schedule phrase, for [`Reader::may_be_keyword`].
const FIRST_WORDS: KeySet = KeySet::EMPTY
    .with_phrases(super::route::SPELLINGS)
    .with_phrases(super::form::SPELLINGS)
    .with_phrases(super::schedule::PHRASES)
    .with_all(&super::schedule::DAY_WORDS)
    .with(super::schedule::EVERY)
    .with(super::schedule::Q)
    .with(super::schedule::ON);

const THEN: u128 = key("then");
const FOLLOWED: u128 = key("followed");
const BY: u128 = key("by");

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
}

/// The state of a line being read.
struct Reader<'a> {
    tokens: Tokens<'a>,
    drug: Option<(Drug, Span)>,
    unknown_run: Option<(usize, usize)>,
    brand: Option<Span>,
    doses: [DosePart; MAX_DOSES],
    dose_count: usize,
    dosing: Option<Dosing>,
    first_group: Option<Span>,
    strength_conflict: bool,
    /// `/15 mL` after the dose.
    volume: Option<(Amount, Span)>,
    route: Stated<Route>,
    form: Stated<DoseForm>,
    frequency: Stated<Frequency>,
    days: Stated<Days>,
    /// `q28d`, `every 21 days`: how often, or the cycle when the line also says what happens in it.
    interval: Stated<u16>,
    /// `28-day cycle`.
    cycle: Stated<u16>,
    conflicts: [Option<Conflict>; MAX_CONFLICTS],
    conflict_count: usize,
    more_conflicts: bool,
    segments: [Segment; MAX_TOKENS],
    segment_count: usize,
}

/// Reads one line; see [`Medication::parse`].
pub(crate) fn parse(line: &str) -> Result<Medication<'_>, MedicationError> {
    let mut reader = Reader {
        tokens: lex(line),
        drug: None,
        unknown_run: None,
        brand: None,
        doses: [EMPTY_DOSE; MAX_DOSES],
        dose_count: 0,
        dosing: None,
        first_group: None,
        strength_conflict: false,
        volume: None,
        route: Stated::NONE,
        form: Stated::NONE,
        frequency: Stated::NONE,
        days: Stated::NONE,
        interval: Stated::NONE,
        cycle: Stated::NONE,
        conflicts: [None; MAX_CONFLICTS],
        conflict_count: 0,
        more_conflicts: false,
        segments: [Segment {
            kind: SegmentKind::Unparsed,
            span: Span::new(0, 0),
        }; MAX_TOKENS],
        segment_count: 0,
    };
    reader.read();
    reader.finish()
}

impl<'a> Reader<'a> {
    fn read(&mut self) {
        let count = self.tokens.as_slice().len();
        let mut i = 0;
        while i < count {
            let kind = match self.tokens.get(i) {
                Some(token) => token.kind,
                None => break,
            };
            let next = match kind {
                TokenKind::Number => self.strengths(i).or_else(|| self.keyword(i)),
                TokenKind::Word => self.keyword(i).or_else(|| self.names(i)),
                TokenKind::Mark => self.bracket(i),
                TokenKind::Rest => None,
            };
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
        let span = self.tokens.span(from, to);
        if kind == SegmentKind::Unparsed && self.segment_count > 0 {
            if let Some(last) = self.segments.get_mut(self.segment_count - 1) {
                if last.kind == SegmentKind::Unparsed {
                    last.span.end = span.end;
                    return;
                }
            }
        }
        if let Some(slot) = self.segments.get_mut(self.segment_count) {
            *slot = Segment { kind, span };
            self.segment_count += 1;
        }
    }

    fn conflict(&mut self, part: Part, first: Span, second: Span) {
        match self.conflicts.get_mut(self.conflict_count) {
            Some(slot) => {
                *slot = Some(Conflict {
                    part,
                    first,
                    second,
                });
                self.conflict_count += 1;
            }
            None => self.more_conflicts = true,
        }
    }

    /// `false` when the word at `i` certainly starts no route, form or schedule words: its key is
    /// not a first word of one, and it is not a `q28d` or a `D1`.
    fn may_be_keyword(&self, i: usize) -> bool {
        let Some(token) = self.tokens.get(i) else {
            return false;
        };
        if token.kind != TokenKind::Word {
            return false;
        }
        let bytes = self.tokens.text(i).as_bytes();
        FIRST_WORDS.may_contain(token.key)
            || (matches!(bytes.first(), Some(b'q' | b'Q' | b'd' | b'D'))
                && bytes.get(1).is_some_and(u8::is_ascii_digit))
    }

    fn is_keyword(&self, i: usize) -> bool {
        self.may_be_keyword(i)
            && (schedule_at(&self.tokens, i).is_some()
                || route_at(&self.tokens, i).is_some()
                || form_at(&self.tokens, i).is_some())
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
        self.push(SegmentKind::Schedule, i, i + n);
        Some(i + n)
    }

    /// Schedule words, a route or a dose form at word `i`.
    fn keyword(&mut self, i: usize) -> Option<usize> {
        if self.tokens.is_number(i) {
            let (piece, n) = schedule_at(&self.tokens, i)?;
            return self.schedule(piece, i, n);
        }
        if !self.may_be_keyword(i) {
            return None;
        }
        if let Some((piece, n)) = schedule_at(&self.tokens, i) {
            return self.schedule(piece, i, n);
        }
        let (part, kind, n, first) = if let Some((route, n)) = route_at(&self.tokens, i) {
            let first = self.route.state(route, self.tokens.span(i, i + n));
            (Part::Route, SegmentKind::Route, n, first)
        } else if let Some((form, n)) = form_at(&self.tokens, i) {
            let first = self.form.state(form, self.tokens.span(i, i + n));
            (Part::Form, SegmentKind::Form, n, first)
        } else {
            return None;
        };
        if let Some(first) = first {
            self.conflict(part, first, self.tokens.span(i, i + n));
        }
        self.push(kind, i, i + n);
        Some(i + n)
    }

    /// A drug named at tokens `from..to`, as a segment of `kind`.
    fn name_drug(&mut self, drug: Drug, from: usize, to: usize, kind: SegmentKind) {
        let span = self.tokens.span(from, to);
        match self.drug {
            None => self.drug = Some((drug, span)),
            Some((d, _)) if d == drug => {}
            Some((_, first)) => self.conflict(Part::Drug, first, span),
        }
        self.push(kind, from, to);
    }

    /// The run of name words from `i`: drug names where the resolver knows them, unparsed text
    /// elsewhere.
    fn names(&mut self, i: usize) -> Option<usize> {
        let mut end = run_end(&self.tokens, i, |j| self.is_keyword(j));
        // A code name with a number after a space (`JM 3100`): a number after the words is tried
        // as part of a name unless a unit or a `/` follows it, when it is a strength.
        let tokens = &self.tokens;
        let reach = if tokens.is_number(end)
            && !tokens.is_mark(end + 1, '/')
            && unit_at(tokens, end + 1).is_none()
        {
            end + 1
        } else {
            end
        };
        let mut s = i;
        while s < end {
            if self.tokens.is_word(s) {
                if let Some((drug, e)) = drug_at(&self.tokens, s, reach) {
                    self.name_drug(drug, s, e, SegmentKind::Drug);
                    end = end.max(e);
                    s = e;
                    continue;
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
        let close = if self.tokens.is_mark(i, '[') {
            ']'
        } else if self.tokens.is_mark(i, '(') {
            ')'
        } else {
            return None;
        };
        let end = run_end(&self.tokens, i + 1, |j| self.is_keyword(j));
        if end == i + 1 || !self.tokens.is_mark(end, close) {
            return None;
        }
        let (drug, e) = drug_at(&self.tokens, i + 1, end)?;
        if e != end {
            return None;
        }
        let span = self.tokens.span(i, end + 1);
        match self.drug {
            Some((d, _)) if d == drug => self.brand = Some(span),
            Some((_, first)) => self.conflict(Part::Drug, first, span),
            None => self.drug = Some((drug, self.tokens.span(i + 1, end))),
        }
        self.push(SegmentKind::Brand, i, end + 1);
        Some(end + 1)
    }

    /// Strengths sharing a unit from number `i`: `25 mg`, `20/56 mg/m2`. Reads nothing.
    fn group(&self, i: usize) -> Option<(Group, usize)> {
        let tokens = &self.tokens;
        let mut group = Group {
            amounts: [Amount::default(); MAX_DOSES],
            spans: [Span::default(); MAX_DOSES],
            count: 0,
            unit: Unit::Mg,
        };
        let mut j = i;
        loop {
            if !tokens.is_number(j) || group.count == MAX_DOSES {
                return None;
            }
            group.amounts[group.count] = Amount::parse(tokens.text(j))?;
            group.spans[group.count] = tokens.span(j, j + 1);
            group.count += 1;
            j += 1;
            if tokens.is_mark(j, '/') && tokens.is_number(j + 1) {
                j += 1;
                continue;
            }
            break;
        }
        let (unit, n) = unit_at(tokens, j)?;
        group.unit = unit;
        if group.count == 1 {
            group.spans[0] = tokens.span(i, j + n);
        }
        Some((group, j + n))
    }

    /// Adds a group's strengths to the dose, if there is room.
    fn add(&mut self, group: &Group, ingredient: Ingredient) -> bool {
        if self.dose_count + group.count > MAX_DOSES {
            return false;
        }
        for (strength, span) in group.strengths().zip(group.spans) {
            self.doses[self.dose_count] = DosePart {
                strength,
                ingredient,
                span,
            };
            self.dose_count += 1;
        }
        true
    }

    /// What joins two strengths of a step-up at token `at` (`then`, `followed by`, `->`, `→`), and how
    /// many tokens it takes.
    fn then_at(&self, at: usize) -> Option<usize> {
        let tokens = &self.tokens;
        let key_at = |i: usize| tokens.get(i).map_or(0, |t| t.key);
        if key_at(at) == THEN || tokens.is_mark(at, '→') {
            Some(1)
        } else if (key_at(at) == FOLLOWED && key_at(at + 1) == BY)
            || (tokens.is_mark(at, '-') && tokens.is_mark(at + 1, '>') && tokens.glued(at))
        {
            Some(2)
        } else {
            None
        }
    }

    /// A strength at number `i`, with the parts joined to it when it is the line's first. A number
    /// that ends a range or a pair (`20-40 mg`, `1,800-30,000 mg-unit`) or follows a `/`
    /// (`mg-unit/15 mL`) is not read on its own.
    fn strengths(&mut self, i: usize) -> Option<usize> {
        let tokens = &self.tokens;
        let touching = |mark: char| i >= 1 && tokens.is_mark(i - 1, mark) && tokens.glued(i - 1);
        if touching('/')
            || (touching('-') && i >= 2 && tokens.glued(i - 2) && tokens.is_number(i - 2))
        {
            return None;
        }
        let (group, mut end) = self.group(i)?;
        if let Some(first) = self.first_group {
            self.push(SegmentKind::Strength, i, end);
            let same = self.doses().len() == group.count
                && self
                    .doses()
                    .iter()
                    .zip(group.strengths())
                    .all(|(d, s)| d.strength == s);
            if !same || self.strength_conflict {
                self.strength_conflict = true;
                self.conflict(Part::Strength, first, self.tokens.span(i, end));
            }
            return Some(end);
        }
        if !self.add(&group, Ingredient::LineDrug) {
            return None;
        }
        self.dosing = Some(if group.count > 1 {
            Dosing::StepUp
        } else {
            Dosing::Single
        });
        self.push(SegmentKind::Strength, i, end);
        let mut unit = group.unit;
        loop {
            let at = end;
            if let Some(n) = self.then_at(at) {
                if let Some((next, e)) = self.group(at + n) {
                    if self.add(&next, Ingredient::LineDrug) {
                        self.push(SegmentKind::Joiner, at, at + n);
                        self.push(SegmentKind::Strength, at + n, e);
                        self.dosing = Some(Dosing::StepUp);
                        unit = next.unit;
                        end = e;
                        continue;
                    }
                }
                break;
            }
            // "1,800 mg-30,000 units": a hyphen touching two strengths of different units joins the
            // ingredients of one product (between one unit it would be a range, which is not read).
            if self.tokens.is_mark(at, '-') && self.tokens.glued(at - 1) && self.tokens.glued(at) {
                let Some((next, e)) = self.group(at + 1) else {
                    break;
                };
                if next.unit == unit
                    || next.unit == Unit::Ml
                    || !self.add(&next, Ingredient::Unnamed)
                {
                    break;
                }
                self.push(SegmentKind::Joiner, at, at + 1);
                self.push(SegmentKind::Strength, at + 1, e);
                self.dosing = Some(Dosing::CoFormulation);
                unit = next.unit;
                end = e;
                continue;
            }
            if !self.tokens.is_mark(at, '/') {
                break;
            }
            // "/ hyaluronidase-fihj 30000 UNT": another ingredient, named.
            let name_end = run_end(&self.tokens, at + 1, |j| self.is_keyword(j));
            if name_end > at + 1 && self.tokens.is_number(name_end) {
                let Some((next, e)) = self.group(name_end) else {
                    break;
                };
                let named = drug_at(&self.tokens, at + 1, name_end).filter(|(_, e)| *e == name_end);
                let ingredient = match (named, self.drug) {
                    (Some((d, _)), Some((line, _))) if d == line => Ingredient::LineDrug,
                    _ => Ingredient::Named(self.tokens.span(at + 1, name_end)),
                };
                if !self.add(&next, ingredient) {
                    break;
                }
                self.push(SegmentKind::Joiner, at, at + 1);
                match named {
                    Some((d, _)) => self.name_drug(d, at + 1, name_end, SegmentKind::Ingredient),
                    None => self.push(SegmentKind::Ingredient, at + 1, name_end),
                }
                self.push(SegmentKind::Strength, name_end, e);
                self.dosing = Some(Dosing::CoFormulation);
                end = e;
                continue;
            }
            // "1800 mg/30,000 units": another ingredient, unnamed; "mg/15 mL": the volume it is in.
            let Some((next, e)) = self.group(at + 1) else {
                break;
            };
            if next.unit == Unit::Ml && unit != Unit::Ml {
                if next.count == 1 {
                    self.volume = Some((next.amounts[0], self.tokens.span(at + 1, e)));
                    self.push(SegmentKind::Joiner, at, at + 1);
                    self.push(SegmentKind::Volume, at + 1, e);
                    end = e;
                }
                break;
            }
            let (ingredient, dosing) = if next.unit == unit {
                (Ingredient::LineDrug, Dosing::StepUp)
            } else {
                (Ingredient::Unnamed, Dosing::CoFormulation)
            };
            if !self.add(&next, ingredient) {
                break;
            }
            self.push(SegmentKind::Joiner, at, at + 1);
            self.push(SegmentKind::Strength, at + 1, e);
            if self.dosing != Some(Dosing::CoFormulation) {
                self.dosing = Some(dosing);
            }
            unit = next.unit;
            end = e;
        }
        self.first_group = Some(self.tokens.span(i, end));
        Some(end)
    }

    fn doses(&self) -> &[DosePart] {
        self.doses.get(..self.dose_count).unwrap_or_default()
    }

    fn finish(mut self) -> Result<Medication<'a>, MedicationError> {
        let Some((drug, drug_span)) = self.drug else {
            return Err(match self.unknown_run {
                Some(run) => MedicationError::UnknownDrug(unknown_drug(&self.tokens, run)),
                None => MedicationError::NoDrugName,
            });
        };
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
            self.doses = [EMPTY_DOSE; MAX_DOSES];
            self.dose_count = 0;
            self.dosing = None;
        }
        Ok(Medication {
            input: self.tokens.input,
            drug,
            drug_span,
            brand: self.brand,
            doses: self.doses,
            dose_count: self.dose_count,
            dosing: self.dosing,
            volume: self.volume.filter(|_| !self.strength_conflict),
            route,
            form,
            frequency: self.frequency.agreed(),
            cycle: self.cycle.agreed(),
            days: self.days.agreed(),
            conflicts: self.conflicts,
            more_conflicts: self.more_conflicts,
            segments: self.segments,
            segment_count: self.segment_count,
        })
    }
}
