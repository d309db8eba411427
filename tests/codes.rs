//! Standard codes: every code of the reference table the catalogue was built from round-trips, retired
//! codes resolve and say so, and codes marked unknown are absent.

use myeloma::{Drug, Expected, RxcuiStatus};

/// The reference table (WHO ATC index 2026; RxNorm with its verification status), as gathered on
/// 2026-11-27 from those files, not from the catalogue: drug, ATC code, retired ATC code, RxNorm
/// code, status.
const REFERENCE: [(&str, &str, &str, Option<u32>, &str); 45] = [
    (
        "bortezomib",
        "L01XG01",
        "L01XX32",
        Some(358258),
        "confirmed",
    ),
    (
        "carfilzomib",
        "L01XG02",
        "L01XX45",
        Some(1302966),
        "confirmed",
    ),
    ("ixazomib", "L01XG03", "L01XX50", Some(1723735), "confirmed"),
    ("lenalidomide", "L04AX04", "", Some(342369), "confirmed"),
    ("thalidomide", "L04AX02", "", Some(10432), "confirmed"),
    ("pomalidomide", "L04AX06", "", Some(1369713), "likely"),
    (
        "daratumumab",
        "L01FC01",
        "L01XC24",
        Some(1721947),
        "confirmed",
    ),
    ("isatuximab", "L01FC02", "L01XC38", None, "unknown"),
    ("talquetamab", "L01FX29", "", None, "unknown"),
    ("selinexor", "L01XX66", "", None, "unknown"),
    ("dexamethasone", "H02AB02", "", Some(3264), "likely"),
    ("cyclophosphamide", "L01AA01", "", Some(3002), "confirmed"),
    ("cisplatin", "L01XA01", "", Some(2555), "confirmed"),
    ("doxorubicin", "L01DB01", "", Some(3639), "likely"),
    ("etoposide", "L01CB01", "", Some(4179), "confirmed"),
    (
        "acetylsalicylic acid",
        "B01AC06",
        "",
        Some(1191),
        "confirmed",
    ),
    ("heparin", "B01AB01", "", Some(5224), "likely"),
    ("warfarin", "B01AA03", "", Some(11289), "confirmed"),
    // Beyond the page: WHO ATC index 2026 with retired codes from its 2020 to 2025 files, and RxNorm
    // codes only where the CIBMTR reporting IG medication value sets list them.
    (
        "elotuzumab",
        "L01FX08",
        "L01XC23",
        Some(1726104),
        "confirmed",
    ),
    ("teclistamab", "L01FX24", "", None, "unknown"),
    ("elranatamab", "L01FX32", "", None, "unknown"),
    ("linvoseltamab", "L01FX37", "", None, "unknown"),
    (
        "belantamab mafodotin",
        "L01FX15",
        "L01XC39",
        None,
        "unknown",
    ),
    ("idecabtagene vicleucel", "L01XL07", "", None, "unknown"),
    ("ciltacabtagene autoleucel", "L01XL05", "", None, "unknown"),
    ("panobinostat", "L01XH03", "L01XX42", None, "unknown"),
    ("melphalan", "L01AA03", "", Some(6718), "confirmed"),
    (
        "melphalan flufenamide",
        "L01AA10",
        "",
        Some(2531369),
        "confirmed",
    ),
    ("bendamustine", "L01AA09", "", Some(134547), "confirmed"),
    ("carmustine", "L01AD01", "", Some(2105), "confirmed"),
    ("prednisone", "H02AB07", "", None, "unknown"),
    ("methylprednisolone", "H02AB04", "", Some(6902), "confirmed"),
    ("venetoclax", "L01XX52", "", None, "unknown"),
    ("fludarabine", "L01BB05", "", Some(24698), "confirmed"),
    ("plerixafor", "L03AX16", "", Some(733003), "confirmed"),
    ("motixafortide", "L03AX23", "", None, "unknown"),
    ("filgrastim", "L03AA02", "", Some(68442), "confirmed"),
    ("zoledronic acid", "M05BA08", "", None, "unknown"),
    ("pamidronate", "M05BA03", "", None, "unknown"),
    ("denosumab", "M05BX04", "", None, "unknown"),
    ("acyclovir", "J05AB01", "", None, "unknown"),
    ("valacyclovir", "J05AB11", "", None, "unknown"),
    ("enoxaparin", "B01AB05", "", None, "unknown"),
    ("dalteparin", "B01AB04", "", None, "unknown"),
    ("tinzaparin", "B01AB10", "", None, "unknown"),
];

#[test]
fn every_reference_code_round_trips() {
    for (name, atc, retired, rxcui, status) in REFERENCE {
        let drug = Drug::from_name(name).unwrap_or_else(|| panic!("{name} is in the catalogue"));
        assert_eq!(drug.atc(), atc, "{name}");
        let found = Drug::from_atc(atc).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((found.drug, found.retired), (drug, false), "{atc}");
        assert_eq!(
            Drug::from_atc(&atc.to_lowercase()).map(|m| m.drug),
            Ok(drug),
            "any case"
        );
        if retired.is_empty() {
            assert!(drug.atc_retired().is_empty(), "{name}");
        } else {
            assert_eq!(drug.atc_retired(), [retired], "{name}");
            let old = Drug::from_atc(retired).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                (old.drug, old.retired),
                (drug, true),
                "{retired} is retired"
            );
        }
        match (rxcui, status) {
            (None, "unknown") => {
                assert_eq!(drug.rxcui(), None, "{name}: unknown codes are left out")
            }
            (Some(code), status) => {
                let r = drug
                    .rxcui()
                    .unwrap_or_else(|| panic!("{name} carries its RxNorm code"));
                assert_eq!(r.code, code, "{name}");
                let expected = if status == "confirmed" {
                    RxcuiStatus::Confirmed
                } else {
                    RxcuiStatus::Likely
                };
                assert_eq!(r.status, expected, "{name}");
                assert_eq!(Drug::from_rxcui(code), Ok(drug), "{code}");
            }
            other => panic!("unexpected reference row {other:?}"),
        }
    }
    assert_eq!(
        Drug::ALL.len(),
        REFERENCE.len(),
        "every catalogue drug has its codes checked"
    );
}

#[test]
fn unknown_codes_give_clear_errors() {
    let error = Drug::from_atc("L01XX99").unwrap_err();
    assert_eq!(error.expected(), Expected::AtcCode);
    assert_eq!(error.to_string(), "unknown ATC code `L01XX99`");
    assert!(Drug::from_atc("not a code").is_err());
    assert!(Drug::from_atc("").is_err());
    let error = Drug::from_rxcui(0).unwrap_err();
    assert_eq!(error.expected(), Expected::Rxcui);
    assert_eq!(error.to_string(), "unknown RxNorm code `0`");
    // The separate concepts the reference names are not the ingredients.
    assert!(Drug::from_rxcui(1723734).is_err(), "ixazomib citrate");
    assert!(
        Drug::from_rxcui(2372199).is_err(),
        "daratumumab/hyaluronidase"
    );
    assert_eq!(
        Drug::from_rxcui(u32::MAX).unwrap_err().input(),
        "4294967295"
    );
}

#[test]
fn atc_groups_map_to_classes_where_they_agree() {
    use myeloma::DrugClass;
    for &drug in Drug::ALL {
        if let Some(class) = DrugClass::from_atc(drug.atc()) {
            assert!(
                drug.class().is_a(class),
                "{drug}: its ATC group's class is its class or its class's parent"
            );
        }
    }
    assert_eq!(
        DrugClass::from_atc("L01XG"),
        Some(DrugClass::ProteasomeInhibitor)
    );
    assert_eq!(
        DrugClass::from_atc("l01fc"),
        Some(DrugClass::MonoclonalAntibody)
    );
    assert_eq!(
        DrugClass::from_atc("L01FX29"),
        Some(DrugClass::MonoclonalAntibody)
    );
    assert_eq!(
        DrugClass::from_atc("B01AC06"),
        Some(DrugClass::Antithrombotic)
    );
    assert_eq!(
        DrugClass::from_atc("L04AX04"),
        None,
        "L04AX also holds methotrexate"
    );
    assert_eq!(
        DrugClass::from_atc("L01XX66"),
        None,
        "L01XX holds many kinds"
    );
    assert_eq!(DrugClass::from_atc("L01"), None, "too broad for one class");
    assert_eq!(DrugClass::from_atc(""), None);
}
