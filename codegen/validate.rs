//! Turns the parsed YAML into a checked catalogue: every id unique and a valid Rust identifier, every
//! cross-reference resolved, every name distinct once folded. All problems are reported in one run.

use std::collections::BTreeMap;

use super::diagnostic::{Diagnostic, Diagnostics};
use super::model::{self, Text};
use super::phf::{self, Phf};
use super::text;

pub use super::model::{
    AcronymOrigin, Dose, NoteKind, Phase, Regulator, RxcuiStatus, SideEffects, SourceKind,
    Transplant,
};

/// The most prior lines of therapy a condition may name; more is taken for a typing mistake.
pub const MAX_PRIOR_LINES: i64 = 15;

/// An unknown reference with no close match lists the known ids when there are at most this many.
const MAX_LISTED: usize = 8;

/// The most drugs the catalogue can hold: `DrugSet` is a 64-bit set.
pub const MAX_DRUGS: usize = 64;

/// An entry's stable id and the Rust identifier of its enum variant.
#[derive(Debug, Clone)]
pub struct Key {
    pub id: String,
    pub ident: String,
}

#[derive(Debug)]
pub struct Note {
    pub kind: NoteKind,
    pub text: String,
    pub sources: Vec<usize>,
}

#[derive(Debug)]
pub struct Passage {
    pub text: String,
    pub sources: Vec<usize>,
}

#[derive(Debug)]
pub struct Page {
    pub catalogue_version: String,
    pub reviewed: String,
    pub title: String,
    pub publisher: String,
    pub site: String,
    pub copyright: String,
    pub last_medical_review: Option<String>,
    pub expert_reviewer: usize,
    pub definition: Passage,
    pub planning: Passage,
    pub coverage: Passage,
    pub side_effects: Passage,
    pub side_effect_lists: SideEffects,
    pub clot_prevention: Passage,
    pub clot_prevention_guidance: Vec<Passage>,
    pub further_information: Passage,
    pub disclaimer: Passage,
    pub notes: Vec<Note>,
}

#[derive(Debug)]
pub struct Source {
    pub key: Key,
    pub kind: SourceKind,
    pub title: String,
    pub url: Option<String>,
    pub regulator: Option<Regulator>,
    pub notes: Vec<Note>,
}

#[derive(Debug)]
pub struct Class {
    pub key: Key,
    pub name: String,
    pub heading: String,
    pub targeted: bool,
    pub mechanism: Option<String>,
    pub side_effects: SideEffects,
    pub prevents_clots: bool,
    pub atc_groups: Vec<String>,
    pub sources: Vec<usize>,
    pub notes: Vec<Note>,
    /// Derived: the drugs of this class, in catalogue order.
    pub drugs: Vec<usize>,
    /// Derived: the targets of its drugs, in target order.
    pub targets: Vec<usize>,
}

#[derive(Debug)]
pub struct Target {
    pub key: Key,
    pub name: String,
    pub description: String,
    pub sources: Vec<usize>,
}

#[derive(Debug)]
pub struct Route {
    pub key: Key,
    pub name: String,
    pub wording: String,
    pub sources: Vec<usize>,
}

#[derive(Debug)]
pub struct Use {
    pub key: Key,
    pub wording: String,
    pub term: Option<String>,
    pub phases: Vec<Phase>,
    pub transplant: Vec<Transplant>,
    pub sources: Vec<usize>,
    /// Derived: drugs and regimens that the catalogue links to this use.
    pub drugs: Vec<usize>,
    pub regimens: Vec<usize>,
}

#[derive(Debug)]
pub struct Alias {
    pub name: String,
    pub source: usize,
}

#[derive(Debug)]
pub struct Codes {
    pub atc: String,
    pub atc_retired: Vec<String>,
    pub rxcui: Option<u32>,
    pub rxcui_status: RxcuiStatus,
    pub rxcui_evidence: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exposure {
    Drug(usize),
    Class(usize),
    Target(usize),
}

#[derive(Debug)]
pub struct Prerequisites {
    pub min_prior_lines: Option<u8>,
    pub max_prior_lines: Option<u8>,
    pub prior_exposure: Vec<Exposure>,
    pub progression_on_last: bool,
    pub source: usize,
    pub page_wording: Option<String>,
    pub page_source: Option<usize>,
}

#[derive(Debug)]
pub struct Drug {
    pub key: Key,
    pub generic_name: String,
    pub brand_names: Vec<String>,
    pub class: usize,
    pub targets: Vec<usize>,
    pub description: String,
    pub routes: Vec<(usize, String)>,
    pub uses: Vec<(usize, String)>,
    pub given_alone: bool,
    pub prerequisites: Option<Prerequisites>,
    pub clot_risk: Vec<usize>,
    pub aliases: Vec<Alias>,
    pub codes: Codes,
    pub sources: Vec<usize>,
    pub notes: Vec<Note>,
    /// Derived: the regimens that contain this drug.
    pub regimens: Vec<usize>,
}

#[derive(Debug)]
pub struct Regimen {
    pub key: Key,
    pub acronym: String,
    pub acronym_origin: AcronymOrigin,
    pub aliases: Vec<Alias>,
    pub components: Vec<(usize, Option<Dose>)>,
    pub most_common_with: Vec<usize>,
    pub uses: Vec<usize>,
    pub prerequisites: Option<Prerequisites>,
    pub sources: Vec<usize>,
    pub notes: Vec<Note>,
    /// Derived: bit `i` set for drug `i`.
    pub drug_bits: u64,
}

/// What a folded name resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Drug(usize),
    Regimen(usize),
}

/// The resolver's table: every folded name and the entry it names, placed by a perfect hash.
pub struct Names {
    pub keys: Vec<(String, Named)>,
    pub phf: Phf,
}

/// The whole catalogue, checked.
pub struct Checked {
    pub page: Page,
    pub sources: Vec<Source>,
    pub classes: Vec<Class>,
    pub targets: Vec<Target>,
    pub routes: Vec<Route>,
    pub uses: Vec<Use>,
    pub drugs: Vec<Drug>,
    pub regimens: Vec<Regimen>,
    pub names: Names,
    /// The perfect hash from a regimen's drug set to the regimen.
    pub drug_sets: phf::SetTable,
}

/// Checks the parsed catalogue; returns every problem found, or the checked model.
pub fn check(catalogue: &model::Catalogue) -> Result<Checked, Diagnostics> {
    let mut diags = Diagnostics::default();
    let cx = Context::new(catalogue, &mut diags);
    let checked = cx.check(catalogue, &mut diags);
    if diags.is_empty() {
        Ok(checked)
    } else {
        Err(diags)
    }
}

/// The ids of one kind of entry, for resolving references to them.
struct Ids {
    kind: &'static str,
    /// The file that defines them.
    file: &'static str,
    index: BTreeMap<String, usize>,
}

impl Ids {
    /// Checks each id's form and uniqueness and derives its Rust identifier with `ident_of` (given
    /// the written text the id comes from, and the id).
    fn collect(
        kind: &'static str,
        file: &'static str,
        entries: &[(String, &Text)],
        ident_of: fn(&str, &str) -> String,
        diags: &mut Diagnostics,
    ) -> (Ids, Vec<Key>) {
        let mut index = BTreeMap::new();
        // Each identifier made so far: the id and written text that made it, and its line.
        let mut idents: BTreeMap<String, (&str, &str, u64)> = BTreeMap::new();
        let mut keys = Vec::new();
        for (position, (id, span)) in entries.iter().enumerate() {
            let written = span.value.as_str();
            let ident = ident_of(written, id);
            // How the entry is named in messages: its id, or the text its id is derived from.
            let label = if written == id {
                format!("{kind} id `{id}`")
            } else {
                format!("{kind} `{written}`")
            };
            if !is_valid_id(id) {
                let rule = "ids are lower-case ASCII letters, digits and single hyphens, starting with a letter, so that each makes a Rust identifier";
                let diagnostic = if written == id {
                    Diagnostic::spanned(file, span, format!("{label} is not a valid id")).hint(rule)
                } else {
                    Diagnostic::spanned(
                        file,
                        span,
                        format!("{label} makes the id `{id}`, which is not valid"),
                    )
                    .hint(format!("a {kind}'s id is derived from it; {rule}"))
                };
                diags.push(diagnostic);
            } else if is_keyword(&ident) {
                diags.push(
                    Diagnostic::spanned(
                        file,
                        span,
                        format!("{label} makes the Rust identifier `{ident}`, which is a keyword"),
                    )
                    .hint("an enum variant cannot be named by a keyword; choose another id"),
                );
            } else if let Some((_, first)) = index.get(id).and_then(|i: &usize| entries.get(*i)) {
                let line = first.referenced.line();
                let diagnostic = if written == id {
                    Diagnostic::spanned(file, span, format!("duplicate {kind} id `{id}`"))
                        .hint(format!("first defined at line {line}"))
                } else {
                    Diagnostic::spanned(
                        file,
                        span,
                        format!("{label} has the same id `{id}` as {kind} `{}`", first.value),
                    )
                    .hint(format!(
                        "`{}` is at line {line}; each {kind} is listed once",
                        first.value
                    ))
                };
                diags.push(diagnostic);
            } else if let Some((other_id, other_written, line)) = idents.get(&ident) {
                let both = if written == id {
                    format!("{kind} ids `{other_id}` and `{id}`")
                } else {
                    format!("{kind}s `{other_written}` and `{written}`")
                };
                diags.push(
                    Diagnostic::spanned(
                        file,
                        span,
                        format!("{both} both make the Rust identifier `{ident}`"),
                    )
                    .hint(format!("`{other_written}` is at line {line}; rename one")),
                );
            } else {
                idents.insert(ident.clone(), (id, written, span.referenced.line()));
                index.insert(id.clone(), position);
            }
            keys.push(Key {
                id: id.clone(),
                ident,
            });
        }
        (Ids { kind, file, index }, keys)
    }

    /// Resolves a reference written in `file` by `owner` (for example "regimen `RVd`").
    fn get(&self, file: &str, owner: &str, name: &Text, diags: &mut Diagnostics) -> Option<usize> {
        if let Some(i) = self.index.get(&name.value) {
            return Some(*i);
        }
        let suggestion = closest(&name.value, self.index.keys().map(String::as_str));
        let diagnostic = Diagnostic::spanned(
            file,
            name,
            format!("{owner} names unknown {} `{}`", self.kind, name.value),
        );
        let diagnostic = match suggestion {
            Some(_) => diagnostic.suggest(suggestion),
            // With no close match, a short list of what there is helps more than nothing.
            None if !self.index.is_empty() && self.index.len() <= MAX_LISTED => {
                let known: Vec<String> = self.index.keys().map(|k| format!("`{k}`")).collect();
                diagnostic.hint(format!("{} defines {}", self.file, known.join(", ")))
            }
            None => diagnostic,
        };
        diags.push(diagnostic);
        None
    }

    fn get_all(
        &self,
        file: &str,
        owner: &str,
        names: &[Text],
        diags: &mut Diagnostics,
    ) -> Vec<usize> {
        self.get_listed(file, owner, names, |n| n, diags)
            .into_iter()
            .map(|(i, _)| i)
            .collect()
    }

    /// Resolves the reference in each item of a list, reporting unknown ones and any listed twice.
    fn get_listed<'a, T>(
        &self,
        file: &str,
        owner: &str,
        items: &'a [T],
        name: impl Fn(&T) -> &Text,
        diags: &mut Diagnostics,
    ) -> Vec<(usize, &'a T)> {
        for (i, item) in items.iter().enumerate() {
            let this = name(item);
            if let Some(first) = items[..i].iter().map(&name).find(|n| n.value == this.value) {
                diags.push(
                    Diagnostic::spanned(
                        file,
                        this,
                        format!("{owner} lists {} `{}` twice", self.kind, this.value),
                    )
                    .hint(format!(
                        "it is already listed at line {}, column {}",
                        first.referenced.line(),
                        first.referenced.column()
                    )),
                );
            }
        }
        items
            .iter()
            .filter_map(|item| self.get(file, owner, name(item), diags).map(|i| (i, item)))
            .collect()
    }
}

/// The closest candidate by edit distance, if close enough to suggest.
fn closest<'a>(wrong: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .filter_map(|c| text::edit_distance(wrong.as_bytes(), c.as_bytes()).map(|d| (d, c)))
        .filter(|(d, _)| text::is_close(*d, wrong.len()))
        .min()
        .map(|(_, c)| c)
}

/// Lower-case letters, digits and single inner hyphens, starting with a letter.
fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes[0].is_ascii_lowercase()
        && !id.ends_with('-')
        && !id.contains("--")
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
}

/// Whether a PascalCase identifier is a Rust keyword, which no enum variant may be named.
fn is_keyword(ident: &str) -> bool {
    ident == "Self"
}

/// The enum variant for an id, whatever text it was derived from.
fn id_identifier(_written: &str, id: &str) -> String {
    identifier(id)
}

/// The enum variant for an id: PascalCase of its hyphen-separated parts (`cd38` -> `Cd38`).
pub fn identifier(id: &str) -> String {
    id.split('-').map(capitalise).collect()
}

/// The enum variant for a regimen, from its acronym as clinicians write it: `D-RVd` -> `DRVd`,
/// `VTd-PACE` -> `VTdPace` (an all-capital part longer than two letters reads as a word).
pub fn regimen_identifier(acronym: &str) -> String {
    acronym
        .split(|c: char| !c.is_ascii_alphanumeric())
        .map(|part| {
            if part.len() > 2 && part.bytes().all(|b| b.is_ascii_uppercase()) {
                capitalise(&part.to_ascii_lowercase())
            } else {
                capitalise(part)
            }
        })
        .collect()
}

fn capitalise(part: &str) -> String {
    let mut chars = part.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// A drug's id: its generic name in lower case, spaces as hyphens.
pub fn drug_id(generic_name: &str) -> String {
    generic_name.trim().to_lowercase().replace(' ', "-")
}

const SOURCES: &str = "sources.yaml";
const CLASSES: &str = "classes.yaml";
const TARGETS: &str = "targets.yaml";
const ROUTES: &str = "routes.yaml";
const USES: &str = "uses.yaml";
const DRUGS: &str = "drugs.yaml";
const REGIMENS: &str = "regimens.yaml";
const PAGE: &str = "page.yaml";

struct Context {
    sources: Ids,
    classes: Ids,
    targets: Ids,
    routes: Ids,
    uses: Ids,
    drugs: Ids,
    keys: [Vec<Key>; 7],
}

impl Context {
    fn new(c: &model::Catalogue, diags: &mut Diagnostics) -> Context {
        let (sources, k0) = Ids::collect(
            "source",
            SOURCES,
            &ids_of(c.sources.iter().map(|s| &s.id)),
            id_identifier,
            diags,
        );
        let (classes, k1) = Ids::collect(
            "class",
            CLASSES,
            &ids_of(c.classes.iter().map(|s| &s.id)),
            id_identifier,
            diags,
        );
        let (targets, k2) = Ids::collect(
            "target",
            TARGETS,
            &ids_of(c.targets.iter().map(|s| &s.id)),
            id_identifier,
            diags,
        );
        let (routes, k3) = Ids::collect(
            "route",
            ROUTES,
            &ids_of(c.routes.iter().map(|s| &s.id)),
            id_identifier,
            diags,
        );
        let (uses, k4) = Ids::collect(
            "use",
            USES,
            &ids_of(c.uses.iter().map(|s| &s.id)),
            id_identifier,
            diags,
        );
        let drug_ids: Vec<(String, &Text)> = c
            .drugs
            .iter()
            .map(|d| (drug_id(&d.generic_name.value), &d.generic_name))
            .collect();
        let (drugs, k5) = Ids::collect("drug", DRUGS, &drug_ids, id_identifier, diags);
        let regimen_ids: Vec<(String, &Text)> = c
            .regimens
            .iter()
            .map(|r| (r.acronym.value.to_ascii_lowercase(), &r.acronym))
            .collect();
        let (_, k6) = Ids::collect(
            "regimen",
            REGIMENS,
            &regimen_ids,
            |acronym, _| regimen_identifier(acronym),
            diags,
        );
        if c.drugs.len() > MAX_DRUGS {
            if let Some(last) = c.drugs.get(MAX_DRUGS) {
                diags.push(Diagnostic::spanned(
                    DRUGS,
                    &last.generic_name,
                    format!(
                        "the catalogue holds at most {MAX_DRUGS} drugs (DrugSet is a 64-bit set)"
                    ),
                ));
            }
        }
        Context {
            sources,
            classes,
            targets,
            routes,
            uses,
            drugs,
            keys: [k0, k1, k2, k3, k4, k5, k6],
        }
    }

    fn check(self, c: &model::Catalogue, diags: &mut Diagnostics) -> Checked {
        let [k0, k1, k2, k3, k4, k5, k6] = self.keys.clone();
        let page = self.page(&c.page, diags);
        let sources = c
            .sources
            .iter()
            .zip(k0)
            .map(|(s, key)| self.source(s, key, diags))
            .collect();
        let mut classes: Vec<Class> = c
            .classes
            .iter()
            .zip(k1)
            .map(|(x, key)| Class {
                name: x.name.clone(),
                heading: x.heading.clone(),
                targeted: x.targeted,
                mechanism: x.mechanism.clone(),
                side_effects: x.side_effects,
                prevents_clots: x.prevents_clots,
                atc_groups: x.atc_groups.iter().map(|g| g.value.clone()).collect(),
                sources: self.sources.get_all(
                    CLASSES,
                    &format!("class `{}`", key.id),
                    &x.sources,
                    diags,
                ),
                notes: self.notes(CLASSES, &key.id, &x.notes, diags),
                drugs: Vec::new(),
                targets: Vec::new(),
                key,
            })
            .collect();
        let targets = c
            .targets
            .iter()
            .zip(k2)
            .map(|(x, key)| Target {
                name: x.name.clone(),
                description: x.description.clone(),
                sources: self.sources.get_all(
                    TARGETS,
                    &format!("target `{}`", key.id),
                    &x.sources,
                    diags,
                ),
                key,
            })
            .collect::<Vec<_>>();
        let routes = c
            .routes
            .iter()
            .zip(k3)
            .map(|(x, key)| Route {
                name: x.name.clone(),
                wording: x.wording.clone(),
                sources: self.sources.get_all(
                    ROUTES,
                    &format!("route `{}`", key.id),
                    &x.sources,
                    diags,
                ),
                key,
            })
            .collect();
        let mut uses: Vec<Use> = c
            .uses
            .iter()
            .zip(k4)
            .map(|(x, key)| self.use_(x, key, diags))
            .collect();
        let mut drugs: Vec<Drug> = c
            .drugs
            .iter()
            .zip(k5)
            .map(|(x, key)| self.drug(x, key, &c.classes, diags))
            .collect();
        let mut regimens: Vec<Regimen> = c
            .regimens
            .iter()
            .zip(k6)
            .map(|(x, key)| self.regimen(x, key, diags))
            .collect();
        check_codes(&c.drugs, diags);
        check_atc_groups(&c.classes, &c.drugs, diags);
        check_distinct_drug_sets(&c.regimens, &regimens, diags);
        derive_links(
            &mut classes,
            &mut uses,
            &mut drugs,
            &mut regimens,
            targets.len(),
        );
        let names = names(c, diags);
        let drug_sets = drug_set_table(&regimens, diags);
        Checked {
            page,
            sources,
            classes,
            targets,
            routes,
            uses,
            drugs,
            regimens,
            names,
            drug_sets,
        }
    }

    fn passage(&self, owner: &str, p: &model::Passage, diags: &mut Diagnostics) -> Passage {
        Passage {
            text: p.text.clone(),
            sources: self.sources.get_all(PAGE, owner, &p.sources, diags),
        }
    }

    fn page(&self, p: &model::Page, diags: &mut Diagnostics) -> Page {
        let passage = |name: &str, x: &model::Passage, diags: &mut Diagnostics| {
            self.passage(&format!("page passage `{name}`"), x, diags)
        };
        if !is_date(&p.reviewed.value) {
            diags.push(
                Diagnostic::spanned(
                    PAGE,
                    &p.reviewed,
                    format!("`reviewed` is `{}`, not a date", p.reviewed.value),
                )
                .hint("write it as YYYY-MM-DD"),
            );
        }
        if p.catalogue_version.value.trim().is_empty() {
            diags.push(Diagnostic::spanned(
                PAGE,
                &p.catalogue_version,
                "`catalogue_version` is empty",
            ));
        }
        Page {
            catalogue_version: p.catalogue_version.value.clone(),
            reviewed: p.reviewed.value.clone(),
            title: p.title.clone(),
            publisher: p.publisher.clone(),
            site: p.site.clone(),
            copyright: p.copyright.clone(),
            last_medical_review: p.last_medical_review.clone(),
            expert_reviewer: self
                .sources
                .get(
                    PAGE,
                    "the page's `expert_reviewer`",
                    &p.expert_reviewer,
                    diags,
                )
                .unwrap_or_default(),
            definition: passage("definition", &p.definition, diags),
            planning: passage("planning", &p.planning, diags),
            coverage: passage("coverage", &p.coverage, diags),
            side_effects: passage("side_effects", &p.side_effects, diags),
            side_effect_lists: p.side_effect_lists,
            clot_prevention: passage("clot_prevention", &p.clot_prevention, diags),
            clot_prevention_guidance: p
                .clot_prevention_guidance
                .iter()
                .map(|x| passage("clot_prevention_guidance", x, diags))
                .collect(),
            further_information: passage("further_information", &p.further_information, diags),
            disclaimer: passage("disclaimer", &p.disclaimer, diags),
            notes: self.notes(PAGE, "page", &p.notes, diags),
        }
    }

    fn notes(
        &self,
        file: &str,
        owner: &str,
        notes: &[model::Note],
        diags: &mut Diagnostics,
    ) -> Vec<Note> {
        notes
            .iter()
            .map(|n| Note {
                kind: n.kind,
                text: n.text.clone(),
                sources: self.sources.get_all(
                    file,
                    &format!("a note on `{owner}`"),
                    &n.sources,
                    diags,
                ),
            })
            .collect()
    }

    fn source(&self, s: &model::Source, key: Key, diags: &mut Diagnostics) -> Source {
        let is_label = s.kind == SourceKind::Label;
        match (&s.regulator, is_label) {
            (None, true) => diags.push(
                Diagnostic::spanned(
                    SOURCES,
                    &s.id,
                    format!("label `{}` has no `regulator`", key.id),
                )
                .hint("a label's rules follow its regulator: health-canada, us-fda or ema"),
            ),
            (Some(r), false) => diags.push(
                Diagnostic::spanned(
                    SOURCES,
                    r,
                    format!("source `{}` has a `regulator` but is not a label", key.id),
                )
                .hint("only `kind: label` sources name a regulator"),
            ),
            _ => {}
        }
        Source {
            kind: s.kind,
            title: s.title.clone(),
            url: s.url.clone(),
            regulator: s.regulator.as_ref().map(|r| r.value),
            notes: self.notes(SOURCES, &key.id, &s.notes, diags),
            key,
        }
    }

    fn use_(&self, x: &model::Use, key: Key, diags: &mut Diagnostics) -> Use {
        if x.phases.is_empty() {
            diags.push(
                Diagnostic::spanned(USES, &x.id, format!("use `{}` lists no phases", key.id))
                    .hint("name at least one of newly-diagnosed, after-induction, after-transplant, relapsed, refractory"),
            );
        }
        let mut phases: Vec<Phase> = x.phases.iter().map(|p| p.value).collect();
        phases.sort();
        phases.dedup();
        let mut transplant: Vec<Transplant> = x.transplant.iter().map(|p| p.value).collect();
        transplant.sort();
        transplant.dedup();
        Use {
            wording: x.wording.clone(),
            term: x.term.clone(),
            phases,
            transplant,
            sources: self
                .sources
                .get_all(USES, &format!("use `{}`", key.id), &x.sources, diags),
            drugs: Vec::new(),
            regimens: Vec::new(),
            key,
        }
    }

    fn drug(
        &self,
        x: &model::Drug,
        key: Key,
        classes: &[model::Class],
        diags: &mut Diagnostics,
    ) -> Drug {
        let owner = format!("drug `{}`", key.id);
        let class = self.classes.get(DRUGS, &owner, &x.class, diags);
        let targeted = class
            .and_then(|c| classes.get(c))
            .is_some_and(|c| c.targeted);
        if targeted && x.brand_names.is_empty() {
            diags.push(
                Diagnostic::spanned(
                    DRUGS,
                    &x.generic_name,
                    format!("targeted {owner} has no brand name"),
                )
                .hint("the page gives a brand name for every targeted drug"),
            );
        }
        if targeted && x.routes.is_empty() {
            diags.push(
                Diagnostic::spanned(
                    DRUGS,
                    &x.generic_name,
                    format!("targeted {owner} has no route"),
                )
                .hint("the page says how every targeted drug is given"),
            );
        }
        let routes: Vec<(usize, String)> = self
            .routes
            .get_listed(DRUGS, &owner, &x.routes, |r| &r.route, diags)
            .into_iter()
            .map(|(i, r)| (i, r.wording.clone()))
            .collect();
        let uses: Vec<(usize, String)> = self
            .uses
            .get_listed(DRUGS, &owner, &x.uses, |u| &u.use_, diags)
            .into_iter()
            .map(|(i, u)| (i, u.wording.clone()))
            .collect();
        if let (Some(prerequisites), false) = (&x.prerequisites, x.given_alone) {
            diags.push(
                Diagnostic::spanned(
                    DRUGS,
                    prerequisites,
                    format!("{owner} has prerequisites but is not `given_alone`"),
                )
                .hint("conditions for a drug in a combination belong on the regimen"),
            );
        }
        Drug {
            generic_name: x.generic_name.value.clone(),
            brand_names: x.brand_names.iter().map(|b| b.value.clone()).collect(),
            class: class.unwrap_or_default(),
            targets: self.targets.get_all(DRUGS, &owner, &x.targets, diags),
            description: x.description.clone(),
            routes,
            uses,
            given_alone: x.given_alone,
            prerequisites: x
                .prerequisites
                .as_ref()
                .map(|p| self.prerequisites(DRUGS, &owner, p, diags)),
            clot_risk: self.sources.get_all(DRUGS, &owner, &x.clot_risk, diags),
            aliases: self.aliases(DRUGS, &owner, &x.aliases, diags),
            codes: Codes {
                atc: x.codes.atc.value.clone(),
                atc_retired: x
                    .codes
                    .atc_retired
                    .iter()
                    .map(|c| c.value.clone())
                    .collect(),
                rxcui: x.codes.rxcui.as_ref().map(|r| r.value),
                rxcui_status: x.codes.rxcui_status.value,
                rxcui_evidence: x.codes.rxcui_evidence.clone(),
            },
            sources: self.sources.get_all(DRUGS, &owner, &x.sources, diags),
            notes: self.notes(DRUGS, &key.id, &x.notes, diags),
            regimens: Vec::new(),
            key,
        }
    }

    fn aliases(
        &self,
        file: &str,
        owner: &str,
        aliases: &[model::Alias],
        diags: &mut Diagnostics,
    ) -> Vec<Alias> {
        aliases
            .iter()
            .filter_map(|a| {
                let source = self.sources.get(
                    file,
                    &format!("alias `{}` of {owner}", a.name.value),
                    &a.source,
                    diags,
                )?;
                Some(Alias {
                    name: a.name.value.clone(),
                    source,
                })
            })
            .collect()
    }

    fn prerequisites(
        &self,
        file: &str,
        owner: &str,
        spanned: &serde_saphyr::Spanned<model::Prerequisites>,
        diags: &mut Diagnostics,
    ) -> Prerequisites {
        let p = &spanned.value;
        let lines =
            |field: &str, value: &Option<serde_saphyr::Spanned<i64>>, diags: &mut Diagnostics| {
                let v = value.as_ref()?;
                if (0..=MAX_PRIOR_LINES).contains(&v.value) {
                    u8::try_from(v.value).ok()
                } else {
                    diags.push(
                        Diagnostic::spanned(file, v, format!("{owner} has `{field}: {}`", v.value))
                            .hint(format!(
                            "a number of prior lines of therapy is between 0 and {MAX_PRIOR_LINES}"
                        )),
                    );
                    None
                }
            };
        let min = lines("min_prior_lines", &p.min_prior_lines, diags);
        let max = lines("max_prior_lines", &p.max_prior_lines, diags);
        if let (Some(lo), Some(hi), Some(span)) = (min, max, &p.max_prior_lines) {
            if lo > hi {
                diags.push(Diagnostic::spanned(
                    file,
                    span,
                    format!("{owner} has `max_prior_lines` {hi} below `min_prior_lines` {lo}"),
                ));
            }
        }
        match (&p.page_wording, &p.page_source) {
            (Some(wording), None) => diags.push(
                Diagnostic::spanned(
                    file,
                    wording,
                    format!("{owner} quotes `page_wording` without a `page_source`"),
                )
                .hint("name the page section the wording comes from"),
            ),
            (None, Some(s)) => diags.push(Diagnostic::spanned(
                file,
                s,
                format!("{owner} names a `page_source` but quotes no `page_wording`"),
            )),
            _ => {}
        }
        if p.min_prior_lines.is_none()
            && p.max_prior_lines.is_none()
            && p.prior_exposure.is_empty()
            && !p.progression_on_last
        {
            diags.push(
                Diagnostic::spanned(file, spanned, format!("{owner} has prerequisites that state no condition"))
                    .hint("give `min_prior_lines`, `max_prior_lines`, `prior_exposure` or `progression_on_last`, or remove `prerequisites`"),
            );
        }
        let mut prior_exposure: Vec<Exposure> = Vec::new();
        for e in &p.prior_exposure {
            let Some(exposure) = self.exposure(file, owner, e, diags) else {
                continue;
            };
            if prior_exposure.contains(&exposure) {
                let named = e
                    .value
                    .drug
                    .as_ref()
                    .or(e.value.class.as_ref())
                    .or(e.value.target.as_ref());
                diags.push(Diagnostic::spanned(
                    file,
                    e,
                    format!(
                        "{owner} asks for prior exposure to `{}` twice",
                        named.map_or("", |n| n.value.as_str())
                    ),
                ));
            } else {
                prior_exposure.push(exposure);
            }
        }
        Prerequisites {
            min_prior_lines: min,
            max_prior_lines: max,
            prior_exposure,
            progression_on_last: p.progression_on_last,
            source: self
                .sources
                .get(file, owner, &p.source, diags)
                .unwrap_or_default(),
            page_wording: p.page_wording.as_ref().map(|w| w.value.clone()),
            page_source: p
                .page_source
                .as_ref()
                .and_then(|s| self.sources.get(file, owner, s, diags)),
        }
    }

    fn exposure(
        &self,
        file: &str,
        owner: &str,
        spanned: &serde_saphyr::Spanned<model::Exposure>,
        diags: &mut Diagnostics,
    ) -> Option<Exposure> {
        let e = &spanned.value;
        match (&e.drug, &e.class, &e.target) {
            (Some(d), None, None) => self.drugs.get(file, owner, d, diags).map(Exposure::Drug),
            (None, Some(c), None) => self.classes.get(file, owner, c, diags).map(Exposure::Class),
            (None, None, Some(t)) => self
                .targets
                .get(file, owner, t, diags)
                .map(Exposure::Target),
            (None, None, None) => {
                diags.push(
                    Diagnostic::spanned(
                        file,
                        spanned,
                        format!(
                            "a prior exposure of {owner} names none of `drug`, `class` or `target`"
                        ),
                    )
                    .hint("give it exactly one of them"),
                );
                None
            }
            _ => {
                diags.push(
                    Diagnostic::spanned(file, spanned, format!("a prior exposure of {owner} names more than one of `drug`, `class` or `target`"))
                        .hint("write one exposure a line; each names exactly one drug, class or target"),
                );
                None
            }
        }
    }

    fn regimen(&self, x: &model::Regimen, key: Key, diags: &mut Diagnostics) -> Regimen {
        let owner = format!("regimen `{}`", x.acronym.value);
        if x.components.value.is_empty() {
            diags.push(
                Diagnostic::spanned(
                    REGIMENS,
                    &x.components,
                    format!("{owner} has no components"),
                )
                .hint("a regimen names at least one drug"),
            );
        }
        let mut components: Vec<(usize, Option<Dose>)> = Vec::new();
        for part in &x.components.value {
            let Some(drug) = self.drugs.get(REGIMENS, &owner, &part.drug, diags) else {
                continue;
            };
            if components.iter().any(|(d, _)| *d == drug) {
                diags.push(
                    Diagnostic::spanned(
                        REGIMENS,
                        &part.drug,
                        format!("{owner} names drug `{}` twice", part.drug.value),
                    )
                    .hint("list each drug once, with its dose qualifier"),
                );
                continue;
            }
            components.push((drug, part.dose.as_ref().map(|d| d.value)));
        }
        // A component that did not resolve is reported already; the list below is not blamed for it.
        let all_resolved = x
            .components
            .value
            .iter()
            .all(|c| self.drugs.index.contains_key(&c.drug.value));
        let mut most_common_with = Vec::new();
        for text in &x.most_common_with {
            let Some(drug) = self.drugs.get(REGIMENS, &owner, text, diags) else {
                continue;
            };
            most_common_with.push(drug);
            if all_resolved && !components.iter().any(|(d, _)| *d == drug) {
                diags.push(Diagnostic::spanned(
                    REGIMENS,
                    text,
                    format!("{owner} is listed as most common with `{}`, which is not one of its components", text.value),
                ));
            }
        }
        let drug_bits =
            components.iter().fold(
                0u64,
                |bits, (d, _)| {
                    if *d < MAX_DRUGS {
                        bits | 1 << d
                    } else {
                        bits
                    }
                },
            );
        Regimen {
            acronym: x.acronym.value.clone(),
            acronym_origin: x.acronym_origin,
            aliases: self.aliases(REGIMENS, &owner, &x.aliases, diags),
            components,
            most_common_with,
            uses: self.uses.get_all(REGIMENS, &owner, &x.uses, diags),
            prerequisites: x
                .prerequisites
                .as_ref()
                .map(|p| self.prerequisites(REGIMENS, &owner, p, diags)),
            sources: self.sources.get_all(REGIMENS, &owner, &x.sources, diags),
            notes: self.notes(REGIMENS, &key.id, &x.notes, diags),
            drug_bits,
            key,
        }
    }
}

/// Each entry's written id with its span.
fn ids_of<'a>(ids: impl Iterator<Item = &'a Text>) -> Vec<(String, &'a Text)> {
    ids.map(|t| (t.value.clone(), t)).collect()
}

/// A calendar date written YYYY-MM-DD.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return false;
    }
    let number = |range: std::ops::Range<usize>| {
        s.get(range)
            .and_then(|t| t.parse::<u32>().ok())
            .unwrap_or(0)
    };
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    };
    (1..=days).contains(&day)
}

/// An ATC code is letter, two digits, two letters, two digits (L01XG01).
pub fn is_atc(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 7
        && b[0].is_ascii_uppercase()
        && b[1..3].iter().all(u8::is_ascii_digit)
        && b[3..5].iter().all(u8::is_ascii_uppercase)
        && b[5..7].iter().all(u8::is_ascii_digit)
}

/// An ATC group is the first 1, 3, 4 or 5 characters of an ATC code (`L`, `L01`, `L01X`, `L01XG`).
pub fn is_atc_group(group: &str) -> bool {
    const PATTERN: &[u8] = b"A00AA00";
    [1, 3, 4, 5].contains(&group.len())
        && group.bytes().zip(PATTERN).all(|(b, p)| {
            if p.is_ascii_digit() {
                b.is_ascii_digit()
            } else {
                b.is_ascii_uppercase()
            }
        })
}

/// Each class's ATC groups are well formed, claimed by one class only, and agree with the classes of
/// the drugs whose codes fall in them.
fn check_atc_groups(classes: &[model::Class], drugs: &[model::Drug], diags: &mut Diagnostics) {
    let mut claimed: BTreeMap<&str, &str> = BTreeMap::new();
    for class in classes {
        for group in &class.atc_groups {
            if !is_atc_group(&group.value) {
                diags.push(
                    Diagnostic::spanned(
                        CLASSES,
                        group,
                        format!(
                            "class `{}` has malformed ATC group `{}`",
                            class.id.value, group.value
                        ),
                    )
                    .hint("an ATC group is the start of an ATC code: L, L01, L01X or L01XG"),
                );
            } else if let Some(other) = claimed.insert(&group.value, &class.id.value) {
                diags.push(Diagnostic::spanned(
                    CLASSES,
                    group,
                    format!(
                        "ATC group `{}` is claimed by classes `{other}` and `{}`",
                        group.value, class.id.value
                    ),
                ));
            }
        }
    }
    // A drug whose class is unknown is reported once, as an unknown class.
    let known = |id: &str| classes.iter().any(|c| c.id.value == id);
    for drug in drugs.iter().filter(|d| known(&d.class.value)) {
        let code = &drug.codes.atc;
        for class in classes {
            let in_group = class
                .atc_groups
                .iter()
                .any(|g| code.value.starts_with(&g.value));
            if in_group && class.id.value != drug.class.value {
                diags.push(
                    Diagnostic::spanned(
                        DRUGS,
                        code,
                        format!(
                            "drug `{}` has ATC code `{}`, in a group of class `{}`, but its class is `{}`",
                            drug.generic_name.value, code.value, class.id.value, drug.class.value
                        ),
                    )
                    .hint("change the drug's class, or the class's `atc_groups`"),
                );
            }
        }
    }
}

/// Codes are well formed, each names one drug, and an RxNorm code is carried only where verified.
fn check_codes(drugs: &[model::Drug], diags: &mut Diagnostics) {
    let mut atc_seen: BTreeMap<&str, (&str, u64)> = BTreeMap::new();
    let mut rxcui_seen: BTreeMap<u32, (&str, u64)> = BTreeMap::new();
    for d in drugs {
        let name = d.generic_name.value.as_str();
        let codes = &d.codes;
        for code in std::iter::once(&codes.atc).chain(&codes.atc_retired) {
            if !is_atc(&code.value) {
                diags.push(
                    Diagnostic::spanned(DRUGS, code, format!("drug `{name}` has malformed ATC code `{}`", code.value))
                        .hint("an ATC code is a letter, two digits, two letters and two digits, such as L01XG01"),
                );
            } else if let Some((other, line)) = atc_seen.get(code.value.as_str()) {
                diags.push(
                    Diagnostic::spanned(
                        DRUGS,
                        code,
                        format!(
                            "ATC code `{}` is used by drugs `{other}` and `{name}`",
                            code.value
                        ),
                    )
                    .hint(format!("`{other}` gives it at line {line}")),
                );
            } else {
                atc_seen.insert(&code.value, (name, code.referenced.line()));
            }
        }
        match (&codes.rxcui, codes.rxcui_status.value) {
            (Some(r), RxcuiStatus::Unknown) => diags.push(
                Diagnostic::spanned(
                    DRUGS,
                    r,
                    format!(
                        "drug `{name}` carries RxNorm code {} with status `unknown`",
                        r.value
                    ),
                )
                .hint("carry an RxNorm code only where it is confirmed or likely"),
            ),
            (None, RxcuiStatus::Confirmed | RxcuiStatus::Likely) => {
                diags.push(Diagnostic::spanned(
                    DRUGS,
                    &codes.rxcui_status,
                    format!("drug `{name}` has an RxNorm status but no `rxcui`"),
                ))
            }
            (Some(r), _) => {
                if let Some((other, line)) = rxcui_seen.get(&r.value) {
                    diags.push(
                        Diagnostic::spanned(
                            DRUGS,
                            r,
                            format!(
                                "RxNorm code {} is used by drugs `{other}` and `{name}`",
                                r.value
                            ),
                        )
                        .hint(format!("`{other}` gives it at line {line}")),
                    );
                } else {
                    rxcui_seen.insert(r.value, (name, r.referenced.line()));
                }
            }
            (None, RxcuiStatus::Unknown) => {}
        }
    }
}

/// Two regimens with the same drugs at the same doses would make `Regimen::from_drugs` ambiguous.
fn check_distinct_drug_sets(raw: &[model::Regimen], regimens: &[Regimen], diags: &mut Diagnostics) {
    let mut seen: BTreeMap<Vec<(usize, Option<Dose>)>, &model::Regimen> = BTreeMap::new();
    for (r, x) in regimens.iter().zip(raw) {
        if r.components.is_empty() {
            continue;
        }
        let mut signature = r.components.clone();
        signature.sort();
        if let Some(other) = seen.get(&signature) {
            diags.push(
                Diagnostic::spanned(
                    REGIMENS,
                    &x.acronym,
                    format!(
                        "regimen `{}` has exactly the same drugs and doses as regimen `{}`",
                        x.acronym.value, other.acronym.value
                    ),
                )
                .hint(format!(
                    "nothing tells them apart; make `{}` an alias of `{}` (line {}) instead",
                    x.acronym.value,
                    other.acronym.value,
                    other.acronym.referenced.line()
                )),
            );
        } else {
            seen.insert(signature, x);
        }
    }
}

/// Fills in the links that are derived, never hand-kept: a class's drugs and targets, a use's drugs
/// and regimens, a drug's regimens.
fn derive_links(
    classes: &mut [Class],
    uses: &mut [Use],
    drugs: &mut [Drug],
    regimens: &mut [Regimen],
    targets: usize,
) {
    for (d, drug) in drugs.iter().enumerate() {
        if let Some(class) = classes.get_mut(drug.class) {
            class.drugs.push(d);
        }
        for (u, _) in &drug.uses {
            if let Some(u) = uses.get_mut(*u) {
                u.drugs.push(d);
            }
        }
    }
    for class in classes.iter_mut() {
        class.targets = (0..targets)
            .filter(|t| class.drugs.iter().any(|d| drugs[*d].targets.contains(t)))
            .collect();
    }
    for (r, regimen) in regimens.iter().enumerate() {
        for (d, _) in &regimen.components {
            if let Some(drug) = drugs.get_mut(*d) {
                drug.regimens.push(r);
            }
        }
        for u in &regimen.uses {
            if let Some(u) = uses.get_mut(*u) {
                u.regimens.push(r);
            }
        }
    }
}

/// Folded names seen so far, with what each names, its owner, where it is written and in which file.
type Folded<'a> = BTreeMap<String, (Named, String, &'a Text, &'static str)>;

/// Adds one name to the table, reporting a name that cannot be folded or that another entry shares.
fn add_name<'a>(
    by_fold: &mut Folded<'a>,
    name: &'a Text,
    named: Named,
    owner: String,
    file: &'static str,
    diags: &mut Diagnostics,
) {
    let mut buf = [0u8; text::MAX_FOLDED];
    let Some(len) = text::fold(name.value.as_bytes(), &mut buf) else {
        diags.push(
            Diagnostic::spanned(
                file,
                name,
                format!("name `{}` of {owner} is too long", name.value),
            )
            .hint(format!(
                "a name folds to at most {} letters and digits",
                text::MAX_FOLDED
            )),
        );
        return;
    };
    let folded = &buf[..len];
    if folded.is_empty()
        || !folded
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        diags.push(
            Diagnostic::spanned(
                file,
                name,
                format!("name `{}` of {owner} cannot be resolved", name.value),
            )
            .hint("a name is ASCII letters and digits, with spaces, hyphens or dots between them"),
        );
        return;
    }
    let folded = String::from_utf8_lossy(folded).into_owned();
    match by_fold.get(&folded) {
            Some((_, other_owner, other, other_file)) => diags.push(
                Diagnostic::spanned(
                    file,
                    name,
                    format!(
                        "name `{}` of {owner} and name `{}` of {other_owner} are written the same way once case and separators are ignored (`{folded}`)",
                        name.value, other.value
                    ),
                )
                .hint(format!("`{}` is at catalogue/{other_file}:{}; remove or change one", other.value, other.referenced.line())),
            ),
            None => {
                by_fold.insert(folded, (named, owner, name, file));
            }
        }
}

/// The table behind `Regimen::from_drugs`, keyed by each regimen's drug set in catalogue order.
fn drug_set_table(regimens: &[Regimen], diags: &mut Diagnostics) -> phf::SetTable {
    let keys: Vec<u64> = regimens.iter().map(|r| r.drug_bits).collect();
    phf::build_sets(&keys).unwrap_or_else(|| {
        diags.push(Diagnostic::at(
            REGIMENS,
            1,
            1,
            "no perfect hash was found for the regimens' drug sets",
        ));
        phf::SetTable {
            multiplier: 1,
            slots_log2: 1,
            slots: vec![None; 2],
        }
    })
}

/// Every name a drug or regimen is written by, folded; two entries may not share a written form.
fn names(c: &model::Catalogue, diags: &mut Diagnostics) -> Names {
    let mut by_fold: Folded = BTreeMap::new();
    let mut add = |name, named, owner, file, diags: &mut Diagnostics| {
        add_name(&mut by_fold, name, named, owner, file, diags)
    };
    // An entry whose id repeats an earlier one's is reported as a duplicate id; its main name is not
    // reported a second time as a clash of written forms.
    let mut ids = std::collections::BTreeSet::new();
    for (i, d) in c.drugs.iter().enumerate() {
        let id = drug_id(&d.generic_name.value);
        let owner = format!("drug `{id}`");
        if ids.insert(id) {
            add(&d.generic_name, Named::Drug(i), owner.clone(), DRUGS, diags);
        }
        for n in d
            .brand_names
            .iter()
            .chain(d.aliases.iter().map(|a| &a.name))
        {
            add(n, Named::Drug(i), owner.clone(), DRUGS, diags);
        }
    }
    ids.clear();
    for (i, r) in c.regimens.iter().enumerate() {
        let owner = format!("regimen `{}`", r.acronym.value);
        if ids.insert(r.acronym.value.to_ascii_lowercase()) {
            add(
                &r.acronym,
                Named::Regimen(i),
                owner.clone(),
                REGIMENS,
                diags,
            );
        }
        for a in &r.aliases {
            add(&a.name, Named::Regimen(i), owner.clone(), REGIMENS, diags);
        }
    }
    let keys: Vec<(String, Named)> = by_fold.into_iter().map(|(k, (n, ..))| (k, n)).collect();
    let bytes: Vec<&[u8]> = keys.iter().map(|(k, _)| k.as_bytes()).collect();
    let phf = phf::build(&bytes).unwrap_or_else(|| {
        diags.push(Diagnostic::at(
            DRUGS,
            1,
            1,
            "no perfect hash was found for the catalogue's names",
        ));
        Phf {
            seed: 0,
            displacements: vec![(0, 0)],
            slots: vec![None],
        }
    });
    Names { keys, phf }
}
