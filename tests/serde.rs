//! serde: every public data type serialises; what can be read back reads back through the same
//! parser as `FromStr`, names as records write them included.
#![cfg(feature = "serde")]

use myeloma::{
    resolve, Drug, DrugClass, DrugRole, DrugSet, Phase, Regimen, Regulator, Therapy,
    TransplantStatus, TreatmentHistory,
};
use serde_json::{from_str, json, to_value};

#[test]
fn entries_round_trip_through_their_ids() {
    for &drug in Drug::ALL {
        assert_eq!(to_value(drug).unwrap(), json!(drug.id()));
        assert_eq!(
            from_str::<Drug>(&format!("\"{}\"", drug.id())).unwrap(),
            drug
        );
    }
    for &regimen in Regimen::ALL {
        let text = serde_json::to_string(&regimen).unwrap();
        assert_eq!(from_str::<Regimen>(&text).unwrap(), regimen);
    }
    for &class in DrugClass::ALL {
        let text = serde_json::to_string(&class).unwrap();
        assert_eq!(from_str::<DrugClass>(&text).unwrap(), class);
    }
}

#[test]
fn drugs_and_regimens_read_back_from_any_name() {
    assert_eq!(from_str::<Drug>("\"Velcade\"").unwrap(), Drug::Bortezomib);
    assert_eq!(
        from_str::<Drug>("\"Darzalex Faspro\"").unwrap(),
        Drug::Daratumumab
    );
    assert_eq!(from_str::<Regimen>("\"VRd\"").unwrap(), Regimen::RVd);
    let error = from_str::<Drug>("\"bortezimib\"").unwrap_err().to_string();
    assert!(error.contains("did you mean bortezomib"), "{error}");
    // An ambiguous name is an error, never a guess.
    let error = from_str::<Regimen>("\"BVd\"").unwrap_err().to_string();
    assert!(error.contains("ambiguous"), "{error}");
}

#[test]
fn vocabulary_values_round_trip_and_parse() {
    for &v in DrugRole::ALL {
        let text = serde_json::to_string(&v).unwrap();
        assert_eq!(from_str::<DrugRole>(&text).unwrap(), v);
        assert_eq!(v.id().parse::<DrugRole>(), Ok(v));
    }
    // Serde writes the id, not the label that `Display` writes, and reads both back.
    assert_eq!(
        serde_json::to_string(&Regulator::HealthCanada).unwrap(),
        "\"health-canada\""
    );
    assert_eq!(
        from_str::<Regulator>("\"Health Canada\"").unwrap(),
        Regulator::HealthCanada
    );
    let error = "Health Canada of Ontario".parse::<Regulator>().unwrap_err();
    assert_eq!(
        error.to_string(),
        "unknown regulator `Health Canada of Ontario`"
    );
    assert!(from_str::<Phase>("\"later\"").is_err());
}

#[test]
fn drug_sets_and_therapies_round_trip() {
    let set = DrugSet::from(Regimen::DRVd);
    let value = to_value(set).unwrap();
    assert_eq!(
        value,
        json!(["bortezomib", "lenalidomide", "daratumumab", "dexamethasone"])
    );
    assert_eq!(serde_json::from_value::<DrugSet>(value).unwrap(), set);
    assert_eq!(
        from_str::<DrugSet>(r#"["Velcade", "len", "dex"]"#).unwrap(),
        DrugSet::from(Regimen::RVd)
    );
    for therapy in Drug::ALL
        .iter()
        .map(|&d| Therapy::from(d))
        .chain(Regimen::ALL.iter().map(|&r| Therapy::from(r)))
        .chain([resolve("dara + pom").unwrap()])
    {
        let text = serde_json::to_string(&therapy).unwrap();
        assert_eq!(from_str::<Therapy>(&text).unwrap(), therapy, "{text}");
    }
}

#[test]
fn histories_read_back_through_the_builder() {
    let history = TreatmentHistory::builder(Phase::AfterTransplant)
        .prior_lines(1)
        .exposed(DrugSet::from(Regimen::RVd))
        .transplant(TransplantStatus::Done)
        .build()
        .unwrap();
    let text = serde_json::to_string(&history).unwrap();
    assert_eq!(from_str::<TreatmentHistory>(&text).unwrap(), history);
    // Defaults as the builder's, names as records write them.
    let minimal: TreatmentHistory =
        from_str(r#"{"phase": "relapsed", "prior_lines": 1, "exposed": ["Revlimid"]}"#).unwrap();
    assert_eq!(minimal.exposed(), DrugSet::EMPTY.with(Drug::Lenalidomide));
    // A contradictory history is the builder's error; a repeated or unknown field is an error.
    assert!(
        from_str::<TreatmentHistory>(r#"{"phase": "newly-diagnosed", "prior_lines": 2}"#).is_err()
    );
    let repeated = from_str::<TreatmentHistory>(r#"{"phase": "relapsed", "phase": "refractory"}"#);
    assert!(repeated
        .unwrap_err()
        .to_string()
        .contains("duplicate field `phase`"));
    let unknown = from_str::<TreatmentHistory>(r#"{"phase": "relapsed", "lines": 2}"#);
    assert!(unknown
        .unwrap_err()
        .to_string()
        .contains("unknown field `lines`"));
    assert!(from_str::<TreatmentHistory>(r#"{"prior_lines": 2}"#).is_err());
}

#[test]
fn records_and_verdicts_serialise() {
    let products = to_value(Drug::Daratumumab.products()).unwrap();
    assert_eq!(products[1]["name"], "Darzalex Faspro");
    assert_eq!(products[1]["route"], "subcutaneous");
    assert_eq!(products[1]["regulator"], "us-fda");
    let approval = to_value(Drug::Teclistamab.approvals()[0]).unwrap();
    assert_eq!(approval["status"], "accelerated");
    assert_eq!(
        to_value(Regimen::IsaKd.prerequisites()).unwrap()["regulator"],
        "health-canada"
    );
    let history = TreatmentHistory::builder(Phase::Relapsed)
        .prior_lines(1)
        .build()
        .unwrap();
    let verdict = to_value(Regimen::IsaPd.check(&history, Regulator::HealthCanada)).unwrap();
    let outside = &verdict["outside"];
    assert_eq!(outside["closest"]["source"], "decision-hc-rds00640");
    assert_eq!(
        outside["reasons"][0],
        json!({"needs-prior-lines": {"required": 2, "actual": 1}})
    );
    assert_eq!(
        outside["reasons"][1],
        json!({"needs-prior-exposure": {"drug": "lenalidomide"}})
    );
    let within = to_value(Regimen::IsaKd.check(&history, Regulator::UsFda)).unwrap();
    assert_eq!(within["within"]["regulator"], "us-fda");
    let none = to_value(Regimen::Dcep.check(&history, Regulator::UsFda)).unwrap();
    assert_eq!(none["no-indication"]["status"], "none");
    assert_eq!(none["no-indication"]["regulator"], "us-fda");
    assert_eq!(
        to_value(Regimen::Dcep.check(&history, Regulator::Ema)).unwrap(),
        "not-recorded"
    );
    let page = to_value(myeloma::PAGE).unwrap();
    assert_eq!(page["side_effect_lists"], "lost-in-copying");
}

/// The library's export is the JSON document the README documents, value for value: the same as
/// the reviewed snapshot of `catalogue --json`.
#[test]
fn the_export_is_the_documented_json() {
    let snapshot = include_str!("snapshots/examples__catalogue_json.snap");
    let json = snapshot
        .splitn(3, "---\n")
        .nth(2)
        .expect("an insta snapshot: header between two --- lines, then the value");
    let documented: serde_json::Value = serde_json::from_str(json).expect("the snapshot is JSON");
    assert_eq!(to_value(myeloma::export()).unwrap(), documented);
}
