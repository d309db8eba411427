//! The line rules S1-S5, X1-X4, M1-M3 and E1, applied in one sweep over a person's episodes,
//! transplants and CAR-T events, with the reference's precedence:
//! X4 > C1 > M4 > M3 > M1 > M2 > X1 / X2 / X3 > S2-S5.

use alloc::vec::Vec;

use super::episodes::{self, Episode};
use super::events::{self, CarTEvent, Claim, SctEvent};
use super::roles;
use super::{
    refractory, Date, Decision, EndReason, Flags, Line, LineDrug, LinePhase, LinesOfTherapy,
    Params, PhaseSpan, Procedure, ProcedureKind, Purpose, Records, RestartAfterGap, Rule,
};
use crate::DrugRole;
use crate::{Drug, DrugSet};

/// Derives one person's lines of therapy from their records, by the reference's rules.
///
/// Deterministic: the result does not depend on the order of the records. Never panics.
///
/// ```
/// use myeloma::history::{lines_of_therapy, Date, EndReason, Exposure, Params, Record, Records, Rule};
/// use myeloma::{Drug, Regimen, Therapy};
///
/// let day = |s: &str| s.parse::<Date>().unwrap();
/// let mut records = Records::new();
/// // Rd from 2024-01-15 (lenalidomide 21 days of every 28, weekly dexamethasone) ...
/// for cycle in 0..8 {
///     let start = day("2024-01-15").add_days(28 * cycle);
///     records.push(Record::Exposure(Exposure::dispensing(Drug::Lenalidomide, start, Some(21))));
///     for week in 0..4 {
///         records.push(Record::Exposure(Exposure::administration(Drug::Dexamethasone, start.add_days(7 * week))));
///     }
/// }
/// // ... and bortezomib added on day 98: an unplanned addition (X2), so a second line.
/// for week in 0..8 {
///     records.push(Record::Exposure(Exposure::administration(Drug::Bortezomib, day("2024-04-22").add_days(7 * week))));
/// }
/// let lines = lines_of_therapy(&records, &Params::default());
/// assert_eq!(lines.lines.len(), 2);
/// assert_eq!(lines.lines[0].end, day("2024-04-21"));
/// assert_eq!((lines.lines[0].ended_by, lines.lines[0].end_reason), (Some(Rule::X2), EndReason::Addition));
/// assert_eq!(lines.lines[1].regimen(), Some(Therapy::Regimen(Regimen::RVd)));
/// ```
pub fn lines_of_therapy(records: &Records, params: &Params) -> LinesOfTherapy {
    Deriver::new(*params).derive(records)
}

/// Derives lines of therapy for many people in turn, reusing its working memory: what
/// [`lines_of_therapy`] does, without allocating afresh for each person.
#[derive(Debug, Default)]
pub struct Deriver {
    params: Params,
    /// Scratch for sorting the coverage.
    keys: Vec<u64>,
    coverage: Vec<(Drug, Date, Date)>,
    all: Vec<Episode>,
    defining: Vec<Episode>,
    steroids: Vec<Episode>,
    claims: Vec<Claim>,
    scts: Vec<SctEvent>,
    car_ts: Vec<CarTEvent>,
    items: Vec<(Date, u8, u32)>,
    procedures: Vec<Procedure>,
    event_dates: Vec<Date>,
    /// The sweep's lines while it builds them, and a day's episodes: emptied for each person.
    building: Vec<Building>,
    group: Vec<usize>,
    /// Emptied piece lists of finished lines, for the next lines to fill.
    spare_pieces: Vec<Vec<Piece>>,
}

/// An item of the sweep: kinds in the order they are handled on the same day.
const CAR_T: u8 = 0;
const SCT: u8 = 1;
const EPISODE: u8 = 2;

impl Deriver {
    /// A deriver with these parameters.
    pub fn new(params: Params) -> Deriver {
        Deriver {
            params,
            ..Deriver::default()
        }
    }

    /// The parameters it applies.
    pub fn params(&self) -> &Params {
        &self.params
    }

    /// One person's lines of therapy; see [`lines_of_therapy`].
    pub fn derive(&mut self, records: &Records) -> LinesOfTherapy {
        let p = self.params;
        let cutoff = records
            .diagnosis
            .map(|d| d.add_days(-p.pre_diagnosis_grace_days));
        let in_time = |date: Date| cutoff.is_none_or(|c| date >= c);
        // One pass over the exposures for what is only counted (before diagnosis, supportive) and
        // for CAR-T products given as drugs, whose start is an infusion.
        let mut out = LinesOfTherapy::default();
        self.event_dates.clear();
        for e in &records.exposures {
            if !in_time(e.start) {
                out.before_diagnosis += 1;
            } else if roles::role(e.drug) == DrugRole::Supportive && !roles::is_event_agent(e.drug)
            {
                out.supportive += 1;
            }
            if roles::is_car_t_product(e.drug) {
                self.event_dates.push(e.start);
            }
        }
        self.procedures.clear();
        self.procedures
            .extend(records.procedures.iter().filter(|p| in_time(p.date)));
        self.procedures.sort_unstable();
        self.procedures.dedup();
        self.event_dates.extend(
            self.procedures
                .iter()
                .filter(|p| p.kind != ProcedureKind::Apheresis)
                .map(|p| p.date),
        );
        episodes::episodes(
            &records.exposures,
            &p,
            // Supportive drugs are set aside, except fludarabine and the like, which C1 and M4
            // claim for their event (unclaimed, they are set aside below).
            |e| {
                in_time(e.start)
                    && (roles::role(e.drug) != DrugRole::Supportive
                        || roles::is_event_agent(e.drug))
            },
            &self.event_dates,
            &mut self.keys,
            &mut self.coverage,
            &mut self.all,
        );
        self.defining.clear();
        self.steroids.clear();
        for e in &self.all {
            match roles::role(e.drug) {
                DrugRole::Steroid => self.steroids.push(*e),
                _ => self.defining.push(*e),
            }
        }
        out.progressions.extend_from_slice(&records.progressions);
        out.progressions.sort_unstable();
        out.progressions.dedup();

        events::find(
            &self.defining,
            &self.procedures,
            &p,
            &mut self.claims,
            &mut self.scts,
            &mut self.car_ts,
        );

        self.items.clear();
        for (k, e) in self.car_ts.iter().enumerate() {
            self.items.push((e.start, CAR_T, k as u32));
        }
        for (k, e) in self.scts.iter().enumerate() {
            self.items.push((e.start, SCT, k as u32));
        }
        for (i, e) in self.defining.iter().enumerate() {
            if self.claims[i] != Claim::Free {
                continue;
            }
            if roles::role(e.drug) == DrugRole::Supportive {
                out.supportive += e.count as usize;
            } else {
                self.items.push((e.start, EPISODE, i as u32));
            }
        }
        // Same day: CAR-T, then transplants, then drugs in catalogue order.
        let defining = &self.defining;
        self.items.sort_unstable_by_key(|&(date, kind, i)| {
            let drug = if kind == EPISODE {
                defining.get(i as usize).map_or(0, |e| e.drug as u8)
            } else {
                0
            };
            (date, kind, drug, i)
        });

        let mut sweep = Sweep {
            p: &p,
            defining: &self.defining,
            coverage: &self.coverage,
            claims: &self.claims,
            scts: &self.scts,
            car_ts: &self.car_ts,
            progressions: &out.progressions,
            opened_car_t: alloc::vec![false; self.car_ts.len()],
            lines: core::mem::take(&mut self.building),
            spare_pieces: core::mem::take(&mut self.spare_pieces),
            current: None,
            any_sct: false,
        };
        let mut i = 0;
        let group = &mut self.group;
        while i < self.items.len() {
            let (date, kind, index) = self.items[i];
            match kind {
                CAR_T => sweep.car_t(index as usize),
                SCT => sweep.sct(index as usize),
                _ => {
                    group.clear();
                    group.push(index as usize);
                    while let Some(&(d, EPISODE, next)) = self.items.get(i + 1) {
                        if d != date {
                            break;
                        }
                        group.push(next as usize);
                        i += 1;
                    }
                    sweep.episodes(date, group);
                }
            }
            i += 1;
        }
        if let Some(last) = sweep.current.take() {
            sweep.lines.push(last);
        }
        let mut building = core::mem::take(&mut sweep.lines);
        let mut spare = core::mem::take(&mut sweep.spare_pieces);
        out.lines = finish(&mut building, &self.steroids, &mut spare);
        self.building = building;
        self.spare_pieces = spare;
        out.refractory = refractory::refractory(&out.lines, &out.progressions, &p);
        out
    }
}

/// A piece of an episode placed in a line.
#[derive(Clone, Copy, Debug)]
struct Piece {
    drug: Drug,
    start: Date,
    end: Date,
    phase: LinePhase,
    purpose: Purpose,
    flags: Flags,
    episode: usize,
}

impl Piece {
    /// Whether it counts for coverage and the line's activity (M4 and lymphodepletion agents
    /// never start, end or change a line).
    fn is_treatment(&self) -> bool {
        matches!(
            self.purpose,
            Purpose::Treatment | Purpose::Bridging | Purpose::CarTProduct
        )
    }
}

/// A line while the sweep builds it.
#[derive(Debug)]
struct Building {
    start: Date,
    /// S2's window runs from here (the switch, after S4 folds an aborted start).
    window_start: Date,
    opened_by: Rule,
    end_reason: EndReason,
    ended_by: Option<Rule>,
    /// The base regimen's drugs.
    base: DrugSet,
    /// Every line-defining drug placed in the line.
    drugs: DrugSet,
    /// Drugs placed before the line's first transplant.
    induction: DrugSet,
    pieces: Vec<Piece>,
    procedures: Vec<Procedure>,
    last_sct: Option<Date>,
    /// Each transplant event's days, from its first M4 agent to the transplant.
    sct_spans: Vec<(Date, Date)>,
    /// Infusion date of the line's CAR-T, when the line is a CAR-T line.
    car_t: Option<Date>,
    flags: Flags,
    decisions: Vec<Decision>,
}

impl Building {
    fn new(start: Date, opened_by: Rule) -> Building {
        Building {
            start,
            window_start: start,
            opened_by,
            end_reason: EndReason::Ongoing,
            ended_by: None,
            base: DrugSet::EMPTY,
            drugs: DrugSet::EMPTY,
            induction: DrugSet::EMPTY,
            pieces: Vec::new(),
            procedures: Vec::new(),
            last_sct: None,
            sct_spans: Vec::new(),
            car_t: None,
            flags: Flags::NONE,
            decisions: Vec::new(),
        }
    }

    /// Whether a treatment drug of the line is covered on `day` (its N1 episode).
    fn covered(&self, day: Date) -> bool {
        self.pieces
            .iter()
            .any(|p| p.is_treatment() && p.start <= day && day <= p.end)
    }

    /// The last day of treatment, transplant or CAR-T in the line.
    fn activity_end(&self) -> Date {
        let drugs = self
            .pieces
            .iter()
            .filter(|p| p.is_treatment())
            .map(|p| p.end);
        let procedures = self
            .procedures
            .iter()
            .filter(|p| p.kind != ProcedureKind::Apheresis)
            .map(|p| p.date);
        drugs.chain(procedures).max().unwrap_or(self.start)
    }

    fn phase_now(&self) -> LinePhase {
        if self.car_t.is_some() {
            LinePhase::CarT
        } else if self.last_sct.is_some() {
            LinePhase::Maintenance
        } else {
            LinePhase::Induction
        }
    }

    fn decide(&mut self, date: Date, rule: Rule, drugs: DrugSet) {
        self.decisions.push(Decision { date, rule, drugs });
    }
}

struct Sweep<'a> {
    p: &'a Params,
    defining: &'a [Episode],
    coverage: &'a [(Drug, Date, Date)],
    claims: &'a [Claim],
    scts: &'a [SctEvent],
    car_ts: &'a [CarTEvent],
    progressions: &'a [Date],
    opened_car_t: Vec<bool>,
    lines: Vec<Building>,
    /// Empty piece lists to reuse, from the lines of people before.
    spare_pieces: Vec<Vec<Piece>>,
    current: Option<Building>,
    any_sct: bool,
}

impl Sweep<'_> {
    /// Closes the current line (if any) with `reason` and opens a new one at `start`, carrying
    /// over the drugs still covered on that day. Returns the new line.
    fn cut(&mut self, start: Date, rule: Rule, reason: EndReason) -> &mut Building {
        let mut next = Building::new(start, rule);
        if let Some(pieces) = self.spare_pieces.pop() {
            next.pieces = pieces;
        }
        if let Some(mut old) = self.current.take() {
            old.end_reason = reason;
            old.ended_by = Some(rule);
            for piece in old.pieces.iter_mut() {
                if piece.is_treatment() && piece.start < start && piece.end >= start {
                    next.base = next.base.with(piece.drug);
                    next.drugs = next.drugs.with(piece.drug);
                    next.induction = next.induction.with(piece.drug);
                    next.pieces.push(Piece {
                        start,
                        flags: Flags::NONE,
                        phase: LinePhase::Induction,
                        purpose: Purpose::Treatment,
                        ..*piece
                    });
                    piece.end = start.add_days(-1);
                }
            }
            self.lines.push(old);
        }
        self.current.insert(next)
    }

    /// Places episode `i` in the current line.
    fn place(&mut self, i: usize, phase: LinePhase, purpose: Purpose, flags: Flags, base: bool) {
        let Some(e) = self.defining.get(i).copied() else {
            return;
        };
        let Some(line) = self.current.as_mut() else {
            return;
        };
        line.pieces.push(Piece {
            drug: e.drug,
            start: e.start,
            end: e.end,
            phase,
            purpose,
            flags,
            episode: i,
        });
        if purpose != Purpose::Conditioning && purpose != Purpose::Mobilisation {
            line.drugs = line.drugs.with(e.drug);
        }
        if base {
            line.base = line.base.with(e.drug);
        }
        if line.last_sct.is_none() && line.car_t.is_none() && purpose == Purpose::Treatment {
            line.induction = line.induction.with(e.drug);
        }
    }

    fn group_drugs(&self, group: &[usize]) -> DrugSet {
        group
            .iter()
            .filter_map(|&i| self.defining.get(i))
            .map(|e| e.drug)
            .collect()
    }

    /// The end reason of a cut for new drugs on `day` (definition 3).
    fn reason_for(&self, line: &Building, day: Date) -> EndReason {
        let gap = line.activity_end().days_until(day);
        if !line.covered(day) && gap >= self.p.discontinuation_gap_days {
            return EndReason::RestartAfterGap;
        }
        let exposure_covered = line.pieces.iter().any(|piece| {
            piece.is_treatment()
                && piece.start <= day
                && day <= piece.end
                && self
                    .defining
                    .get(piece.episode)
                    .is_some_and(|e| e.exposure_covers(self.coverage, day))
        });
        if exposure_covered {
            EndReason::Addition
        } else {
            EndReason::Switch
        }
    }

    /// Line-defining episodes starting on `day` that no event claimed: each rule in turn, by
    /// the reference's precedence, until one decides.
    fn episodes(&mut self, day: Date, group: &[usize]) {
        let drugs = self.group_drugs(group);
        let decided = self.s1(day, group)
            || self.c1_bridging(day, group, drugs)
            || self.c1_look_back(day, group, drugs)
            || self.m4_during_transplant(day, group, drugs)
            || self.same_day_as_start(day, group)
            || self.x4(day, group)
            || self.m2(day, group, drugs)
            || self.s5(day, group, drugs)
            || self.s2(day, group, drugs)
            || self.x2(day, group)
            || self.x3(day, group)
            || self.s4(day, group, drugs);
        if !decided {
            self.x1(day, group);
        }
    }

    /// Places a day's episodes in the current line as treatment.
    fn place_all(&mut self, group: &[usize], phase: LinePhase, flags: Flags, base: bool) {
        for &i in group {
            self.place(i, phase, Purpose::Treatment, flags, base);
        }
    }

    /// Records a decision that kept drugs in the current line.
    fn decide(&mut self, day: Date, rule: Rule, drugs: DrugSet) {
        if let Some(line) = self.current.as_mut() {
            line.decide(day, rule, drugs);
        }
    }

    /// Closes the current line and opens one at `day` holding the day's episodes.
    fn cut_with(&mut self, day: Date, group: &[usize], rule: Rule, reason: EndReason) {
        self.cut(day, rule, reason);
        self.place_all(group, LinePhase::Induction, Flags::NONE, true);
    }

    /// S1 Line start: the first line-defining exposure (or transplant, or CAR-T leukapheresis)
    /// on or after diagnosis minus the grace days opens the first line.
    fn s1(&mut self, day: Date, group: &[usize]) -> bool {
        if self.current.is_some() {
            return false;
        }
        self.cut_with(day, group, Rule::S1, EndReason::Ongoing);
        true
    }

    /// C1: treatment between the start of a CAR-T line and its infusion is bridging, part of
    /// that line (a progression in between does not split it).
    fn c1_bridging(&mut self, day: Date, group: &[usize], drugs: DrugSet) -> bool {
        let Some(line) = self.current.as_ref() else {
            return false;
        };
        if line.car_t.is_none_or(|infusion| day > infusion) {
            return false;
        }
        for &i in group {
            self.place(i, LinePhase::CarT, Purpose::Bridging, Flags::NONE, true);
        }
        self.decide(day, Rule::C1, drugs);
        true
    }

    /// C1 without leukapheresis: the CAR-T line starts at the first bridging or lymphodepletion
    /// drug within `cart_lookback_days` before the infusion that is not part of a line already
    /// running (a drug new to the current line).
    fn c1_look_back(&mut self, day: Date, group: &[usize], drugs: DrugSet) -> bool {
        let Some(line) = self.current.as_ref() else {
            return false;
        };
        if drugs.difference(line.drugs).is_empty() {
            return false;
        }
        let look_back = self.p.cart_lookback_days;
        let Some(k) = (0..self.car_ts.len()).find(|&k| {
            let e = self.car_ts[k];
            !self.opened_car_t[k]
                && e.leukapheresis.is_none()
                && day < e.start
                && day.days_until(e.infusion) <= look_back
        }) else {
            return false;
        };
        self.open_car_t(k, day);
        for &i in group {
            self.place(i, LinePhase::CarT, Purpose::Bridging, Flags::NONE, true);
        }
        true
    }

    /// M4: a drug starting during a transplant event (from its first conditioning or
    /// mobilisation agent to the transplant) joins the event's line, as the event's own agents
    /// do.
    fn m4_during_transplant(&mut self, day: Date, group: &[usize], drugs: DrugSet) -> bool {
        let Some(line) = self.current.as_ref() else {
            return false;
        };
        if !line.sct_spans.iter().any(|&(a, b)| a <= day && day <= b) {
            return false;
        }
        self.place_all(group, LinePhase::Transplant, Flags::NONE, false);
        self.decide(day, Rule::M4, drugs);
        true
    }

    /// S2 on the line's first day: drugs starting the day the line starts are its base regimen.
    fn same_day_as_start(&mut self, day: Date, group: &[usize]) -> bool {
        let Some(line) = self.current.as_ref() else {
            return false;
        };
        if day > line.start {
            return false;
        }
        let phase = line.phase_now();
        self.place_all(group, phase, Flags::NONE, true);
        true
    }

    /// X4 Progression override: when a supplied progression falls after the line's start and on
    /// or before this day, the first line-defining episode on or after it starts a new line,
    /// whatever the windows say.
    fn x4(&mut self, day: Date, group: &[usize]) -> bool {
        let Some(line) = self.current.as_ref() else {
            return false;
        };
        let start = line.start;
        if !self.progressions.iter().any(|&q| start < q && q <= day) {
            return false;
        }
        self.cut_with(day, group, Rule::X4, EndReason::Progression);
        true
    }

    /// M2 Consolidation and maintenance: after a transplant in the line, therapy starting within
    /// `post_sct_window_days` whose drugs (judged together with those starting the same day) are
    /// all maintenance-eligible or the line's induction drugs stays in the line; anything else
    /// starting in that window is a new line. Later starts are judged by X1-X3 and S5.
    fn m2(&mut self, day: Date, group: &[usize], drugs: DrugSet) -> bool {
        let Some(line) = self.current.as_ref() else {
            return false;
        };
        let Some(sct) = line.last_sct.filter(|&s| s < day) else {
            return false;
        };
        let p = self.p;
        if sct.days_until(day) > p.post_sct_window_days {
            return false;
        }
        let eligible = drugs
            .iter()
            .all(|d| roles::is_maintenance_eligible(d) || line.induction.contains(d));
        if !eligible {
            let reason = self.reason_for(line, day);
            self.cut_with(day, group, Rule::M2, reason);
            return true;
        }
        // Kept after a drug-free gap without any progression data: it may be relapse therapy
        // (the reference's E9), so the join is flagged.
        let inferred = !line.covered(day)
            && line.activity_end().days_until(day) >= p.discontinuation_gap_days
            && self.progressions.is_empty();
        let flags = if inferred {
            Flags::INFERRED
        } else {
            Flags::NONE
        };
        self.place_all(group, LinePhase::Maintenance, flags, false);
        self.decide(day, Rule::M2, drugs);
        true
    }

    /// Whether every drug of the current line has been stopped for at least the
    /// discontinuation gap on `day`.
    fn long_gap(&self, day: Date) -> bool {
        self.current.as_ref().is_some_and(|line| {
            !line.covered(day)
                && line.activity_end().days_until(day) >= self.p.discontinuation_gap_days
        })
    }

    /// S5 Resume: drugs of the line started again with no other line in between stay in the
    /// line (`ResumedDrug`), unless every drug has been stopped for the discontinuation gap (X3;
    /// with `restart_after_gap = SameLine` they stay then too).
    fn s5(&mut self, day: Date, group: &[usize], drugs: DrugSet) -> bool {
        let Some(line) = self.current.as_ref() else {
            return false;
        };
        if !drugs.is_subset(line.drugs) {
            return false;
        }
        let phase = line.phase_now();
        let long_gap = self.long_gap(day);
        if long_gap && self.p.restart_after_gap == RestartAfterGap::NewLine {
            self.restart(day, group);
            return true;
        }
        self.place_all(group, phase, Flags::RESUMED_DRUG, false);
        self.decide(day, if long_gap { Rule::X3 } else { Rule::S5 }, drugs);
        true
    }

    /// S2 Base regimen: a line-defining drug whose episode starts on days `0` to
    /// `regimen_window_days - 1` of the line joins its base regimen while a drug of the line is
    /// covered that day; after day `late_addition_after_days` it is flagged `LateAddition`.
    fn s2(&mut self, day: Date, group: &[usize], drugs: DrugSet) -> bool {
        let Some(line) = self.current.as_ref() else {
            return false;
        };
        let window_day = line.window_start.days_until(day);
        if !line.covered(day) || window_day >= self.p.regimen_window_days {
            return false;
        }
        let flags = if window_day > self.p.late_addition_after_days {
            Flags::LATE_ADDITION
        } else {
            Flags::NONE
        };
        let phase = line.phase_now();
        self.place_all(group, phase, flags, true);
        self.decide(day, Rule::S2, drugs);
        true
    }

    /// X2 Addition: a line-defining drug not in the line starts after the regimen window while
    /// the line goes on (a drug of it is covered): a new line, which keeps the drugs carried
    /// over (DRd, not daratumumab). The end reason follows the exposures' own coverage
    /// (definition 3), so it reads Switch when the new drug falls between doses.
    fn x2(&mut self, day: Date, group: &[usize]) -> bool {
        let Some(line) = self.current.as_ref() else {
            return false;
        };
        if !line.covered(day) {
            return false;
        }
        let reason = self.reason_for(line, day);
        self.cut_with(day, group, Rule::X2, reason);
        true
    }

    /// X3 Restart after gap: every drug of the line stopped for at least the discontinuation gap,
    /// then therapy with a new drug: a new line, flagged `Inferred`. (With `SameLine`, a new drug
    /// after the gap is judged as a switch.)
    fn x3(&mut self, day: Date, group: &[usize]) -> bool {
        if !self.long_gap(day) || self.p.restart_after_gap != RestartAfterGap::NewLine {
            return false;
        }
        self.restart(day, group);
        true
    }

    /// S4 Short first regimen: if the line's base drugs all stopped within `min_line_days` of
    /// the base regimen's start and a switch follows, the line is not counted: its drugs are
    /// kept, flagged `AbortedStart`, in the line that follows, which starts on the aborted
    /// start's date, with its regimen window running from the switch. Off when `min_line_days`
    /// is 0; never for a line with a transplant or CAR-T.
    fn s4(&mut self, day: Date, group: &[usize], drugs: DrugSet) -> bool {
        let Some(line) = self.current.as_mut() else {
            return false;
        };
        let base_end = line
            .pieces
            .iter()
            .filter(|piece| line.base.contains(piece.drug) && piece.is_treatment())
            .map(|piece| piece.end)
            .max()
            .unwrap_or(line.window_start);
        let min = self.p.min_line_days;
        if min <= 0
            || line.window_start.days_until(base_end) > min
            || line.last_sct.is_some()
            || line.car_t.is_some()
        {
            return false;
        }
        for piece in line.pieces.iter_mut() {
            piece.flags = piece.flags.union(Flags::ABORTED_START);
        }
        line.base = DrugSet::EMPTY;
        line.window_start = day;
        line.decide(day, Rule::S4, drugs);
        self.place_all(group, LinePhase::Induction, Flags::NONE, true);
        true
    }

    /// X1 Switch: every drug of the line stopped and a different line-defining drug starts: a
    /// new line, at any time, even inside the regimen window.
    fn x1(&mut self, day: Date, group: &[usize]) {
        let reason = match self.current.as_ref() {
            Some(line) => self.reason_for(line, day),
            None => EndReason::Switch,
        };
        self.cut_with(day, group, Rule::X1, reason);
    }

    /// X3: a new line after a drug-free gap, flagged `Inferred` (a progression would have made it X4).
    fn restart(&mut self, day: Date, group: &[usize]) {
        let line = self.cut(day, Rule::X3, EndReason::RestartAfterGap);
        line.flags = line.flags.union(Flags::INFERRED);
        for &i in group {
            self.place(
                i,
                LinePhase::Induction,
                Purpose::Treatment,
                Flags::NONE,
                true,
            );
        }
    }

    /// Opens CAR-T event `k`'s line at `start` (C1).
    fn open_car_t(&mut self, k: usize, start: Date) {
        let Some(event) = self.car_ts.get(k).copied() else {
            return;
        };
        if let Some(opened) = self.opened_car_t.get_mut(k) {
            *opened = true;
        }
        let same_day = self.current.as_ref().is_some_and(|l| start <= l.start);
        let line = if same_day {
            match self.current.as_mut() {
                Some(line) => line,
                None => return,
            }
        } else {
            self.cut(start, Rule::C1, EndReason::CarT)
        };
        line.car_t = Some(event.infusion);
        if let Some(a) = event.leukapheresis {
            line.procedures.push(Procedure {
                kind: ProcedureKind::Apheresis,
                date: a,
            });
        }
        if event.infusion_recorded {
            line.procedures.push(Procedure {
                kind: ProcedureKind::CarTInfusion,
                date: event.infusion,
            });
        }
        line.decide(start, Rule::C1, DrugSet::EMPTY);
        for i in 0..self.claims.len() {
            if let Claim::CarT(owner, purpose) = self.claims[i] {
                if owner == k {
                    self.place(i, LinePhase::CarT, purpose, Flags::NONE, true);
                }
            }
        }
    }

    /// A CAR-T event reached in date order.
    fn car_t(&mut self, k: usize) {
        if self.opened_car_t.get(k).copied().unwrap_or(true) {
            return;
        }
        let start = self.car_ts[k].start;
        self.open_car_t(k, start);
    }

    /// A transplant event reached in date order (M1, M3, with its M4 agents).
    fn sct(&mut self, k: usize) {
        let Some(event) = self.scts.get(k).copied() else {
            return;
        };
        let s = event.procedure.date;
        let p = *self.p;
        let first_of_person = !self.any_sct;
        self.any_sct = true;
        let join = match self.current.as_ref() {
            None => None,
            Some(line) if event.start <= line.start => Some(Rule::M1),
            Some(line) => match line.last_sct {
                None => {
                    // M1 (the first transplant) or M3's exception (a line opened by X1-X4 with
                    // no transplant yet): during the line or within the gap after it.
                    let rule = if first_of_person { Rule::M1 } else { Rule::M3 };
                    let within = line.activity_end().days_until(s) <= p.discontinuation_gap_days;
                    within.then_some(rule)
                }
                Some(previous) => {
                    // M3: a planned tandem has nothing line-defining between the transplants.
                    let nothing_between = !line.pieces.iter().any(|piece| {
                        piece.is_treatment() && piece.end > previous && piece.start < event.start
                    });
                    let tandem = event.procedure.kind == ProcedureKind::AutoSct
                        && previous.days_until(s) <= p.tandem_max_days
                        && nothing_between;
                    tandem.then_some(Rule::M3)
                }
            },
        };
        match join {
            Some(rule) => {
                if let Some(line) = self.current.as_mut() {
                    line.decide(s, rule, DrugSet::EMPTY);
                }
            }
            None => {
                let (rule, reason, flags) = match self.current.as_ref() {
                    None => (Rule::S1, EndReason::Ongoing, Flags::NONE),
                    Some(line) if line.last_sct.is_none() && first_of_person => {
                        (Rule::M1, EndReason::RestartAfterGap, Flags::INFERRED)
                    }
                    Some(_) => (Rule::M3, EndReason::LaterTransplant, Flags::NONE),
                };
                let line = self.cut(event.start, rule, reason);
                line.flags = line.flags.union(flags);
            }
        }
        let Some(line) = self.current.as_mut() else {
            return;
        };
        if let Some(a) = event.apheresis {
            line.procedures.push(Procedure {
                kind: ProcedureKind::Apheresis,
                date: a,
            });
        }
        line.procedures.push(event.procedure);
        line.last_sct = Some(s);
        line.sct_spans.push((event.start, s));
        for i in 0..self.claims.len() {
            if let Claim::Sct(owner, purpose) = self.claims[i] {
                if owner == k {
                    self.place(i, LinePhase::Transplant, purpose, Flags::NONE, false);
                    if let Some(line) = self.current.as_mut() {
                        line.decide(
                            self.defining[i].start,
                            Rule::M4,
                            DrugSet::EMPTY.with(self.defining[i].drug),
                        );
                    }
                }
            }
        }
    }
}

/// E1 and the output: line ends, phases, steroids, numbering.
fn finish(
    building: &mut Vec<Building>,
    steroids: &[Episode],
    spare_pieces: &mut Vec<Vec<Piece>>,
) -> Vec<Line> {
    let mut lines = Vec::with_capacity(building.len());
    let mut building = building.drain(..).enumerate().peekable();
    while let Some((n, mut b)) = building.next() {
        let next_start = building.peek().map(|(_, next)| next.start);
        // E1: the last covered day before the next line, or the last transplant or CAR-T if later.
        let drugs_end = b.pieces.iter().map(|p| p.end).max();
        let procedures_end = b.procedures.iter().map(|p| p.date).max();
        let mut end = drugs_end.max(procedures_end).unwrap_or(b.start);
        if let Some(next) = next_start {
            end = end.min(next.add_days(-1));
        }
        let end = end.max(b.start);
        // Consolidation: two or more drugs started together after the transplant, until the
        // first of them stops, when that is within about 6 months; the rest is maintenance.
        let mut groups: Vec<(Date, DrugSet, Date)> = Vec::new();
        for piece in b
            .pieces
            .iter()
            .filter(|p| p.phase == LinePhase::Maintenance)
        {
            match groups.iter_mut().find(|g| g.0 == piece.start) {
                Some(g) => {
                    g.1 = g.1.with(piece.drug);
                    g.2 = g.2.min(piece.end);
                }
                None => groups.push((piece.start, piece.drug.into(), piece.end)),
            }
        }
        let mut split = Vec::new();
        for piece in b.pieces.iter_mut() {
            piece.end = piece.end.min(end).max(piece.start);
            if piece.phase != LinePhase::Maintenance {
                continue;
            }
            let Some(&(start, drugs, first_stop)) = groups.iter().find(|g| g.0 == piece.start)
            else {
                continue;
            };
            if drugs.len() < 2 || start.days_until(first_stop) > CONSOLIDATION_MAX_DAYS {
                continue;
            }
            if piece.end > first_stop {
                split.push(Piece {
                    start: first_stop.add_days(1),
                    phase: LinePhase::Maintenance,
                    ..*piece
                });
                piece.end = first_stop;
            }
            piece.phase = LinePhase::Consolidation;
        }
        b.pieces.extend(split);
        // Room for the steroids too, so that adding them does not move the list.
        let mut drugs: Vec<LineDrug> = Vec::with_capacity(b.pieces.len() + steroids.len());
        drugs.extend(b.pieces.iter().map(|p| LineDrug {
            drug: p.drug,
            role: roles::role(p.drug),
            phase: p.phase,
            purpose: p.purpose,
            start: p.start,
            end: p.end,
            flags: p.flags,
        }));
        // Phases from the line-defining drugs and the procedures.
        let mut phases: Vec<PhaseSpan> = Vec::with_capacity(PHASES.len());
        for phase in PHASES {
            let mut span: Option<PhaseSpan> = None;
            let mut extend = |start: Date, end: Date, drug: Option<(Drug, Purpose)>| {
                let s = span.get_or_insert(PhaseSpan {
                    phase,
                    start,
                    end,
                    drugs: DrugSet::EMPTY,
                    agents: DrugSet::EMPTY,
                });
                s.start = s.start.min(start);
                s.end = s.end.max(end);
                if let Some((d, purpose)) = drug {
                    s.drugs = s.drugs.with(d);
                    if matches!(
                        purpose,
                        Purpose::Conditioning | Purpose::Mobilisation | Purpose::Lymphodepletion
                    ) {
                        s.agents = s.agents.with(d);
                    }
                }
            };
            for d in drugs.iter().filter(|d| d.phase == phase) {
                extend(d.start, d.end, Some((d.drug, d.purpose)));
            }
            if phase == LinePhase::Transplant {
                for pr in b.procedures.iter().filter(|p| p.kind.is_transplant()) {
                    extend(pr.date, pr.date, None);
                }
            }
            if phase == LinePhase::CarT {
                for pr in b.procedures.iter() {
                    if b.car_t.is_some() {
                        extend(pr.date, pr.date, None);
                    }
                }
            }
            // A drug also given as treatment in the phase is not only an agent.
            let treated: DrugSet = drugs
                .iter()
                .filter(|d| {
                    d.phase == phase
                        && !matches!(
                            d.purpose,
                            Purpose::Conditioning
                                | Purpose::Mobilisation
                                | Purpose::Lymphodepletion
                        )
                })
                .map(|d| d.drug)
                .collect();
            if let Some(s) = span.as_mut() {
                s.agents = s.agents.difference(treated);
            }
            if let Some(mut s) = span {
                s.end = s.end.min(end);
                s.start = s.start.max(b.start).min(s.end);
                phases.push(s);
            }
        }
        phases.sort_by_key(|s| (s.start, s.phase));
        // Steroids: named with the phase they overlap; they never move a line's dates.
        for e in steroids {
            let start = e.start.max(b.start);
            let stop = e.end.min(end);
            if start > stop {
                continue;
            }
            let phase = phases
                .iter()
                .filter(|s| s.phase != LinePhase::Transplant && s.start <= stop && start <= s.end)
                .map(|s| s.phase)
                .next()
                .unwrap_or(LinePhase::Induction);
            for s in phases.iter_mut() {
                if s.phase != LinePhase::Transplant && s.start <= stop && start <= s.end {
                    s.drugs = s.drugs.with(e.drug);
                }
            }
            drugs.push(LineDrug {
                drug: e.drug,
                role: DrugRole::Steroid,
                phase,
                purpose: Purpose::Treatment,
                start,
                end: stop,
                flags: Flags::NONE,
            });
        }
        drugs.sort_by_key(|d| (d.start, d.drug, d.end));
        let flags = drugs.iter().fold(b.flags, |acc, d| acc.union(d.flags));
        b.procedures.sort_unstable();
        b.procedures.dedup();
        b.decisions.sort_by_key(|d| (d.date, d.rule));
        // The pieces are all in `drugs` now: their list goes back for a later line.
        let mut pieces = core::mem::take(&mut b.pieces);
        pieces.clear();
        spare_pieces.push(pieces);
        lines.push(Line {
            number: n + 1,
            start: b.start,
            end,
            opened_by: b.opened_by,
            end_reason: if next_start.is_some() {
                b.end_reason
            } else {
                EndReason::Ongoing
            },
            ended_by: if next_start.is_some() {
                b.ended_by
            } else {
                None
            },
            phases,
            drugs,
            procedures: b.procedures,
            flags,
            decisions: b.decisions,
        });
    }
    lines
}

/// About 6 months: the longest consolidation (definition 9).
const CONSOLIDATION_MAX_DAYS: i32 = 183;

const PHASES: [LinePhase; 5] = [
    LinePhase::Induction,
    LinePhase::Transplant,
    LinePhase::Consolidation,
    LinePhase::Maintenance,
    LinePhase::CarT,
];
