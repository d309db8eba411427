//! Pure: checked catalogue -> Rust tokens. One function per generated item; each item's rustdoc is
//! written here, from the data.

use proc_macro2::{Ident, Literal, TokenStream, TokenTree};
use quote::{format_ident, quote};

use super::validate::{
    AcronymOrigin, Checked, Dose, Exposure, Indication, Key, Named, Note, Passage, Prerequisites,
    Refractory, RxcuiStatus,
};

/// Whether the page names an entry, for the variant's rustdoc.
fn provenance(on_page: bool) -> &'static str {
    if on_page {
        "Named on the source page."
    } else {
        "Beyond the source page."
    }
}

/// The whole generated file.
pub fn catalogue(checked: &Checked) -> TokenStream {
    let c = &Cx::new(checked);
    let items = [
        version(c),
        sources(c),
        classes(c),
        targets(c),
        routes(c),
        uses(c),
        drugs(c),
        regimens(c),
        page(c),
        name_table(c),
        regimens_by_drugs(c),
        code_indexes(c),
    ];
    quote! { #(#items)* }
}

/// The checked catalogue, with the path of each entry's variant (`crate::Drug::Bortezomib`) built
/// once: the tables refer to entries thousands of times, and each path built anew took two
/// `format_ident!`s, about 7,000 instructions in the debug build script (callgrind). A clone of
/// the stream shares its tokens until it is interpolated.
struct Cx<'a> {
    checked: &'a Checked,
    paths: Paths,
    /// The paths of vocabulary values (`crate::Phase::Relapsed`) by their names (`Phase::Relapsed`),
    /// each built when first used.
    vocab: std::cell::RefCell<std::collections::BTreeMap<String, TokenStream>>,
}

/// Each entry's path, by kind, in catalogue order.
struct Paths {
    sources: Vec<TokenStream>,
    classes: Vec<TokenStream>,
    targets: Vec<TokenStream>,
    routes: Vec<TokenStream>,
    uses: Vec<TokenStream>,
    drugs: Vec<TokenStream>,
    regimens: Vec<TokenStream>,
}

impl<'a> Cx<'a> {
    fn new(checked: &'a Checked) -> Self {
        fn paths<'k>(ty: &str, keys: impl Iterator<Item = &'k Key>) -> Vec<TokenStream> {
            keys.map(|key| variant(ty, key)).collect()
        }
        let c = checked;
        let paths = Paths {
            sources: paths("Source", c.sources.iter().map(|x| &x.key)),
            classes: paths("DrugClass", c.classes.iter().map(|x| &x.key)),
            targets: paths("Target", c.targets.iter().map(|x| &x.key)),
            routes: paths("Route", c.routes.iter().map(|x| &x.key)),
            uses: paths("Use", c.uses.iter().map(|x| &x.key)),
            drugs: paths("Drug", c.drugs.iter().map(|x| &x.key)),
            regimens: paths("Regimen", c.regimens.iter().map(|x| &x.key)),
        };
        Cx {
            checked,
            paths,
            vocab: Default::default(),
        }
    }
}

impl std::ops::Deref for Cx<'_> {
    type Target = Checked;

    fn deref(&self) -> &Checked {
        self.checked
    }
}

/// One generated column: an accessor on the enum and a field of its rows.
struct Column {
    name: &'static str,
    ty: TokenStream,
    doc: String,
    values: Vec<TokenStream>,
}

fn column(name: &'static str, ty: TokenStream, doc: &str, values: Vec<TokenStream>) -> Column {
    Column {
        name,
        ty,
        doc: doc.to_string(),
        values,
    }
}

/// An enum over catalogue entries, with `ALL`, `id`, `from_id`, one `const fn` per column and the
/// table the accessors read.
fn entity(
    name: &str,
    doc: &str,
    keys: &[Key],
    variant_docs: &[String],
    columns: &[Column],
) -> TokenStream {
    let ty = format_ident!("{}", name);
    let row = format_ident!("{}Row", name);
    let table = format_ident!("{}_ROWS", upper_snake(name));
    let variants: Vec<Ident> = keys.iter().map(|k| format_ident!("{}", k.ident)).collect();
    let count = keys.len();
    let names: Vec<Ident> = columns
        .iter()
        .map(|c| format_ident!("{}", c.name))
        .collect();
    let types: Vec<&TokenStream> = columns.iter().map(|c| &c.ty).collect();
    let docs: Vec<Literal> = columns.iter().map(|c| lit(&c.doc)).collect();
    let variant_docs = variant_docs.iter().map(|d| lit(d));
    let rows = keys.iter().enumerate().map(|(i, key)| {
        let id = lit(&key.id);
        let values = columns.iter().map(|c| &c.values[i]);
        quote! { #row { id: #id, #( #names: #values, )* } }
    });
    let id_doc = lit(&format!(
        "The stable id of this {}, as in the JSON export and `Display`.",
        lower_words(name)
    ));
    let row_doc = lit(&format!("One row of the {} table.", lower_words(name)));
    // Every enum's page shows its first entry's id and display read back.
    let example = keys.first().map_or(String::new(), |first| {
        format!(
            "\n\n```\nuse myeloma::{name};\nlet first = {name}::{ident};\nassert_eq!({name}::ALL[0], first);\nassert_eq!(first.id(), {id:?});\nassert_eq!({name}::from_id({id:?}), Some(first));\nassert_eq!(first.to_string().parse(), Ok(first));\n```",
            ident = first.ident,
            id = first.id,
        )
    });
    let doc = lit(&format!("{doc}{example}"));
    quote! {
        #[doc = #doc]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum #ty {
            #( #[doc = #variant_docs] #variants, )*
        }

        impl #ty {
            /// Every entry, in catalogue order.
            pub const ALL: &'static [#ty] = &[ #( #ty::#variants ),* ];

            #[doc = #id_doc]
            pub const fn id(self) -> &'static str {
                #table[self as usize].id
            }

            /// The entry whose id is exactly `id`, usable in `const` context.
            pub const fn from_id(id: &str) -> Option<Self> {
                let mut i = 0;
                while i < Self::ALL.len() {
                    if crate::text::same(#table[i].id.as_bytes(), id.as_bytes()) {
                        return Some(Self::ALL[i]);
                    }
                    i += 1;
                }
                None
            }

            #(
                #[doc = #docs]
                pub const fn #names(self) -> #types {
                    #table[self as usize].#names
                }
            )*
        }

        #[doc = #row_doc]
        struct #row {
            id: &'static str,
            #( #names: #types, )*
        }

        const #table: [#row; #count] = [ #( #rows ),* ];
    }
}

fn version(c: &Cx) -> TokenStream {
    let version = lit(&c.page.catalogue_version);
    let reviewed = lit(&c.page.reviewed);
    quote! {
        /// The catalogue's version; it changes whenever any fact in it changes, so that what is
        /// derived from the catalogue can be stored with it and recognised as stale.
        ///
        /// ```
        /// use myeloma::{CATALOGUE_VERSION, REVIEWED};
        /// let stamp = format!("myeloma catalogue {CATALOGUE_VERSION} (reviewed {REVIEWED})");
        /// assert!(!CATALOGUE_VERSION.is_empty() && stamp.contains(CATALOGUE_VERSION));
        /// ```
        pub const CATALOGUE_VERSION: &str = #version;
        /// The date the catalogue was last reviewed against its sources (YYYY-MM-DD). No decision
        /// it records is dated later.
        ///
        /// ```
        /// use myeloma::{Drug, Regimen, REVIEWED};
        /// let [year, month, day] = [0..4, 5..7, 8..10].map(|r| REVIEWED[r].parse::<u16>().unwrap());
        /// assert!(year > 0 && (1..=12).contains(&month) && (1..=31).contains(&day));
        /// // Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, so they compare as text.
        /// let approvals = Drug::ALL.iter().flat_map(|d| d.approvals()).map(|a| a.date);
        /// let indications = Drug::ALL.iter().flat_map(|d| d.indications());
        /// let indications = indications.chain(Regimen::ALL.iter().flat_map(|r| r.indications()));
        /// let mut dates = approvals.chain(indications.map(|i| i.date)).flatten();
        /// assert!(dates.all(|date| date <= REVIEWED));
        /// ```
        pub const REVIEWED: &str = #reviewed;
    }
}

fn sources(c: &Cx) -> TokenStream {
    let keys: Vec<Key> = c.sources.iter().map(|s| s.key.clone()).collect();
    let docs: Vec<String> = c
        .sources
        .iter()
        .map(|s| match &s.url {
            Some(url) => format!("{} <{url}>", doc_text(&s.title)),
            None => doc_text(&s.title),
        })
        .collect();
    let columns = [
        column(
            "kind",
            quote!(crate::SourceKind),
            "What kind of source this is.",
            c.sources
                .iter()
                .map(|s| vocab(c, "SourceKind", s.kind))
                .collect(),
        ),
        column(
            "title",
            quote!(&'static str),
            "The citation.",
            c.sources.iter().map(|s| str_lit(&s.title)).collect(),
        ),
        column(
            "url",
            quote!(Option<&'static str>),
            "Where it can be read, when the page gives an address.",
            c.sources.iter().map(|s| opt_str(&s.url)).collect(),
        ),
        column(
            "regulator",
            quote!(Option<crate::Regulator>),
            "The regulator, for a label.",
            c.sources
                .iter()
                .map(|s| option(s.regulator.map(|r| vocab(c, "Regulator", r))))
                .collect(),
        ),
        column(
            "notes",
            quote!(&'static [crate::Note]),
            "Notes on this source, such as a misspelling in the page's citation.",
            c.sources.iter().map(|s| notes(c, &s.notes)).collect(),
        ),
    ];
    entity(
        "Source",
        "Everything the catalogue cites: sections of the source page, its reference list, product labels, guidelines and code systems.",
        &keys,
        &docs,
        &columns,
    )
}

fn classes(c: &Cx) -> TokenStream {
    let keys: Vec<Key> = c.classes.iter().map(|x| x.key.clone()).collect();
    let docs: Vec<String> = c
        .classes
        .iter()
        .map(|x| {
            let kind = if x.targeted {
                "targeted therapy"
            } else {
                "not targeted therapy"
            };
            format!(
                "{} ({kind}). Id `{}`. {}",
                x.heading,
                x.key.id,
                cites(c, &x.sources)
            )
        })
        .collect();
    let columns = [
        column(
            "name",
            quote!(&'static str),
            "The class's name, singular.",
            c.classes.iter().map(|x| str_lit(&x.name)).collect(),
        ),
        column(
            "heading",
            quote!(&'static str),
            "The page's heading for the class.",
            c.classes.iter().map(|x| str_lit(&x.heading)).collect(),
        ),
        column(
            "parent",
            quote!(Option<crate::DrugClass>),
            "The broader class this one belongs to (a bispecific antibody is a monoclonal antibody); `None` for a top-level class.",
            c.classes.iter().map(|x| option(x.parent.map(|p| class(c, p)))).collect(),
        ),
        column(
            "is_on_page",
            quote!(bool),
            "Whether the source page describes the class (derived: it cites a page section).",
            c.classes.iter().map(|x| bool_lit(x.on_page)).collect(),
        ),
        column(
            "is_targeted",
            quote!(bool),
            "Whether the class counts as targeted therapy.",
            c.classes.iter().map(|x| bool_lit(x.targeted)).collect(),
        ),
        column(
            "mechanism",
            quote!(Option<&'static str>),
            "How the class works, in the page's words.",
            c.classes.iter().map(|x| opt_str(&x.mechanism)).collect(),
        ),
        column(
            "side_effects",
            quote!(crate::SideEffects),
            "What the catalogue knows of the class's side effects.",
            c.classes
                .iter()
                .map(|x| vocab(c, "SideEffects", x.side_effects))
                .collect(),
        ),
        column(
            "prevents_clots",
            quote!(bool),
            "Whether the page names drugs of this class to prevent blood clots.",
            c.classes
                .iter()
                .map(|x| bool_lit(x.prevents_clots))
                .collect(),
        ),
        column(
            "atc_groups",
            quote!(&'static [&'static str]),
            "The WHO ATC groups whose drugs all belong to this class; empty where ATC groups cut across it.",
            c.classes
                .iter()
                .map(|x| slice(x.atc_groups.iter().map(|g| str_lit(g))))
                .collect(),
        ),
        column(
            "drugs",
            quote!(&'static [crate::Drug]),
            "The catalogue's drugs of this class (derived from the drugs).",
            c.classes
                .iter()
                .map(|x| slice(x.drugs.iter().map(|d| drug(c, *d))))
                .collect(),
        ),
        column(
            "targets",
            quote!(&'static [crate::Target]),
            "The molecular targets of the class's drugs (derived from the drugs).",
            c.classes
                .iter()
                .map(|x| slice(x.targets.iter().map(|t| target(c, *t))))
                .collect(),
        ),
        column(
            "sources",
            quote!(&'static [crate::Source]),
            "Where the class is described.",
            c.classes
                .iter()
                .map(|x| sources_of(c, &x.sources))
                .collect(),
        ),
        column(
            "notes",
            quote!(&'static [crate::Note]),
            "Notes on the class.",
            c.classes.iter().map(|x| notes(c, &x.notes)).collect(),
        ),
    ];
    entity("DrugClass", "A kind of drug: the page's four classes of targeted therapy, then the kinds of the other drugs it names.", &keys, &docs, &columns)
}

fn targets(c: &Cx) -> TokenStream {
    let keys: Vec<Key> = c.targets.iter().map(|x| x.key.clone()).collect();
    let docs: Vec<String> = c
        .targets
        .iter()
        .map(|x| {
            format!(
                "{}: {} Id `{}`. {}",
                doc_text(&x.name),
                doc_text(&x.description),
                x.key.id,
                cites(c, &x.sources)
            )
        })
        .collect();
    let columns = [
        column(
            "name",
            quote!(&'static str),
            "The target's name.",
            c.targets.iter().map(|x| str_lit(&x.name)).collect(),
        ),
        column(
            "description",
            quote!(&'static str),
            "What the target is.",
            c.targets.iter().map(|x| str_lit(&x.description)).collect(),
        ),
        column(
            "sources",
            quote!(&'static [crate::Source]),
            "Where the target is named.",
            c.targets
                .iter()
                .map(|x| sources_of(c, &x.sources))
                .collect(),
        ),
    ];
    entity(
        "Target",
        "A molecule that a targeted drug acts on.",
        &keys,
        &docs,
        &columns,
    )
}

fn routes(c: &Cx) -> TokenStream {
    let keys: Vec<Key> = c.routes.iter().map(|x| x.key.clone()).collect();
    let docs: Vec<String> = c
        .routes
        .iter()
        .map(|x| format!("{}: {}. Id `{}`.", x.name, doc_text(&x.wording), x.key.id))
        .collect();
    let columns = [
        column(
            "name",
            quote!(&'static str),
            "The route's name.",
            c.routes.iter().map(|x| str_lit(&x.name)).collect(),
        ),
        column(
            "wording",
            quote!(&'static str),
            "The page's patient-friendly wording.",
            c.routes.iter().map(|x| str_lit(&x.wording)).collect(),
        ),
        column(
            "sources",
            quote!(&'static [crate::Source]),
            "Where the route is described.",
            c.routes.iter().map(|x| sources_of(c, &x.sources)).collect(),
        ),
    ];
    entity("Route", "How a drug is given.", &keys, &docs, &columns)
}

fn uses(c: &Cx) -> TokenStream {
    let keys: Vec<Key> = c.uses.iter().map(|x| x.key.clone()).collect();
    let docs: Vec<String> = c
        .uses
        .iter()
        .map(|x| {
            let term = x
                .term
                .as_ref()
                .map(|t| format!(" (called {t})"))
                .unwrap_or_default();
            format!(
                "To {}{}. Id `{}`.",
                doc_text(&x.wording),
                doc_text(&term),
                x.key.id
            )
        })
        .collect();
    let columns = [
        column(
            "wording",
            quote!(&'static str),
            "The use in the page's words.",
            c.uses.iter().map(|x| str_lit(&x.wording)).collect(),
        ),
        column(
            "term",
            quote!(Option<&'static str>),
            "The clinical term the page gives, such as induction therapy.",
            c.uses.iter().map(|x| opt_str(&x.term)).collect(),
        ),
        column(
            "phases",
            quote!(&'static [crate::Phase]),
            "The phases of treatment the use belongs to.",
            c.uses
                .iter()
                .map(|x| slice(x.phases.iter().map(|p| vocab(c, "Phase", p))))
                .collect(),
        ),
        column(
            "transplant",
            quote!(&'static [crate::TransplantStatus]),
            "The transplant statuses it belongs to; empty means any.",
            c.uses
                .iter()
                .map(|x| slice(x.transplant.iter().map(|t| vocab(c, "TransplantStatus", t))))
                .collect(),
        ),
        column(
            "drugs",
            quote!(&'static [crate::Drug]),
            "Drugs the page links to this use (derived from the drugs).",
            c.uses
                .iter()
                .map(|x| slice(x.drugs.iter().map(|d| drug(c, *d))))
                .collect(),
        ),
        column(
            "regimens",
            quote!(&'static [crate::Regimen]),
            "Regimens the catalogue links to this use (derived from the regimens).",
            c.uses
                .iter()
                .map(|x| slice(x.regimens.iter().map(|r| regimen(c, *r))))
                .collect(),
        ),
        column(
            "sources",
            quote!(&'static [crate::Source]),
            "Where the use is listed.",
            c.uses.iter().map(|x| sources_of(c, &x.sources)).collect(),
        ),
    ];
    entity(
        "Use",
        "What targeted therapy is used for: the seven purposes the page lists, in its order.",
        &keys,
        &docs,
        &columns,
    )
}

fn drugs(c: &Cx) -> TokenStream {
    let keys: Vec<Key> = c.drugs.iter().map(|x| x.key.clone()).collect();
    let docs: Vec<String> = c
        .drugs
        .iter()
        .map(|x| {
            let brands = if x.brand_names.is_empty() {
                String::new()
            } else {
                format!(" ({})", x.brand_names.join(", "))
            };
            let routes: Vec<&str> = x
                .routes
                .iter()
                .map(|(r, ..)| c.routes[*r].name.as_str())
                .collect();
            let given = if routes.is_empty() {
                String::new()
            } else {
                format!("; {}", routes.join(" or "))
            };
            format!(
                "{}{brands}: {}{given}. Id `{}`. {} {}",
                capitalise(&x.generic_name),
                c.classes[x.class].name,
                x.key.id,
                provenance(x.on_page),
                cites(c, &x.sources)
            )
        })
        .collect();
    let d = &c.drugs;
    let columns = [
        column("generic_name", quote!(&'static str), "The generic name, in lower case.\n\n```\nassert_eq!(myeloma::Drug::Bortezomib.generic_name(), \"bortezomib\");\n```", d.iter().map(|x| str_lit(&x.generic_name)).collect()),
        column("brand_names", quote!(&'static [&'static str]), "Brand names in the US and Canada, the page's first for the drugs it names.\n\n```\nassert_eq!(myeloma::Drug::Bortezomib.brand_names(), &[\"Velcade\"]);\n```", d.iter().map(|x| slice(x.brand_names.iter().map(|b| str_lit(b)))).collect()),
        column("class", quote!(crate::DrugClass), "The drug's class.", d.iter().map(|x| class(c, x.class)).collect()),
        column("targets", quote!(&'static [crate::Target]), "The molecules it acts on.", d.iter().map(|x| slice(x.targets.iter().map(|t| target(c, *t)))).collect()),
        column("role", quote!(crate::DrugRole), "What the drug does in a treatment history: line-defining therapy, a steroid, or supportive care.\n\n```\nuse myeloma::{Drug, DrugRole};\nassert_eq!(Drug::Bortezomib.role(), DrugRole::LineDefining);\nassert_eq!(Drug::Dexamethasone.role(), DrugRole::Steroid);\n```", d.iter().map(|x| vocab(c, "DrugRole", x.role)).collect()),
        column("is_maintenance_eligible", quote!(bool), "Whether the drug is given on its own as maintenance or post-transplant consolidation.", d.iter().map(|x| bool_lit(x.maintenance)).collect()),
        column("is_on_page", quote!(bool), "Whether the source page names the drug (derived: it cites a page section).", d.iter().map(|x| bool_lit(x.on_page)).collect()),
        column("description", quote!(Option<&'static str>), "What the page says of the drug; `None` for drugs beyond the page.", d.iter().map(|x| opt_str(&x.description)).collect()),
        column("routes", quote!(&'static [crate::GivenBy]), "How it is given, the usual route first, each in the page's words or with the label that states it.", d.iter().map(|x| slice(x.routes.iter().map(|(r, w, s)| { let r = route(c, *r); let w = opt_str(w); let s = option(s.map(|s| source(c, s))); quote!(crate::GivenBy { route: #r, wording: #w, source: #s }) }))).collect()),
        column("products", quote!(&'static [crate::Product]), "Products that carry the drug under their own name and route, such as a co-formulation for injection under the skin.", d.iter().map(|x| slice(x.products.iter().map(|p| { let name = lit(&p.name); let ingredients = opt_str(&p.ingredients); let r = route(c, p.route); let reg = vocab(c, "Regulator", p.regulator); let s = source(c, p.source); quote!(crate::Product { name: #name, ingredients: #ingredients, route: #r, regulator: #reg, source: #s }) }))).collect()),
        column("indications", quote!(&'static [crate::Indication]), "The regulators' indications for the drug given alone: the conditions under which each approves it. See [`Drug::check`](crate::Drug::check).", d.iter().map(|x| indications(c, &x.indications)).collect()),
        column("approvals", quote!(&'static [crate::Approval]), "Regulators' decisions on the drug for multiple myeloma, as the cited sources state them.", d.iter().map(|x| slice(x.approvals.iter().map(|a| { let reg = vocab(c, "Regulator", a.regulator); let st = vocab(c, "ApprovalStatus", a.status); let date = opt_str(&a.date); let what = lit(&a.what); let s = source(c, a.source); quote!(crate::Approval { regulator: #reg, status: #st, date: #date, what: #what, source: #s }) }))).collect()),
        column("uses", quote!(&'static [crate::StatedUse]), "What the page says the drug is used for.", d.iter().map(|x| slice(x.uses.iter().map(|(u, w)| { let u = use_(c, *u); let w = lit(w); quote!(crate::StatedUse { purpose: #u, wording: #w }) }))).collect()),
        column("given_alone", quote!(bool), "Whether the page says the drug may be given on its own.", d.iter().map(|x| bool_lit(x.given_alone)).collect()),
        column("prerequisites", quote!(Option<crate::Prerequisites>), "Conditions on earlier treatment for the drug given alone.", d.iter().map(|x| option(x.prerequisites.as_ref().map(|p| prerequisites(c, p)))).collect()),
        column("clot_risk_sources", quote!(&'static [crate::Source]), "Sources stating that the drug raises the risk of blood clots; empty if none does.", d.iter().map(|x| sources_of(c, &x.clot_risk)).collect()),
        column("aliases", quote!(&'static [crate::Alias]), "Short forms and other names, with where each is used.", d.iter().map(|x| aliases(c, &x.aliases)).collect()),
        column("atc", quote!(&'static str), "The WHO ATC code.", d.iter().map(|x| str_lit(&x.codes.atc)).collect()),
        column("atc_retired", quote!(&'static [&'static str]), "Retired ATC codes that older data still carries.", d.iter().map(|x| slice(x.codes.atc_retired.iter().map(|a| str_lit(a)))).collect()),
        column("rxcui", quote!(Option<crate::Rxcui>), "The RxNorm ingredient concept, where verified; `None` where unknown.", d.iter().map(|x| option(rxcui(c, &x.codes))).collect()),
        column("sources", quote!(&'static [crate::Source]), "Where the drug is described.", d.iter().map(|x| sources_of(c, &x.sources)).collect()),
        column("notes", quote!(&'static [crate::Note]), "Notes: misspellings, label conflicts, clarifications.", d.iter().map(|x| notes(c, &x.notes)).collect()),
        column("regimens", quote!(&'static [crate::Regimen]), "The regimens that contain the drug (derived from the regimens).", d.iter().map(|x| slice(x.regimens.iter().map(|r| regimen(c, *r)))).collect()),
    ];
    entity("Drug", "Every drug of the catalogue: first those the source page names (the ten targeted drugs, then those it names in combinations and for blood-clot prevention), then the other drugs of multiple myeloma treatment in Canada and the US, with the drugs given beside them.", &keys, &docs, &columns)
}

fn regimens(c: &Cx) -> TokenStream {
    let keys: Vec<Key> = c.regimens.iter().map(|x| x.key.clone()).collect();
    let docs: Vec<String> = c
        .regimens
        .iter()
        .map(|x| {
            let parts: Vec<String> = x
                .components
                .iter()
                .map(|(d, dose)| match dose {
                    Some(Dose::LowDose) => format!("low-dose {}", c.drugs[*d].generic_name),
                    None => c.drugs[*d].generic_name.clone(),
                })
                .collect();
            let origin = match x.acronym_origin {
                AcronymOrigin::Source => "acronym from the page",
                AcronymOrigin::Clinical if x.on_page => {
                    "the page describes it in words; acronym of clinical use"
                }
                AcronymOrigin::Clinical => "acronym of clinical use",
            };
            format!(
                "{}: {} ({origin}). Id `{}`. {} {}",
                x.acronym,
                parts.join(", "),
                x.key.id,
                provenance(x.on_page),
                cites(c, &x.sources)
            )
        })
        .collect();
    let r = &c.regimens;
    let columns = [
        column("acronym", quote!(&'static str), "The acronym, as the page or clinical use writes it.\n\n```\nassert_eq!(myeloma::Regimen::DRVd.acronym(), \"D-RVd\");\n```", r.iter().map(|x| str_lit(&x.acronym)).collect()),
        column("acronym_origin", quote!(crate::AcronymOrigin), "Whether the page itself uses the acronym.", r.iter().map(|x| vocab(c, "AcronymOrigin", x.acronym_origin)).collect()),
        column("aliases", quote!(&'static [crate::Alias]), "Other acronyms and names, with where each is used.", r.iter().map(|x| aliases(c, &x.aliases)).collect()),
        column("components", quote!(&'static [crate::Component]), "The drugs, in the page's order, with its dose qualifiers.", r.iter().map(|x| slice(x.components.iter().map(|(d, dose)| { let d = drug(c, *d); let dose = option(dose.map(|d| vocab(c, "Dose", d))); quote!(crate::Component { drug: #d, dose: #dose }) }))).collect()),
        column("drugs", quote!(crate::DrugSet), "The set of its drugs.", r.iter().map(|x| { let bits = Literal::u64_unsuffixed(x.drug_bits); quote!(crate::DrugSet::from_bits(#bits)) }).collect()),
        column("most_common_with", quote!(&'static [crate::Drug]), "Drugs whose most common combinations, by the page, include this one.", r.iter().map(|x| slice(x.most_common_with.iter().map(|d| drug(c, *d)))).collect()),
        column("uses", quote!(&'static [crate::Use]), "What it is used for, where the page says.", r.iter().map(|x| slice(x.uses.iter().map(|u| use_(c, *u)))).collect()),
        column("settings", quote!(&'static [crate::Setting]), "The settings of treatment it is used in, by its sources.", r.iter().map(|x| slice(x.settings.iter().map(|s| vocab(c, "Setting", s)))).collect()),
        column("basis", quote!(&'static [crate::Basis]), "The trials and labels it rests on.", r.iter().map(|x| slice(x.basis.iter().map(|(name, s)| { let s = source(c, *s); let name = lit(name); quote!(crate::Basis { name: #name, source: #s }) }))).collect()),
        column("indications", quote!(&'static [crate::Indication]), "The regulators' indications for the regimen: the conditions under which each approves it. See [`Regimen::check`](crate::Regimen::check).", r.iter().map(|x| indications(c, &x.indications)).collect()),
        column("is_on_page", quote!(bool), "Whether the source page lists the regimen (derived: it cites a page section).", r.iter().map(|x| bool_lit(x.on_page)).collect()),
        column("prerequisites", quote!(Option<crate::Prerequisites>), "Conditions on earlier treatment.", r.iter().map(|x| option(x.prerequisites.as_ref().map(|p| prerequisites(c, p)))).collect()),
        column("sources", quote!(&'static [crate::Source]), "Where the regimen is listed.", r.iter().map(|x| sources_of(c, &x.sources)).collect()),
        column("notes", quote!(&'static [crate::Note]), "Notes: misspellings, label conflicts, clarifications.", r.iter().map(|x| notes(c, &x.notes)).collect()),
    ];
    entity(
        "Regimen",
        "Every regimen of the catalogue: first the combinations the source page lists (by acronym or in words), then the other standard regimens of multiple myeloma treatment in Canada and the US.",
        &keys,
        &docs,
        &columns,
    )
}

fn page(c: &Cx) -> TokenStream {
    let p = &c.page;
    let title = lit(&p.title);
    let publisher = lit(&p.publisher);
    let site = lit(&p.site);
    let copyright = lit(&p.copyright);
    let review = opt_str(&p.last_medical_review);
    let reviewer = source(c, p.expert_reviewer);
    let definition = passage(c, &p.definition);
    let planning = passage(c, &p.planning);
    let coverage = passage(c, &p.coverage);
    let effects = passage(c, &p.side_effects);
    let lists = vocab(c, "SideEffects", p.side_effect_lists);
    let clots = passage(c, &p.clot_prevention);
    let guidance = slice(p.clot_prevention_guidance.iter().map(|g| passage(c, g)));
    let further = passage(c, &p.further_information);
    let disclaimer = passage(c, &p.disclaimer);
    let notes = notes(c, &p.notes);
    quote! {
        /// The source page's own details and the prose that belongs to no single entry: its
        /// definition of targeted therapy, the coverage note, clot prevention and its disclaimer.
        ///
        /// ```
        /// use myeloma::{Drug, PAGE};
        /// // The drugs the page says raise the risk of blood clots are those the catalogue marks.
        /// let clots = PAGE.clot_prevention.text.to_lowercase();
        /// for drug in [Drug::Lenalidomide, Drug::Thalidomide, Drug::Pomalidomide] {
        ///     assert!(clots.contains(drug.generic_name()) && drug.raises_clot_risk());
        /// }
        /// assert!(PAGE.disclaimer.text.contains("does not replace your relationship with your doctor"));
        /// ```
        pub const PAGE: crate::Page = crate::Page {
            title: #title,
            publisher: #publisher,
            site: #site,
            copyright: #copyright,
            last_medical_review: #review,
            expert_reviewer: #reviewer,
            definition: #definition,
            planning: #planning,
            coverage: #coverage,
            side_effects: #effects,
            side_effect_lists: #lists,
            clot_prevention: #clots,
            clot_prevention_guidance: #guidance,
            further_information: #further,
            disclaimer: #disclaimer,
            notes: #notes,
        };
    }
}

fn name_table(c: &Cx) -> TokenStream {
    let n = &c.names;
    let seed = Literal::u64_unsuffixed(n.phf.seed);
    let buckets = n.phf.displacements.len();
    let displacements = n.phf.displacements.iter().map(|(a, b)| quote!((#a, #b)));
    let slots_len = n.phf.slots.len();
    // Most slots are free; their one token is built once and shared.
    let free = quote!((b"", None));
    let slots = n.phf.slots.iter().map(|slot| match slot {
        Some(k) => {
            let (key, named) = &n.keys[*k];
            let key = Literal::byte_string(key.as_bytes());
            let named = match named {
                Named::Drug(d) => {
                    let d = drug(c, *d);
                    quote!(crate::resolve::Named::Drug(#d))
                }
                Named::Regimen(r) => {
                    let r = regimen(c, *r);
                    quote!(crate::resolve::Named::Regimen(#r))
                }
                Named::Ambiguous(a) => {
                    let entries = n.ambiguous[*a].iter().map(|e| match e {
                        Named::Drug(d) => {
                            let d = drug(c, *d);
                            quote!(crate::Therapy::Drug(#d))
                        }
                        Named::Regimen(r) => {
                            let r = regimen(c, *r);
                            quote!(crate::Therapy::Regimen(#r))
                        }
                        Named::Ambiguous(_) => quote!(),
                    });
                    quote!(crate::resolve::Named::Ambiguous(&[ #( #entries ),* ]))
                }
            };
            quote!((#key, Some(#named)))
        }
        None => free.clone(),
    });
    quote! {
        /// The seed of the name table's perfect hash.
        pub(crate) const NAME_SEED: u64 = #seed;
        /// Each bucket's displacement pair.
        pub(crate) const NAME_DISPLACEMENTS: [(u32, u32); #buckets] = [ #( #displacements ),* ];
        /// Each slot's folded name and what it names.
        pub(crate) const NAME_SLOTS: [(&[u8], Option<crate::resolve::Named>); #slots_len] = [ #( #slots ),* ];
    }
}

fn regimens_by_drugs(c: &Cx) -> TokenStream {
    let t = &c.drug_sets;
    let multiplier = Literal::u64_unsuffixed(t.multiplier);
    let slots_log2 = t.slots_log2;
    let len = t.slots.len();
    let rows = t.slots.iter().map(|slot| match slot {
        Some(r) => {
            let bits = Literal::u64_unsuffixed(c.regimens[*r].drug_bits);
            let r = regimen(c, *r);
            quote!((#bits, Some(#r)))
        }
        None => quote!((0, None)),
    });
    quote! {
        /// The multiplier of the drug-set table's perfect hash.
        pub(crate) const SET_MULTIPLIER: u64 = #multiplier;
        /// log2 of the number of slots of the drug-set table.
        pub(crate) const SET_SLOTS_LOG2: u32 = #slots_log2;
        /// Each regimen at the slot of its drug set's bits (the first in catalogue order where
        /// regimens differ only in doses); a free slot holds no regimen.
        pub(crate) const REGIMENS_BY_DRUGS: [(u64, Option<crate::Regimen>); #len] = [ #( #rows ),* ];
    }
}

fn code_indexes(c: &Cx) -> TokenStream {
    let mut atc: Vec<(&str, usize, bool)> = Vec::new();
    let mut rxcui: Vec<(u32, usize)> = Vec::new();
    for (i, d) in c.drugs.iter().enumerate() {
        atc.push((&d.codes.atc, i, false));
        atc.extend(d.codes.atc_retired.iter().map(|a| (a.as_str(), i, true)));
        if let (Some(code), RxcuiStatus::Confirmed | RxcuiStatus::Likely) =
            (d.codes.rxcui, d.codes.rxcui_status)
        {
            rxcui.push((code, i));
        }
    }
    atc.sort();
    rxcui.sort();
    let atc_len = atc.len();
    let rxcui_len = rxcui.len();
    let atc_rows = atc.iter().map(|(code, d, retired)| {
        let code = lit(code);
        let d = drug(c, *d);
        quote!((#code, #d, #retired))
    });
    let rxcui_rows = rxcui.iter().map(|(code, d)| {
        let d = drug(c, *d);
        quote!((#code, #d))
    });
    quote! {
        /// Every ATC code, current and retired, with its drug; sorted by code.
        pub(crate) const ATC_INDEX: [(&str, crate::Drug, bool); #atc_len] = [ #( #atc_rows ),* ];
        /// Every verified RxNorm code with its drug; sorted by code.
        pub(crate) const RXCUI_INDEX: [(u32, crate::Drug); #rxcui_len] = [ #( #rxcui_rows ),* ];
    }
}

// Small token builders.

fn variant(ty: &str, key: &Key) -> TokenStream {
    let ty = format_ident!("{}", ty);
    let v = format_ident!("{}", key.ident);
    quote!(crate::#ty::#v)
}

fn source(c: &Cx, i: usize) -> TokenStream {
    c.paths.sources[i].clone()
}

fn class(c: &Cx, i: usize) -> TokenStream {
    c.paths.classes[i].clone()
}

fn target(c: &Cx, i: usize) -> TokenStream {
    c.paths.targets[i].clone()
}

fn route(c: &Cx, i: usize) -> TokenStream {
    c.paths.routes[i].clone()
}

fn use_(c: &Cx, i: usize) -> TokenStream {
    c.paths.uses[i].clone()
}

fn drug(c: &Cx, i: usize) -> TokenStream {
    c.paths.drugs[i].clone()
}

fn regimen(c: &Cx, i: usize) -> TokenStream {
    c.paths.regimens[i].clone()
}

fn sources_of(c: &Cx, list: &[usize]) -> TokenStream {
    slice(list.iter().map(|s| source(c, *s)))
}

fn slice(items: impl Iterator<Item = TokenStream>) -> TokenStream {
    quote!(&[ #( #items ),* ])
}

fn option(value: Option<TokenStream>) -> TokenStream {
    match value {
        Some(v) => quote!(Some(#v)),
        None => quote!(None),
    }
}

fn str_lit(s: &str) -> TokenStream {
    TokenStream::from(TokenTree::from(lit(s)))
}

/// A string literal token. Interpolated as a `Literal` rather than as the `String` itself: quote's
/// `ToTokens` for strings runs unoptimised in the debug build script, about 16 million instructions
/// (3%) more over the catalogue (callgrind).
///
/// The token is lexed (`Literal::from_str`) from the string's `Debug` form, a Rust string literal
/// of the same text: core's `Debug` for `str` is compiled optimised and copies runs of printable
/// ASCII whole, where `Literal::string` escapes char by char through `char::escape_debug`
/// unoptimised, about 15,000 instructions a string in the debug build script (7% of them). The two
/// spell every character alike but NUL, which proc-macro2 writes `\x00` before a digit (for
/// clippy's `octal_escapes`), so text with a NUL takes `Literal::string` (tests/code_literals.rs).
pub fn lit(s: &str) -> Literal {
    if s.as_bytes().contains(&0) {
        return Literal::string(s);
    }
    format!("{s:?}")
        .parse()
        .unwrap_or_else(|_| Literal::string(s))
}

fn opt_str(s: &Option<String>) -> TokenStream {
    option(s.as_deref().map(str_lit))
}

fn bool_lit(b: bool) -> TokenStream {
    quote!(#b)
}

fn passage(c: &Cx, p: &Passage) -> TokenStream {
    let text = lit(&p.text);
    let sources = sources_of(c, &p.sources);
    quote!(crate::Passage { text: #text, sources: #sources })
}

fn notes(c: &Cx, notes: &[Note]) -> TokenStream {
    slice(notes.iter().map(|n| {
        let kind = vocab(c, "NoteKind", n.kind);
        let text = lit(&n.text);
        let sources = sources_of(c, &n.sources);
        quote!(crate::Note { kind: #kind, text: #text, sources: #sources })
    }))
}

fn aliases(c: &Cx, aliases: &[super::validate::Alias]) -> TokenStream {
    slice(aliases.iter().map(|a| {
        let name = lit(&a.name);
        let source = source(c, a.source);
        let ambiguous = a.ambiguous;
        quote!(crate::Alias { name: #name, source: #source, ambiguous: #ambiguous })
    }))
}

fn prerequisites(c: &Cx, p: &Prerequisites) -> TokenStream {
    let min = option(p.min_prior_lines.map(|n| quote!(#n)));
    let max = option(p.max_prior_lines.map(|n| quote!(#n)));
    let exposure = slice(p.prior_exposure.iter().map(|e| exposure(c, e)));
    let progression = p.progression_on_last;
    let rule_source = source(c, p.source);
    let wording = opt_str(&p.page_wording);
    let page_source = option(p.page_source.map(|s| source(c, s)));
    quote! {
        crate::Prerequisites {
            min_prior_lines: #min,
            max_prior_lines: #max,
            prior_exposure: #exposure,
            progression_on_last: #progression,
            source: #rule_source,
            page_wording: #wording,
            page_source: #page_source,
        }
    }
}

fn exposure(c: &Cx, e: &Exposure) -> TokenStream {
    match e {
        Exposure::Drug(d) => {
            let d = drug(c, *d);
            quote!(crate::Exposure::Drug(#d))
        }
        Exposure::Class(k) => {
            let k = class(c, *k);
            quote!(crate::Exposure::Class(#k))
        }
        Exposure::Target(t) => {
            let t = target(c, *t);
            quote!(crate::Exposure::Target(#t))
        }
    }
}

fn indications(c: &Cx, list: &[Indication]) -> TokenStream {
    slice(list.iter().map(|i| {
        let regulator = vocab(c, "Regulator", i.regulator);
        let status = vocab(c, "IndicationStatus", i.status);
        let date = opt_str(&i.date);
        let setting = option(i.setting.map(|s| vocab(c, "Setting", s)));
        let min = option(i.min_prior_lines.map(|n| quote!(#n)));
        let max = option(i.max_prior_lines.map(|n| quote!(#n)));
        let prior = slice(i.prior_exposure.iter().map(|e| exposure(c, e)));
        let refractory = slice(i.refractory_to.iter().map(|r| match r {
            Refractory::To(e) => {
                let e = exposure(c, e);
                quote!(crate::Refractoriness::To(#e))
            }
            Refractory::LastTherapy => quote!(crate::Refractoriness::LastTherapy),
        }));
        let not_exposed = slice(i.not_exposed_to.iter().map(|e| exposure(c, e)));
        let progression = i.progression_on_last;
        let other = slice(i.other.iter().map(|o| str_lit(o)));
        let wording = lit(&i.wording);
        let verified = i.verified;
        let src = source(c, i.source);
        quote! {
            crate::Indication {
                regulator: #regulator,
                status: #status,
                date: #date,
                setting: #setting,
                min_prior_lines: #min,
                max_prior_lines: #max,
                prior_exposure: #prior,
                refractory_to: #refractory,
                not_exposed_to: #not_exposed,
                progression_on_last: #progression,
                other: #other,
                wording: #wording,
                verified: #verified,
                source: #src,
            }
        }
    }))
}

fn rxcui(c: &Cx, codes: &super::validate::Codes) -> Option<TokenStream> {
    if codes.rxcui_status == RxcuiStatus::Unknown {
        return None;
    }
    let status = vocab(c, "RxcuiStatus", codes.rxcui_status);
    let code = codes.rxcui?;
    let evidence = lit(codes.rxcui_evidence.as_deref().unwrap_or_default());
    Some(quote!(crate::Rxcui { code: #code, status: #status, evidence: #evidence }))
}

/// A vocabulary value as the library's enum of the same variants (`Phase::Relapsed` ->
/// `crate::Phase::Relapsed`): the generator's serde enums mirror the library's, variant for variant,
/// and a mismatch fails to compile.
fn vocab(c: &Cx, ty: &str, value: impl std::fmt::Debug) -> TokenStream {
    let name = format!("{ty}::{value:?}");
    let mut paths = c.vocab.borrow_mut();
    if let Some(path) = paths.get(&name) {
        return path.clone();
    }
    let path = {
        let ty = format_ident!("{}", ty);
        let variant = format_ident!("{}", format!("{value:?}"));
        quote!(crate::#ty::#variant)
    };
    paths.insert(name, path.clone());
    path
}

/// Catalogue text as rustdoc shows it: brackets escaped, so that a title such as "... [2002]" is
/// not read as an intra-doc link.
fn doc_text(text: &str) -> String {
    text.replace('[', "\\[").replace(']', "\\]")
}

/// "Sources: [`PageSine`](crate::Source::PageSine), ..." for a variant's rustdoc.
fn cites(c: &Cx, sources: &[usize]) -> String {
    let links: Vec<String> = sources
        .iter()
        .map(|s| {
            let key = &c.sources[*s].key;
            format!("[`{}`](crate::Source::{})", key.id, key.ident)
        })
        .collect();
    if links.is_empty() {
        String::new()
    } else {
        format!("Sources: {}.", links.join(", "))
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().collect::<String>() + chars.as_str(),
        None => String::new(),
    }
}

fn upper_snake(name: &str) -> String {
    let mut out = String::new();
    for (i, ch) in name.chars().enumerate() {
        if ch.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(ch.to_ascii_uppercase());
    }
    out
}

fn lower_words(name: &str) -> String {
    upper_snake(name).to_lowercase().replace('_', " ")
}
