//! Turns the parsed YAML into a checked catalogue: every id unique and a valid Rust identifier, every
//! cross-reference resolved, every name distinct once folded. All problems are reported in one run.

use std::collections::BTreeMap;

use super::diagnostic::{Diagnostic, Diagnostics};
use super::model::{self, Text};
use super::phf::{self, Phf};
use super::text;

pub use super::model::{
    AcronymOrigin, ApprovalStatus, Dose, IndicationStatus, NoteKind, Phase, Regulator, Role,
    RxcuiStatus, Setting, SideEffects, SourceKind, Transplant,
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
    pub parent: Option<usize>,
    /// Derived: whether the source page describes the class (it cites a page section).
    pub on_page: bool,
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
    pub ambiguous: bool,
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
    pub role: Role,
    pub maintenance: bool,
    pub description: Option<String>,
    /// Each route with the page's wording or the label that states it.
    pub routes: Vec<(usize, Option<String>, Option<usize>)>,
    pub products: Vec<Product>,
    pub approvals: Vec<Approval>,
    pub indications: Vec<Indication>,
    /// Derived: whether the source page describes the drug (it cites a page section).
    pub on_page: bool,
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
pub struct Product {
    pub name: String,
    pub ingredients: Option<String>,
    pub route: usize,
    pub regulator: Regulator,
    pub source: usize,
}

#[derive(Debug)]
pub struct Approval {
    pub regulator: Regulator,
    pub status: ApprovalStatus,
    pub date: Option<String>,
    pub what: String,
    pub source: usize,
}

/// Refractoriness an indication asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refractory {
    To(Exposure),
    LastTherapy,
}

#[derive(Debug)]
pub struct Indication {
    pub regulator: Regulator,
    pub status: IndicationStatus,
    pub date: Option<String>,
    pub setting: Option<Setting>,
    pub min_prior_lines: Option<u8>,
    pub max_prior_lines: Option<u8>,
    pub prior_exposure: Vec<Exposure>,
    pub refractory_to: Vec<Refractory>,
    pub not_exposed_to: Vec<Exposure>,
    pub progression_on_last: bool,
    pub other: Vec<String>,
    pub wording: String,
    pub verified: bool,
    pub source: usize,
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
    pub settings: Vec<Setting>,
    pub basis: Vec<(String, usize)>,
    pub indications: Vec<Indication>,
    pub prerequisites: Option<Prerequisites>,
    pub sources: Vec<usize>,
    pub notes: Vec<Note>,
    /// Derived: whether the source page lists the regimen (it cites a page section).
    pub on_page: bool,
    /// Derived: bit `i` set for drug `i`.
    pub drug_bits: u64,
}

/// What a folded name resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Named {
    Drug(usize),
    Regimen(usize),
    /// A name that means more than one entry in practice: an index into [`Names::ambiguous`].
    Ambiguous(usize),
}

/// The resolver's table: every folded name and the entry it names, placed by a perfect hash.
pub struct Names {
    pub keys: Vec<(String, Named)>,
    pub phf: Phf,
    /// The entries each ambiguous name means, in catalogue order.
    pub ambiguous: Vec<Vec<Named>>,
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
                parent: self.parent_class(x, &c.classes, diags),
                on_page: Self::cites_page(&x.sources, &c.sources),
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
            .map(|(x, key)| self.drug(x, key, c, diags))
            .collect();
        let mut regimens: Vec<Regimen> = c
            .regimens
            .iter()
            .zip(k6)
            .map(|(x, key)| self.regimen(x, key, &c.sources, diags))
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

    /// A class's parent: a known class that has no parent of its own, so the tree is one level deep.
    fn parent_class(
        &self,
        x: &model::Class,
        classes: &[model::Class],
        diags: &mut Diagnostics,
    ) -> Option<usize> {
        let written = x.parent.as_ref()?;
        let owner = format!("class `{}`", x.id.value);
        let parent = self.classes.get(CLASSES, &owner, written, diags)?;
        if written.value == x.id.value {
            diags.push(Diagnostic::spanned(
                CLASSES,
                written,
                format!("{owner} names itself as its parent"),
            ));
            return None;
        }
        if let Some(grand) = classes.get(parent).and_then(|p| p.parent.as_ref()) {
            diags.push(
                Diagnostic::spanned(
                    CLASSES,
                    written,
                    format!(
                        "{owner} has parent `{}`, which has a parent of its own (`{}`)",
                        written.value, grand.value
                    ),
                )
                .hint("a class's parent is a top-level class"),
            );
            return None;
        }
        Some(parent)
    }

    /// Whether any of the sources is a section of the source page.
    fn cites_page(sources: &[Text], all: &[model::Source]) -> bool {
        sources.iter().any(|s| {
            all.iter()
                .any(|x| x.id.value == s.value && x.kind == SourceKind::PageSection)
        })
    }

    /// A date as precise as its source: YYYY, YYYY-MM or YYYY-MM-DD.
    fn approval_date(file: &str, owner: &str, date: &Text, diags: &mut Diagnostics) {
        let d = date.value.as_str();
        let valid = match d.len() {
            4 => d.bytes().all(|b| b.is_ascii_digit()),
            7 => is_date(&format!("{d}-01")),
            _ => is_date(d),
        };
        if !valid {
            diags.push(
                Diagnostic::spanned(file, date, format!("{owner} has malformed date `{d}`"))
                    .hint("write YYYY-MM-DD, or YYYY-MM or YYYY where the source gives no more"),
            );
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
        c: &model::Catalogue,
        diags: &mut Diagnostics,
    ) -> Drug {
        let owner = format!("drug `{}`", key.id);
        let class = self.classes.get(DRUGS, &owner, &x.class, diags);
        let targeted = class
            .and_then(|i| c.classes.get(i))
            .is_some_and(|c| c.targeted);
        let on_page = Self::cites_page(&x.sources, &c.sources);
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
        let mut routes = Vec::new();
        for (i, r) in self
            .routes
            .get_listed(DRUGS, &owner, &x.routes, |r| &r.route, diags)
        {
            let source = match (&r.wording, &r.source) {
                (Some(_), None) => None,
                (None, Some(s)) => self.sources.get(DRUGS, &owner, s, diags),
                (wording, _) => {
                    diags.push(
                        Diagnostic::spanned(
                            DRUGS,
                            &r.route,
                            format!(
                                "route `{}` of {owner} has {}",
                                r.route.value,
                                if wording.is_some() { "both the page's `wording` and a `source`" } else { "neither the page's `wording` nor a `source`" }
                            ),
                        )
                        .hint("quote the page's `wording` where the page states the route; otherwise cite the label as `source`"),
                    );
                    None
                }
            };
            routes.push((i, r.wording.clone(), source));
        }
        if on_page != x.description.is_some() {
            diags.push(
                Diagnostic::spanned(
                    DRUGS,
                    &x.generic_name,
                    if on_page {
                        format!("{owner} cites the page but has no `description`")
                    } else {
                        format!("{owner} has a `description` but cites no page section")
                    },
                )
                .hint("`description` holds what the source page says of a drug it names"),
            );
        }
        if x.maintenance && x.role.value != model::Role::LineDefining {
            diags.push(Diagnostic::spanned(
                DRUGS,
                &x.role,
                format!("{owner} is marked `maintenance` but its role is not `line-defining`"),
            ));
        }
        let products = x
            .products
            .iter()
            .filter_map(|p| {
                let of = format!("product `{}` of {owner}", p.name.value);
                let route = self.routes.get(DRUGS, &of, &p.route, diags);
                let source = self.sources.get(DRUGS, &of, &p.source, diags);
                Some(Product {
                    name: p.name.value.clone(),
                    ingredients: p.ingredients.clone(),
                    route: route?,
                    regulator: p.regulator.value,
                    source: source?,
                })
            })
            .collect();
        let approvals = x
            .approvals
            .iter()
            .filter_map(|a| {
                let of = format!("an approval of {owner}");
                if let Some(date) = &a.date {
                    Self::approval_date(DRUGS, &of, date, diags);
                }
                Some(Approval {
                    regulator: a.regulator.value,
                    status: a.status.value,
                    date: a.date.as_ref().map(|d| d.value.clone()),
                    what: a.what.clone(),
                    source: self.sources.get(DRUGS, &of, &a.source, diags)?,
                })
            })
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
            role: x.role.value,
            maintenance: x.maintenance,
            description: x.description.clone(),
            routes,
            products,
            approvals,
            indications: self.indications(DRUGS, &owner, &x.indications, diags),
            on_page,
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
                    ambiguous: a.ambiguous,
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
        let (min, max) = line_bounds(file, owner, &p.min_prior_lines, &p.max_prior_lines, diags);
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

    /// A therapy's indications: each cites a label of its own regulator, states a setting unless
    /// it says there is none, and keeps its line bounds in order.
    fn indications(
        &self,
        file: &str,
        owner: &str,
        list: &[model::Indication],
        diags: &mut Diagnostics,
    ) -> Vec<Indication> {
        let mut out = Vec::new();
        for x in list {
            let of = format!("an indication of {owner}");
            if let Some(date) = &x.date {
                Self::approval_date(file, &of, date, diags);
            }
            let none = x.status.value == IndicationStatus::None;
            match (&x.setting, none) {
                (None, false) => diags.push(
                    Diagnostic::spanned(file, &x.status, format!("{of} states no `setting`"))
                        .hint("name the setting it approves, such as relapsed-or-refractory"),
                ),
                (Some(s), true) => diags.push(
                    Diagnostic::spanned(file, s, format!("{of} has status `none` and a `setting`"))
                        .hint("an entry of status `none` records that the regulator names no indication"),
                ),
                _ => {}
            }
            let (min, max) = line_bounds(file, &of, &x.min_prior_lines, &x.max_prior_lines, diags);
            let source = self.sources.get(file, &of, &x.source, diags);
            let exposures = |list: &[serde_saphyr::Spanned<model::Exposure>],
                             diags: &mut Diagnostics| {
                list.iter()
                    .filter_map(|e| self.exposure(file, &of, e, diags))
                    .collect::<Vec<_>>()
            };
            let prior_exposure = exposures(&x.prior_exposure, diags);
            let not_exposed_to = exposures(&x.not_exposed_to, diags);
            let mut refractory_to = Vec::new();
            for r in &x.refractory_to {
                let v = &r.value;
                if v.last_therapy {
                    if v.drug.is_some() || v.class.is_some() || v.target.is_some() {
                        diags.push(Diagnostic::spanned(file, r, format!("a refractoriness of {of} names the last therapy and a drug, class or target")).hint("write one a line"));
                    } else {
                        refractory_to.push(Refractory::LastTherapy);
                    }
                    continue;
                }
                let as_exposure = serde_saphyr::Spanned {
                    value: model::Exposure {
                        drug: v.drug.clone(),
                        class: v.class.clone(),
                        target: v.target.clone(),
                    },
                    referenced: r.referenced,
                    defined: r.defined,
                };
                if let Some(e) = self.exposure(file, &of, &as_exposure, diags) {
                    refractory_to.push(Refractory::To(e));
                }
            }
            let Some(source) = source else { continue };
            out.push(Indication {
                regulator: x.regulator.value,
                status: x.status.value,
                date: x.date.as_ref().map(|d| d.value.clone()),
                setting: x.setting.as_ref().map(|s| s.value),
                min_prior_lines: min,
                max_prior_lines: max,
                prior_exposure,
                refractory_to,
                not_exposed_to,
                progression_on_last: x.progression_on_last,
                other: x.other.clone(),
                wording: x.wording.clone(),
                verified: x.verified,
                source,
            });
        }
        out
    }

    fn regimen(
        &self,
        x: &model::Regimen,
        key: Key,
        all_sources: &[model::Source],
        diags: &mut Diagnostics,
    ) -> Regimen {
        let owner = format!("regimen `{}`", x.acronym.value);
        let on_page = Self::cites_page(&x.sources, all_sources);
        if !on_page && !x.uses.is_empty() {
            diags.push(
                Diagnostic::spanned(
                    REGIMENS,
                    &x.uses[0],
                    format!("{owner} lists the page's `uses` but cites no page section"),
                )
                .hint("`uses` are the source page's; give the settings of use as `settings`"),
            );
        }
        let mut settings: Vec<Setting> = Vec::new();
        for s in &x.settings {
            if settings.contains(&s.value) {
                diags.push(Diagnostic::spanned(
                    REGIMENS,
                    s,
                    format!("{owner} lists setting `{:?}` twice", s.value),
                ));
            } else {
                settings.push(s.value);
            }
        }
        if settings.is_empty() && !on_page {
            diags.push(
                Diagnostic::spanned(REGIMENS, &x.acronym, format!("{owner} has no settings")).hint(
                    "name the settings of treatment it is used in, such as relapsed-or-refractory",
                ),
            );
        }
        let basis = x
            .basis
            .iter()
            .filter_map(|b| {
                let of = format!("basis `{}` of {owner}", b.name);
                Some((
                    b.name.clone(),
                    self.sources.get(REGIMENS, &of, &b.source, diags)?,
                ))
            })
            .collect();
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
            settings,
            basis,
            indications: self.indications(REGIMENS, &owner, &x.indications, diags),
            prerequisites: x
                .prerequisites
                .as_ref()
                .map(|p| self.prerequisites(REGIMENS, &owner, p, diags)),
            sources: self.sources.get_all(REGIMENS, &owner, &x.sources, diags),
            notes: self.notes(REGIMENS, &key.id, &x.notes, diags),
            on_page,
            drug_bits,
            key,
        }
    }
}

/// A condition's least and most prior lines: each between 0 and [`MAX_PRIOR_LINES`], the least no
/// more than the most.
fn line_bounds(
    file: &str,
    owner: &str,
    min: &Option<serde_saphyr::Spanned<i64>>,
    max: &Option<serde_saphyr::Spanned<i64>>,
    diags: &mut Diagnostics,
) -> (Option<u8>, Option<u8>) {
    let mut lines = |field: &str, value: &Option<serde_saphyr::Spanned<i64>>| {
        let v = value.as_ref()?;
        if (0..=MAX_PRIOR_LINES).contains(&v.value) {
            u8::try_from(v.value).ok()
        } else {
            diags.push(
                Diagnostic::spanned(file, v, format!("{owner} has `{field}: {}`", v.value)).hint(
                    format!(
                        "a number of prior lines of therapy is between 0 and {MAX_PRIOR_LINES}"
                    ),
                ),
            );
            None
        }
    };
    let lo = lines("min_prior_lines", min);
    let hi = lines("max_prior_lines", max);
    if let (Some(lo), Some(hi), Some(span)) = (lo, hi, max) {
        if lo > hi {
            diags.push(Diagnostic::spanned(
                file,
                span,
                format!("{owner} has `max_prior_lines` {hi} below `min_prior_lines` {lo}"),
            ));
        }
    }
    (lo, hi)
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
    for class in classes.iter().filter(|c| c.parent.is_some()) {
        if let Some(group) = class.atc_groups.first() {
            diags.push(
                Diagnostic::spanned(
                    CLASSES,
                    group,
                    format!(
                        "class `{}` has a parent and claims ATC groups",
                        class.id.value
                    ),
                )
                .hint("only a top-level class claims ATC groups; its child classes share them"),
            );
        }
    }
    // A drug whose class is unknown is reported once, as an unknown class.
    let known = |id: &str| classes.iter().any(|c| c.id.value == id);
    // The drug's class and its parent: a drug of a child class may carry a code of its parent's groups.
    let lineage = |id: &str| -> Vec<String> {
        let parent = classes
            .iter()
            .find(|c| c.id.value == id)
            .and_then(|c| c.parent.as_ref())
            .map(|p| p.value.clone());
        std::iter::once(id.to_string()).chain(parent).collect()
    };
    for drug in drugs.iter().filter(|d| known(&d.class.value)) {
        let code = &drug.codes.atc;
        let own = lineage(&drug.class.value);
        for class in classes {
            let in_group = class
                .atc_groups
                .iter()
                .any(|g| code.value.starts_with(&g.value));
            if in_group && !own.contains(&class.id.value) {
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

/// One written name of an entry, before names are grouped by their folded form.
struct Written<'a> {
    folded: String,
    named: Named,
    owner: String,
    name: &'a Text,
    file: &'static str,
    ambiguous: bool,
}

/// Folds one name, reporting a name that cannot be folded.
fn fold_name(name: &Text, owner: &str, file: &str, diags: &mut Diagnostics) -> Option<String> {
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
        return None;
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
        return None;
    }
    Some(String::from_utf8_lossy(folded).into_owned())
}

/// The most entries one ambiguous name may mean: an error carries them as its suggestions.
const MAX_AMBIGUOUS: usize = 3;

/// Groups written names by folded form. A form written by one entry names it; a form written by
/// several entries is an error unless every one of them marks it `ambiguous`, and then it names
/// them all. An `ambiguous` mark that no other entry shares is an error too.
fn group_names(
    written: Vec<Written>,
    diags: &mut Diagnostics,
) -> (Vec<(String, Named)>, Vec<Vec<Named>>) {
    let mut groups: BTreeMap<&str, Vec<&Written>> = BTreeMap::new();
    for w in &written {
        groups.entry(&w.folded).or_default().push(w);
    }
    let mut keys = Vec::new();
    let mut ambiguous = Vec::new();
    for (folded, group) in groups {
        let first = group[0];
        let mut entries: Vec<Named> = Vec::new();
        for w in &group {
            if !entries.contains(&w.named) {
                entries.push(w.named);
            }
        }
        let all_marked = group.iter().all(|w| w.ambiguous);
        if entries.len() == 1 {
            for w in group.iter().skip(1) {
                diags.push(
                    Diagnostic::spanned(
                        w.file,
                        w.name,
                        format!(
                            "name `{}` of {} and name `{}` of {} are written the same way once case and separators are ignored (`{folded}`)",
                            w.name.value, w.owner, first.name.value, first.owner
                        ),
                    )
                    .hint(format!("`{}` is at catalogue/{}:{}; remove one", first.name.value, first.file, first.name.referenced.line())),
                );
            }
            if let Some(w) = group.iter().find(|w| w.ambiguous) {
                diags.push(
                    Diagnostic::spanned(
                        w.file,
                        w.name,
                        format!("name `{}` of {} is marked `ambiguous`, but no other entry is written `{folded}`", w.name.value, w.owner),
                    )
                    .hint("mark a name ambiguous only where another entry shares it"),
                );
            }
        } else if !all_marked || entries.len() > MAX_AMBIGUOUS {
            for w in group
                .iter()
                .skip(1)
                .filter(|w| w.named != first.named || !all_marked)
            {
                let (head, other) = if w.named == first.named {
                    match group.iter().find(|o| o.named != w.named) {
                        Some(o) => (*w, *o),
                        None => continue,
                    }
                } else {
                    (*w, first)
                };
                let hint = if entries.len() > MAX_AMBIGUOUS && all_marked {
                    format!("an ambiguous name means at most {MAX_AMBIGUOUS} entries")
                } else {
                    format!(
                        "`{}` is at catalogue/{}:{}; remove or change one, or mark the name `ambiguous: true` in every entry it means",
                        other.name.value,
                        other.file,
                        other.name.referenced.line()
                    )
                };
                diags.push(
                    Diagnostic::spanned(
                        head.file,
                        head.name,
                        format!(
                            "name `{}` of {} and name `{}` of {} are written the same way once case and separators are ignored (`{folded}`)",
                            head.name.value, head.owner, other.name.value, other.owner
                        ),
                    )
                    .hint(hint),
                );
            }
            continue;
        } else {
            keys.push((folded.to_string(), Named::Ambiguous(ambiguous.len())));
            entries.sort_by_key(|n| match n {
                Named::Drug(d) => (0, *d),
                Named::Regimen(r) => (1, *r),
                Named::Ambiguous(a) => (2, *a),
            });
            ambiguous.push(entries);
            continue;
        }
        keys.push((folded.to_string(), first.named));
    }
    (keys, ambiguous)
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

/// Every name a drug or regimen is written by, folded; two entries may share a written form only
/// where each marks it ambiguous.
fn names<'a>(c: &'a model::Catalogue, diags: &mut Diagnostics) -> Names {
    let mut written: Vec<Written> = Vec::new();
    let mut add = |name: &'a Text, named, owner: &str, file, ambiguous, diags: &mut Diagnostics| {
        if let Some(folded) = fold_name(name, owner, file, diags) {
            written.push(Written {
                folded,
                named,
                owner: owner.to_string(),
                name,
                file,
                ambiguous,
            });
        }
    };
    // An entry whose id repeats an earlier one's is reported as a duplicate id; its main name is not
    // reported a second time as a clash of written forms.
    let mut ids = std::collections::BTreeSet::new();
    for (i, d) in c.drugs.iter().enumerate() {
        let id = drug_id(&d.generic_name.value);
        let owner = format!("drug `{id}`");
        let named = Named::Drug(i);
        if ids.insert(id) {
            add(&d.generic_name, named, &owner, DRUGS, false, diags);
        }
        for n in d
            .brand_names
            .iter()
            .chain(d.products.iter().map(|p| &p.name))
        {
            add(n, named, &owner, DRUGS, false, diags);
        }
        for a in &d.aliases {
            add(&a.name, named, &owner, DRUGS, a.ambiguous, diags);
        }
    }
    ids.clear();
    for (i, r) in c.regimens.iter().enumerate() {
        let owner = format!("regimen `{}`", r.acronym.value);
        let named = Named::Regimen(i);
        if ids.insert(r.acronym.value.to_ascii_lowercase()) {
            add(&r.acronym, named, &owner, REGIMENS, false, diags);
        }
        for a in &r.aliases {
            add(&a.name, named, &owner, REGIMENS, a.ambiguous, diags);
        }
    }
    let (keys, ambiguous) = group_names(written, diags);
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
    Names {
        keys,
        phf,
        ambiguous,
    }
}
