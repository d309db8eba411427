//! The dose of a line: strengths sharing a unit (`20/56 mg/m2`), the step-up parts joined to them
//! (`then`, `followed by`, `->`), the other ingredients of a co-formulation (`/ hyaluronidase-fihj
//! 30000 UNT`, `1,800 mg-30,000 units`), the volume they are in (`/15 mL`), and later strengths that
//! agree with the first or conflict with it.

use super::super::keyword::{lexicon_id, mark_id};
use super::super::lexer::{key, Tokens};
use super::super::name::{drug_named, run_end};
use super::super::{
    Amount, DosePart, Dosing, Ingredient, Part, SegmentKind, Span, Strength, Unit, MAX_DOSES,
};
use super::Reader;

/// Strengths that share a unit (`20/56 mg/m2`), or one strength.
#[derive(Clone, Copy)]
struct Group {
    amounts: [Amount; MAX_DOSES],
    /// The first number's token; the others are every second token after it (`20 / 56`).
    first: usize,
    /// The whole group's text, numbers and unit.
    span: Span,
    count: usize,
    unit: Unit,
}

impl Group {
    /// A group with nothing read, for [`Reader::group`] to read into.
    const EMPTY: Group = Group {
        amounts: [Amount::from_thousandths(0); MAX_DOSES],
        first: 0,
        span: Span::new(0, 0),
        count: 0,
        unit: Unit::Mg,
    };

    fn strengths(&self) -> impl Iterator<Item = Strength> + '_ {
        self.amounts[..self.count].iter().map(|&amount| Strength {
            amount,
            unit: self.unit,
        })
    }

    /// Where strength `k` was read: its number, or for a strength alone its number and unit.
    fn span(&self, tokens: &Tokens<'_>, k: usize) -> Span {
        if self.count == 1 {
            self.span
        } else {
            let at = self.first + 2 * k;
            tokens.span(at, at + 1)
        }
    }
}

const THEN: u8 = lexicon_id(key("then"));
const FOLLOWED: u8 = lexicon_id(key("followed"));
const BY: u8 = lexicon_id(key("by"));

impl Reader<'_, '_> {
    /// Strengths sharing a unit from number `i`, `25 mg`, `20/56 mg/m2`, read into `group` (the
    /// caller's, so that it is not copied out: returned, it was, whole, at every strength); the
    /// token after them. Reads nothing into the line's result. Inlined: returned through memory,
    /// the group was written field by field and read back in wider loads, which the stores could
    /// not forward.
    #[inline(always)]
    fn group(&self, i: usize, group: &mut Group) -> Option<usize> {
        let tokens = self.tokens;
        group.first = i;
        group.count = 0;
        let mut j = i;
        loop {
            if !tokens.is_number(j) || group.count == MAX_DOSES {
                return None;
            }
            group.amounts[group.count] = Amount::parse_bytes(tokens.bytes(j))?;
            group.count += 1;
            j += 1;
            if tokens.is_mark::<'/'>(j) && tokens.is_number(j + 1) {
                j += 1;
                continue;
            }
            break;
        }
        let (unit, n) = self.unit_of(j)?;
        group.unit = unit;
        group.span = tokens.span(i, j + n);
        Some(j + n)
    }

    /// Adds a group's strengths to the dose, if there is room. Inlined: called, it read the
    /// group's span back whole just after [`Reader::group`] had stored it in halves, a load the
    /// stores could not forward (perf, the bench: half of its samples).
    #[inline(always)]
    fn add(&mut self, group: &Group, ingredient: Ingredient) -> bool {
        let at = usize::from(self.out.dose_count);
        if at + group.count > MAX_DOSES {
            return false;
        }
        // Most groups are one strength, read at the group's span: written without the loop, which
        // computed both spans of each strength and chose one.
        if let (1, Some(dose)) = (group.count, self.out.doses.get_mut(at)) {
            *dose = DosePart {
                strength: Strength {
                    amount: group.amounts[0],
                    unit: group.unit,
                },
                ingredient,
                span: group.span,
            };
            self.out.dose_count += 1;
            return true;
        }
        for (k, strength) in group.strengths().enumerate() {
            self.out.doses[usize::from(self.out.dose_count)] = DosePart {
                strength,
                ingredient,
                span: group.span(self.tokens, k),
            };
            self.out.dose_count += 1;
        }
        true
    }

    /// What joins two strengths of a step-up at token `at` (`then`, `followed by`, `->`, `→`), and how
    /// many tokens it takes.
    fn then_at(&self, at: usize) -> Option<usize> {
        let tokens = self.tokens;
        let id_at = |i: usize| tokens.id_of(i);
        if id_at(at) == THEN || tokens.is_mark::<'→'>(at) {
            Some(1)
        } else if (id_at(at) == FOLLOWED && id_at(at + 1) == BY)
            || (tokens.is_mark::<'-'>(at) && tokens.is_mark::<'>'>(at + 1) && tokens.glued(at))
        {
            Some(2)
        } else {
            None
        }
    }

    /// A strength at number `i`, with the parts joined to it when it is the line's first. A number
    /// that ends a range or a pair (`20-40 mg`, `1,800-30,000 mg-unit`) or follows a `/`
    /// (`mg-unit/15 mL`) is not read on its own.
    pub(super) fn strengths(&mut self, i: usize) -> Option<usize> {
        let tokens = self.tokens;
        let touching = |mark: u8| i >= 1 && tokens.id_of(i - 1) == mark && tokens.glued(i - 1);
        if touching(const { mark_id('/') })
            || (touching(const { mark_id('-') })
                && i >= 2
                && tokens.glued(i - 2)
                && tokens.is_number(i - 2))
        {
            return None;
        }
        let mut group = Group::EMPTY;
        let mut end = self.group(i, &mut group)?;
        if let Some(first) = self.first_group {
            self.push_span(SegmentKind::Strength, group.span);
            let doses = self.out.doses();
            let same = doses.len() == group.count
                && doses
                    .iter()
                    .zip(group.strengths())
                    .all(|(d, s)| d.strength == s);
            if !same || self.strength_conflict {
                self.strength_conflict = true;
                self.conflict(Part::Strength, first, group.span);
            }
            return Some(end);
        }
        if !self.add(&group, Ingredient::LineDrug) {
            return None;
        }
        self.out.dosing = Some(if group.count > 1 {
            Dosing::StepUp
        } else {
            Dosing::Single
        });
        self.push_span(SegmentKind::Strength, group.span);
        let mut unit = group.unit;
        loop {
            let at = end;
            if let Some(n) = self.then_at(at) {
                let mut next = Group::EMPTY;
                if let Some(e) = self.group(at + n, &mut next) {
                    if self.add(&next, Ingredient::LineDrug) {
                        self.push(SegmentKind::Joiner, at, at + n);
                        self.push_span(SegmentKind::Strength, next.span);
                        self.out.dosing = Some(Dosing::StepUp);
                        unit = next.unit;
                        end = e;
                        continue;
                    }
                }
                break;
            }
            // "1,800 mg-30,000 units": a hyphen touching two strengths of different units joins the
            // ingredients of one product (between one unit it would be a range, which is not read).
            if self.tokens.is_mark::<'-'>(at) && self.tokens.glued(at - 1) && self.tokens.glued(at)
            {
                let mut next = Group::EMPTY;
                let Some(e) = self.group(at + 1, &mut next) else {
                    break;
                };
                if next.unit == unit
                    || next.unit == Unit::Ml
                    || !self.add(&next, Ingredient::Unnamed)
                {
                    break;
                }
                self.push(SegmentKind::Joiner, at, at + 1);
                self.push_span(SegmentKind::Strength, next.span);
                self.out.dosing = Some(Dosing::CoFormulation);
                unit = next.unit;
                end = e;
                continue;
            }
            if !self.tokens.is_mark::<'/'>(at) {
                break;
            }
            // "/ hyaluronidase-fihj 30000 UNT": another ingredient, named.
            let name_end = run_end(self.tokens, at + 1, |j| self.is_keyword(j));
            if name_end > at + 1 && self.tokens.is_number(name_end) {
                let mut next = Group::EMPTY;
                let Some(e) = self.group(name_end, &mut next) else {
                    break;
                };
                let named = drug_named(self.tokens, at + 1, name_end);
                let ingredient = match (named, self.drug) {
                    (Some(d), Some((line, _))) if d == line => Ingredient::LineDrug,
                    _ => Ingredient::Named(self.tokens.span(at + 1, name_end)),
                };
                if !self.add(&next, ingredient) {
                    break;
                }
                self.push(SegmentKind::Joiner, at, at + 1);
                match named {
                    Some(d) => self.name_drug(d, at + 1, name_end, SegmentKind::Ingredient),
                    None => self.push(SegmentKind::Ingredient, at + 1, name_end),
                }
                self.push_span(SegmentKind::Strength, next.span);
                self.out.dosing = Some(Dosing::CoFormulation);
                end = e;
                continue;
            }
            // "1800 mg/30,000 units": another ingredient, unnamed; "mg/15 mL": the volume it is in.
            let mut next = Group::EMPTY;
            let Some(e) = self.group(at + 1, &mut next) else {
                break;
            };
            if next.unit == Unit::Ml && unit != Unit::Ml {
                if next.count == 1 {
                    self.out.volume = Some((next.amounts[0], next.span));
                    self.push(SegmentKind::Joiner, at, at + 1);
                    self.push_span(SegmentKind::Volume, next.span);
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
            self.push_span(SegmentKind::Strength, next.span);
            if self.out.dosing != Some(Dosing::CoFormulation) {
                self.out.dosing = Some(dosing);
            }
            unit = next.unit;
            end = e;
        }
        self.first_group = Some(self.tokens.span(i, end));
        Some(end)
    }
}
