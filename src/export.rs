//! The whole catalogue as one document (behind the `serde` feature), in the schema the README's
//! "The JSON export" section documents: the page, then every source, class, target, route, use,
//! drug and regimen with its facts and their sources, and the links between them.
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! let json = serde_json::to_value(myeloma::export()).unwrap();
//! assert_eq!(json["version"], myeloma::CATALOGUE_VERSION);
//! assert_eq!(json["drugs"][0]["id"], "bortezomib");
//! assert_eq!(json["regimens"][0]["components"][2], serde_json::json!({"drug": "dexamethasone", "dose": "low-dose"}));
//! # }
//! ```

use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use crate::{
    Component, Drug, DrugClass, Regimen, Route, Source, StatedUse, Target, Use, CATALOGUE_VERSION,
    PAGE, REVIEWED,
};

/// The whole catalogue, ready to serialise; see [`export`]. It writes the catalogue's version and
/// review date first, then the page and every entry.
///
/// ```
/// use myeloma::{Export, CATALOGUE_VERSION, REVIEWED};
/// let json = serde_json::to_string(&Export).unwrap();
/// let head = format!(r#"{{"version":"{CATALOGUE_VERSION}","reviewed":"{REVIEWED}","page":{{"#);
/// assert!(json.starts_with(&head));
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Export;

/// The whole catalogue as one serialisable value, in the README's JSON schema.
///
/// ```
/// use myeloma::{Drug, Regimen, PAGE};
/// let json = serde_json::to_value(myeloma::export()).unwrap();
/// assert_eq!(json["page"]["title"], PAGE.title);
/// assert_eq!(json["drugs"].as_array().unwrap().len(), Drug::ALL.len());
/// assert_eq!(json["regimens"].as_array().unwrap().len(), Regimen::ALL.len());
/// assert_eq!(json["drugs"][0]["codes"]["rxcui"]["code"], 358258);
/// ```
pub const fn export() -> Export {
    Export
}

/// Every entry of a kind, each as its [`Row`].
struct All<T: 'static>(&'static [T]);

impl<T> Serialize for All<T>
where
    Row<T>: Serialize,
    T: Copy,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut list = serializer.serialize_seq(Some(self.0.len()))?;
        for entry in self.0 {
            list.serialize_element(&Row(*entry))?;
        }
        list.end()
    }
}

/// One entry with its facts, as the export writes it.
struct Row<T>(T);

/// Serialises `Row<$ty>` as a struct of the given fields, each computed from the entry.
macro_rules! rows {
    ($($ty:ident |$x:ident| { $($key:literal => $value:expr,)* })*) => {$(
        impl Serialize for Row<$ty> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let $x = self.0;
                let fields = [$($key),*].len();
                let mut row = serializer.serialize_struct(stringify!($ty), fields)?;
                $(row.serialize_field($key, &$value)?;)*
                row.end()
            }
        }
    )*};
}

rows! {
    Source |s| {
        "id" => s.id(),
        "kind" => s.kind(),
        "title" => s.title(),
        "url" => s.url(),
        "regulator" => s.regulator(),
        "notes" => s.notes(),
    }
    DrugClass |c| {
        "id" => c.id(),
        "name" => c.name(),
        "heading" => c.heading(),
        "parent" => c.parent(),
        "on_page" => c.is_on_page(),
        "targeted" => c.is_targeted(),
        "mechanism" => c.mechanism(),
        "targets" => c.targets(),
        "side_effects" => c.side_effects(),
        "prevents_clots" => c.prevents_clots(),
        "atc_groups" => c.atc_groups(),
        "drugs" => c.drugs(),
        "sources" => c.sources(),
        "notes" => c.notes(),
    }
    Target |t| {
        "id" => t.id(),
        "name" => t.name(),
        "description" => t.description(),
        "sources" => t.sources(),
    }
    Route |r| {
        "id" => r.id(),
        "name" => r.name(),
        "wording" => r.wording(),
        "sources" => r.sources(),
    }
    Use |u| {
        "id" => u.id(),
        "wording" => u.wording(),
        "term" => u.term(),
        "phases" => u.phases(),
        "transplant" => u.transplant(),
        "drugs" => u.drugs(),
        "regimens" => u.regimens(),
        "sources" => u.sources(),
    }
    Drug |d| {
        "id" => d.id(),
        "generic_name" => d.generic_name(),
        "brand_names" => d.brand_names(),
        "class" => d.class(),
        "targeted" => d.is_targeted(),
        "targets" => d.targets(),
        "description" => d.description(),
        "routes" => Column(d.routes(), |g| g.route),
        "route_wording" => Column(d.routes(), |g| g.wording),
        "route_sources" => Column(d.routes(), |g| g.source),
        "role" => d.role(),
        "maintenance_eligible" => d.is_maintenance_eligible(),
        "on_page" => d.is_on_page(),
        "products" => d.products(),
        "approvals" => d.approvals(),
        "indications" => d.indications(),
        "uses" => Column(d.uses(), |u| UseOut(*u)),
        "given_alone" => d.given_alone(),
        "prerequisites" => d.prerequisites(),
        "raises_clot_risk" => d.raises_clot_risk(),
        "prevents_clots" => d.prevents_clots(),
        "aliases" => d.aliases(),
        "codes" => Codes(d),
        "regimens" => d.regimens(),
        "sources" => d.sources(),
        "notes" => d.notes(),
    }
    Regimen |r| {
        "id" => r.id(),
        "acronym" => r.acronym(),
        "acronym_origin" => r.acronym_origin(),
        "aliases" => r.aliases(),
        "components" => Column(r.components(), |c| ComponentOut(*c)),
        "most_common_with" => r.most_common_with(),
        "uses" => r.uses(),
        "settings" => r.settings(),
        "basis" => r.basis(),
        "indications" => r.indications(),
        "on_page" => r.is_on_page(),
        "prerequisites" => r.prerequisites(),
        "needs_thromboprophylaxis" => r.needs_thromboprophylaxis(),
        "sources" => r.sources(),
        "notes" => r.notes(),
    }
}

/// One value of each item of a list, in the list's order (a drug's routes, one column at a time).
struct Column<T: 'static, U>(&'static [T], fn(&T) -> U);

impl<T, U: Serialize> Serialize for Column<T, U> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(self.1))
    }
}

/// A drug's stated use as `{use, wording}`.
struct UseOut(StatedUse);

impl Serialize for UseOut {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut row = serializer.serialize_struct("StatedUse", 2)?;
        row.serialize_field("use", &self.0.purpose)?;
        row.serialize_field("wording", self.0.wording)?;
        row.end()
    }
}

/// A regimen's component as `{drug, dose}`, without `dose` where the page gives none.
struct ComponentOut(Component);

impl Serialize for ComponentOut {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let dose = self.0.dose;
        let mut row = serializer.serialize_struct("Component", 1 + usize::from(dose.is_some()))?;
        row.serialize_field("drug", &self.0.drug)?;
        if let Some(dose) = dose {
            row.serialize_field("dose", &dose)?;
        }
        row.end()
    }
}

/// A drug's codes: `{atc, atc_retired, rxcui}`.
struct Codes(Drug);

impl Serialize for Codes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut row = serializer.serialize_struct("Codes", 3)?;
        row.serialize_field("atc", self.0.atc())?;
        row.serialize_field("atc_retired", self.0.atc_retired())?;
        row.serialize_field("rxcui", &self.0.rxcui())?;
        row.end()
    }
}

impl Serialize for Export {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut doc = serializer.serialize_struct("Catalogue", 10)?;
        doc.serialize_field("version", CATALOGUE_VERSION)?;
        doc.serialize_field("reviewed", REVIEWED)?;
        doc.serialize_field("page", &PAGE)?;
        doc.serialize_field("sources", &All(Source::ALL))?;
        doc.serialize_field("classes", &All(DrugClass::ALL))?;
        doc.serialize_field("targets", &All(Target::ALL))?;
        doc.serialize_field("routes", &All(Route::ALL))?;
        doc.serialize_field("uses", &All(Use::ALL))?;
        doc.serialize_field("drugs", &All(Drug::ALL))?;
        doc.serialize_field("regimens", &All(Regimen::ALL))?;
        doc.end()
    }
}
