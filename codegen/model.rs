//! The catalogue YAML as serde structs: one struct per file's entry, every field that a later check may
//! complain about wrapped in `Spanned` so the complaint can name its line and column.
//!
//! Every mapping is a struct with `deny_unknown_fields`, never a map: parse.rs reads a file first
//! without serde-saphyr's repeated-key check and relies on serde to reject a repeated field.

use serde::Deserialize;
use serde_saphyr::Spanned;

/// A string with the place it was written.
pub type Text = Spanned<String>;

/// `page.yaml`: the catalogue's version and the page's prose that belongs to no single entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub catalogue_version: Text,
    pub reviewed: Text,
    pub title: String,
    pub publisher: String,
    pub site: String,
    pub copyright: String,
    pub last_medical_review: Option<String>,
    pub expert_reviewer: Text,
    pub definition: Passage,
    pub planning: Passage,
    pub coverage: Passage,
    pub side_effects: Passage,
    pub side_effect_lists: SideEffects,
    pub clot_prevention: Passage,
    pub clot_prevention_guidance: Vec<Passage>,
    pub further_information: Passage,
    pub disclaimer: Passage,
    #[serde(default)]
    pub notes: Vec<Note>,
}

/// A piece of prose with its sources.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Passage {
    pub text: String,
    pub sources: Vec<Text>,
}

/// `sources.yaml`: one citable source.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Text,
    pub kind: SourceKind,
    pub title: String,
    pub url: Option<String>,
    pub regulator: Option<Spanned<Regulator>>,
    #[serde(default)]
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceKind {
    PageSection,
    Reference,
    Label,
    Guideline,
    CodeSystem,
    ClinicalUsage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Regulator {
    HealthCanada,
    UsFda,
    Ema,
}

/// `classes.yaml`: a kind of drug.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Class {
    pub id: Text,
    pub name: String,
    pub heading: String,
    /// The broader class this one belongs to (a bispecific antibody is a monoclonal antibody).
    pub parent: Option<Text>,
    pub targeted: bool,
    pub mechanism: Option<String>,
    pub side_effects: SideEffects,
    #[serde(default)]
    pub prevents_clots: bool,
    /// ATC groups whose drugs all belong to this class (`L01XG`).
    #[serde(default)]
    pub atc_groups: Vec<Text>,
    pub sources: Vec<Text>,
    #[serde(default)]
    pub notes: Vec<Note>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SideEffects {
    LostInCopying,
    NotInSource,
}

/// `targets.yaml`: a molecule a targeted drug acts on.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub id: Text,
    pub name: String,
    pub description: String,
    pub sources: Vec<Text>,
}

/// `routes.yaml`: how a drug is given.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub id: Text,
    pub name: String,
    pub wording: String,
    pub sources: Vec<Text>,
}

/// `uses.yaml`: a purpose the page lists for targeted therapy.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Use {
    pub id: Text,
    pub wording: String,
    pub term: Option<String>,
    pub phases: Vec<Spanned<Phase>>,
    pub transplant: Vec<Spanned<Transplant>>,
    pub sources: Vec<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    NewlyDiagnosed,
    AfterInduction,
    AfterTransplant,
    Relapsed,
    Refractory,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Transplant {
    Planned,
    Done,
    NotPossible,
}

/// `drugs.yaml`: one drug.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Drug {
    pub generic_name: Text,
    #[serde(default)]
    pub brand_names: Vec<Text>,
    pub class: Text,
    #[serde(default)]
    pub targets: Vec<Text>,
    /// What the drug does in a treatment history: line-defining therapy, steroid or supportive.
    pub role: Spanned<Role>,
    /// Whether the drug is given as maintenance or post-transplant consolidation on its own.
    #[serde(default)]
    pub maintenance: bool,
    /// What the page says of the drug; absent for drugs the page does not describe.
    pub description: Option<String>,
    #[serde(default)]
    pub routes: Vec<DrugRoute>,
    /// Products that carry the drug under their own name, such as a co-formulation.
    #[serde(default)]
    pub products: Vec<Product>,
    /// Approvals for multiple myeloma, by regulator.
    #[serde(default)]
    pub approvals: Vec<Approval>,
    /// The regulators' indications for the drug given alone.
    #[serde(default)]
    pub indications: Vec<Indication>,
    #[serde(default)]
    pub uses: Vec<DrugUse>,
    #[serde(default)]
    pub given_alone: bool,
    pub prerequisites: Option<Spanned<Prerequisites>>,
    /// Sources stating that the drug raises the risk of blood clots.
    #[serde(default)]
    pub clot_risk: Vec<Text>,
    #[serde(default)]
    pub aliases: Vec<Alias>,
    pub codes: Codes,
    pub sources: Vec<Text>,
    #[serde(default)]
    pub notes: Vec<Note>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrugRoute {
    pub route: Text,
    /// The page's words, for a route the page states.
    pub wording: Option<String>,
    /// The label stating the route, for one the page does not state.
    pub source: Option<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    LineDefining,
    Steroid,
    Supportive,
}

/// A product that carries a drug under its own name and route.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
    pub name: Text,
    /// The nonproprietary name of the product, where it differs from the drug's.
    pub ingredients: Option<String>,
    pub route: Text,
    pub regulator: Spanned<Regulator>,
    pub source: Text,
}

/// One regulator's decision on the drug for multiple myeloma.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    pub regulator: Spanned<Regulator>,
    pub status: Spanned<ApprovalStatus>,
    /// YYYY-MM-DD, YYYY-MM or YYYY, as precise as the source.
    pub date: Option<Text>,
    /// What was approved, briefly, in the source's terms.
    pub what: String,
    pub source: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ApprovalStatus {
    Approved,
    Accelerated,
    Conditional,
    Withdrawn,
    NotApproved,
    NotForMyeloma,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DrugUse {
    #[serde(rename = "use")]
    pub use_: Text,
    pub wording: String,
}

/// Another written form of a name, and where it is used.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alias {
    pub name: Text,
    pub source: Text,
    /// The name also means another entry in practice; every entry it means marks it so.
    #[serde(default)]
    pub ambiguous: bool,
}

/// Standard codes of a drug.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Codes {
    pub atc: Text,
    #[serde(default)]
    pub atc_retired: Vec<Text>,
    pub rxcui: Option<Spanned<u32>>,
    pub rxcui_status: Spanned<RxcuiStatus>,
    pub rxcui_evidence: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RxcuiStatus {
    Confirmed,
    Likely,
    Unknown,
}

/// Conditions on earlier treatment.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prerequisites {
    pub min_prior_lines: Option<Spanned<i64>>,
    pub max_prior_lines: Option<Spanned<i64>>,
    #[serde(default)]
    pub prior_exposure: Vec<Spanned<Exposure>>,
    #[serde(default)]
    pub progression_on_last: bool,
    /// The source the rule follows.
    pub source: Text,
    /// The page's own wording, where the page states the condition.
    pub page_wording: Option<Text>,
    pub page_source: Option<Text>,
}

/// One earlier exposure a condition asks for: a drug, any drug of a class, or any drug acting on a target.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exposure {
    pub drug: Option<Text>,
    pub class: Option<Text>,
    pub target: Option<Text>,
}

/// `regimens.yaml`: one combination.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Regimen {
    pub acronym: Text,
    pub acronym_origin: AcronymOrigin,
    #[serde(default)]
    pub aliases: Vec<Alias>,
    pub components: Spanned<Vec<Component>>,
    #[serde(default)]
    pub most_common_with: Vec<Text>,
    /// The page's uses, for a regimen the page lists.
    #[serde(default)]
    pub uses: Vec<Text>,
    /// The settings of treatment the regimen is used in; a regimen beyond the page names at least one.
    #[serde(default)]
    pub settings: Vec<Spanned<Setting>>,
    /// The trials and labels it rests on.
    #[serde(default)]
    pub basis: Vec<Basis>,
    /// The regulators' indications for the regimen.
    #[serde(default)]
    pub indications: Vec<Indication>,
    pub prerequisites: Option<Spanned<Prerequisites>>,
    pub sources: Vec<Text>,
    #[serde(default)]
    pub notes: Vec<Note>,
}

/// One indication statement of one regulator: the conditions under which it approves the therapy.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indication {
    pub regulator: Spanned<Regulator>,
    pub status: Spanned<IndicationStatus>,
    pub date: Option<Text>,
    /// Absent only where the status is `none`.
    pub setting: Option<Spanned<Setting>>,
    pub min_prior_lines: Option<Spanned<i64>>,
    pub max_prior_lines: Option<Spanned<i64>>,
    #[serde(default)]
    pub prior_exposure: Vec<Spanned<Exposure>>,
    #[serde(default)]
    pub refractory_to: Vec<Spanned<Refractory>>,
    #[serde(default)]
    pub not_exposed_to: Vec<Spanned<Exposure>>,
    #[serde(default)]
    pub progression_on_last: bool,
    /// Conditions no field holds (age, a product), in words; reported, never checked.
    #[serde(default)]
    pub other: Vec<String>,
    /// The regulator's own sentence.
    pub wording: String,
    /// Whether the wording was read in the regulator's or the label's own text; otherwise it is
    /// quoted from a secondary source (a sponsor's release, a news report), cited as `source`.
    pub verified: bool,
    pub source: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IndicationStatus {
    Approved,
    Accelerated,
    Conditional,
    Withdrawn,
    /// No indication of this regulator names the therapy.
    None,
}

/// Refractoriness an indication asks for: to a drug, class or target, or to the last therapy.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Refractory {
    pub drug: Option<Text>,
    pub class: Option<Text>,
    pub target: Option<Text>,
    #[serde(default)]
    pub last_therapy: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Setting {
    Any,
    NewlyDiagnosed,
    NewlyDiagnosedTransplantEligible,
    NewlyDiagnosedTransplantIneligible,
    Maintenance,
    MaintenanceAfterTransplant,
    RelapsedOrRefractory,
    HighRiskSmouldering,
    TransplantConditioning,
}

/// A trial or label a regimen rests on.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Basis {
    pub name: String,
    pub source: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AcronymOrigin {
    Source,
    Clinical,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Component {
    pub drug: Text,
    pub dose: Option<Spanned<Dose>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dose {
    LowDose,
}

/// A remark on an entry: a misspelling or label conflict found in the page, a clarification.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub kind: NoteKind,
    pub text: String,
    pub sources: Vec<Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoteKind {
    Misspelling,
    LabelConflict,
    Wording,
    Clarification,
    Interpretation,
    Omission,
    RecordUsage,
}

/// Every file of the catalogue, parsed.
#[derive(Debug)]
pub struct Catalogue {
    pub page: Page,
    pub sources: Vec<Source>,
    pub classes: Vec<Class>,
    pub targets: Vec<Target>,
    pub routes: Vec<Route>,
    pub uses: Vec<Use>,
    pub drugs: Vec<Drug>,
    pub regimens: Vec<Regimen>,
}
