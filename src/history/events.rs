//! Rules M4 and C1, first pass: which drugs and procedures belong to a transplant or a CAR-T
//! event rather than to ordinary treatment. The line rules then treat each event as one item.

use alloc::vec::Vec;

use super::episodes::Episode;
use super::roles;
use super::{Date, Params, Procedure, ProcedureKind, Purpose};
use crate::DrugRole;

/// What an episode turned out to be part of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Claim {
    /// Ordinary treatment, for the line rules to place.
    Free,
    /// Part of transplant event `usize` (M4).
    Sct(usize, Purpose),
    /// Part of CAR-T event `usize` (C1).
    CarT(usize, Purpose),
}

/// A stem cell transplant with its M4 agents.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SctEvent {
    pub procedure: Procedure,
    /// The first day of the event: its earliest conditioning or mobilisation agent, else the SCT.
    pub start: Date,
    /// Stem-cell apheresis collected for it.
    pub apheresis: Option<Date>,
}

/// A CAR-T infusion with its leukapheresis, lymphodepletion and bridging.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CarTEvent {
    pub infusion: Date,
    /// Whether the infusion was recorded as a procedure (else only as a product given as a drug).
    pub infusion_recorded: bool,
    /// The first day of the event: the leukapheresis, else the first lymphodepletion agent, else
    /// the infusion. Bridging without leukapheresis can open the line earlier (see `lines`).
    pub start: Date,
    pub leukapheresis: Option<Date>,
}

/// Infusions closer than this are one infusion recorded twice (a procedure and a product).
const SAME_INFUSION_DAYS: i32 = 7;

/// Finds the transplant and CAR-T events and claims their agents. An agent's episode must be over
/// by the transplant or infusion: a drug that goes on after it is treatment. `episodes` are every
/// line-defining episode sorted by drug then start; `claims` gets one entry per episode.
pub(crate) fn find(
    episodes: &[Episode],
    procedures: &[Procedure],
    params: &Params,
    claims: &mut Vec<Claim>,
    scts: &mut Vec<SctEvent>,
    car_ts: &mut Vec<CarTEvent>,
) {
    claims.clear();
    claims.resize(episodes.len(), Claim::Free);
    scts.clear();
    car_ts.clear();

    // Infusions: procedures, and CAR-T products given as drugs.
    let mut infusions: Vec<(Date, bool)> = procedures
        .iter()
        .filter(|p| p.kind == ProcedureKind::CarTInfusion)
        .map(|p| (p.date, true))
        .chain(
            episodes
                .iter()
                .filter(|e| roles::is_car_t_product(e.drug))
                .map(|e| (e.start, false)),
        )
        .collect();
    infusions.sort_unstable();
    let mut merged: Vec<(Date, bool)> = Vec::with_capacity(infusions.len());
    for (date, recorded) in infusions {
        match merged.last_mut() {
            Some(last) if last.0.days_until(date) <= SAME_INFUSION_DAYS => last.1 |= recorded,
            _ => merged.push((date, recorded)),
        }
    }
    let transplants = || procedures.iter().filter(|p| p.kind.is_transplant());
    let aphereses = || {
        procedures
            .iter()
            .filter(|p| p.kind == ProcedureKind::Apheresis)
    };
    let mut used_apheresis: Vec<Date> = Vec::new();

    // C1 first (it takes precedence over M4).
    for (k, &(infusion, recorded)) in merged.iter().enumerate() {
        let leukapheresis = aphereses()
            .map(|p| p.date)
            .filter(|&a| {
                a <= infusion
                    && a.days_until(infusion) <= params.leukapheresis_max_days
                    && !transplants().any(|s| a < s.date && s.date <= infusion)
                    && !used_apheresis.contains(&a)
            })
            .max();
        let mut start = leukapheresis.unwrap_or(infusion);
        for (i, e) in episodes.iter().enumerate() {
            if claims[i] != Claim::Free {
                continue;
            }
            let before = e.start.days_until(infusion);
            let purpose = if roles::is_car_t_product(e.drug) && before.abs() <= SAME_INFUSION_DAYS {
                Purpose::CarTProduct
            } else if roles::is_lymphodepletion_agent(e.drug)
                && (0..=params.lymphodepletion_days).contains(&before)
                && e.end <= infusion
            {
                Purpose::Lymphodepletion
            } else if leukapheresis.is_some_and(|a| a <= e.start && e.start <= infusion) {
                Purpose::Bridging
            } else {
                continue;
            };
            claims[i] = Claim::CarT(k, purpose);
            if purpose == Purpose::Lymphodepletion && leukapheresis.is_none() {
                start = start.min(e.start);
            }
        }
        if let Some(a) = leukapheresis {
            used_apheresis.push(a);
        }
        car_ts.push(CarTEvent {
            infusion,
            infusion_recorded: recorded,
            start,
            leukapheresis,
        });
    }

    // M4: conditioning, stem-cell apheresis and mobilisation belong to their transplant.
    let mut sorted: Vec<Procedure> = transplants().copied().collect();
    sorted.sort_unstable();
    for (k, &sct) in sorted.iter().enumerate() {
        let s = sct.date;
        let mut start = s;
        for (i, e) in episodes.iter().enumerate() {
            let before = e.start.days_until(s);
            if claims[i] == Claim::Free
                && roles::is_conditioning_agent(e.drug)
                && (0..=params.conditioning_days).contains(&before)
                && e.end <= s
            {
                claims[i] = Claim::Sct(k, Purpose::Conditioning);
                start = start.min(e.start);
            }
        }
        for i in 0..episodes.len() {
            let e = episodes[i];
            let before = e.start.days_until(s);
            if claims[i] != Claim::Free
                || !roles::is_mobilisation_agent(e.drug)
                || !(0..=params.mobilization_days).contains(&before)
                || e.end > s
            {
                continue;
            }
            // The only new agent: no other line-defining drug starts an episode in those days,
            // conditioning melphalan aside.
            let alone = episodes.iter().enumerate().all(|(j, o)| {
                j == i
                    || o.start < e.start
                    || o.start > s
                    || claims[j] == Claim::Sct(k, Purpose::Conditioning)
                    || roles::role(o.drug) != DrugRole::LineDefining
            });
            if alone {
                claims[i] = Claim::Sct(k, Purpose::Mobilisation);
                start = start.min(e.start);
            }
        }
        let previous = k.checked_sub(1).map(|p| sorted[p].date);
        let apheresis = aphereses()
            .map(|p| p.date)
            .filter(|&a| {
                a <= s
                    && previous.is_none_or(|p| a > p)
                    && !used_apheresis.contains(&a)
                    && !merged.iter().any(|&(i, _)| a <= i && i < s)
            })
            .max();
        if let Some(a) = apheresis {
            used_apheresis.push(a);
        }
        scts.push(SctEvent {
            procedure: sct,
            start,
            apheresis,
        });
    }
}
