//! Invariants over the generated catalogue, and the source page's facts checked against it.

use std::collections::BTreeSet;

use myeloma::{
    resolve, AcronymOrigin, Dose, Drug, DrugClass, DrugSet, NoteKind, Regimen, Route, SideEffects,
    Source, SourceKind, Target, Therapy, Use,
};

/// Ids are unique, `ALL` is in declaration order, and each id parses back to its entry.
macro_rules! id_invariants {
    ($($ty:ident),*) => {$(
        let ids: Vec<&str> = $ty::ALL.iter().map(|e| e.id()).collect();
        let unique: BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "{} ids are unique", stringify!($ty));
        for (i, entry) in $ty::ALL.iter().enumerate() {
            assert_eq!(*entry as usize, i, "{}::ALL is in declaration order", stringify!($ty));
            assert_eq!($ty::from_id(entry.id()), Some(*entry));
            assert_eq!(entry.to_string().parse::<$ty>(), Ok(*entry));
        }
    )*};
}

#[test]
fn ids_are_unique_and_round_trip() {
    id_invariants!(Drug, DrugClass, Regimen, Route, Source, Target, Use);
}

#[test]
fn every_name_resolves_to_its_entry() {
    for &drug in Drug::ALL {
        let names = [drug.generic_name(), drug.id()]
            .into_iter()
            .chain(drug.brand_names().iter().copied())
            .chain(drug.products().iter().map(|p| p.name))
            .chain(
                drug.aliases()
                    .iter()
                    .filter(|a| !a.ambiguous)
                    .map(|a| a.name),
            );
        for name in names {
            assert_eq!(Drug::from_name(name), Some(drug), "{name}");
            assert_eq!(resolve(name), Ok(Therapy::Drug(drug)), "{name}");
        }
    }
    for &regimen in Regimen::ALL {
        let names = [regimen.acronym(), regimen.id()].into_iter().chain(
            regimen
                .aliases()
                .iter()
                .filter(|a| !a.ambiguous)
                .map(|a| a.name),
        );
        for name in names {
            assert_eq!(Regimen::from_name(name), Some(regimen), "{name}");
        }
        // An ambiguous name resolves to nothing; its error lists every entry it may mean.
        for alias in regimen.aliases().iter().filter(|a| a.ambiguous) {
            assert_eq!(Regimen::from_name(alias.name), None, "{}", alias.name);
            let error = resolve(alias.name).unwrap_err();
            assert!(error.is_ambiguous(), "{}", alias.name);
            let candidates: Vec<Therapy> = error.suggestions().map(Therapy::from).collect();
            assert!(candidates.len() >= 2, "{}", alias.name);
            assert!(
                candidates.contains(&Therapy::Regimen(regimen)),
                "{}",
                alias.name
            );
        }
    }
}

#[test]
fn ambiguous_names_are_reported_with_every_meaning() {
    let error = resolve("BVD").unwrap_err();
    assert_eq!(
        error.to_string(),
        "ambiguous name `BVD` (it may mean Bela-Vd or Benda-Vd; say which)"
    );
    let error = resolve("PCD").unwrap_err();
    let candidates: Vec<Therapy> = error.suggestions().map(Therapy::from).collect();
    assert_eq!(
        candidates,
        [
            Therapy::Regimen(Regimen::PdCy),
            Therapy::Regimen(Regimen::KPd)
        ]
    );
    // In a list too: the ambiguous piece is named.
    let error = resolve("BVd + dara").unwrap_err();
    assert!(error.is_ambiguous());
    assert_eq!(error.unresolved(), "BVd");
}

#[test]
fn regimens_are_well_formed() {
    for &regimen in Regimen::ALL {
        let components = regimen.components();
        assert!(!components.is_empty(), "{regimen} has drugs");
        let set: DrugSet = components.iter().map(|c| c.drug).collect();
        assert_eq!(
            set.len(),
            components.len(),
            "{regimen} names each drug once"
        );
        assert_eq!(
            regimen.drugs(),
            set,
            "{regimen}'s drug set matches its components"
        );
        assert_eq!(
            Regimen::from_drugs(set),
            Some(regimen),
            "{regimen} is found by its drugs"
        );
        for drug in set {
            assert!(
                drug.regimens().contains(&regimen),
                "{drug} links back to {regimen}"
            );
        }
        assert!(!regimen.sources().is_empty(), "{regimen} cites a source");
    }
}

#[test]
fn derived_links_agree_with_the_entries() {
    for &class in DrugClass::ALL {
        for drug in class.drugs() {
            assert_eq!(drug.class(), class);
        }
        for target in class.targets() {
            assert!(class.drugs().iter().any(|d| d.targets().contains(target)));
        }
    }
    for &purpose in Use::ALL {
        for drug in purpose.drugs() {
            assert!(drug.uses().iter().any(|u| u.purpose == purpose));
        }
        for regimen in purpose.regimens() {
            assert!(regimen.uses().contains(&purpose));
        }
    }
    for &regimen in Regimen::ALL {
        let expected = regimen
            .components()
            .iter()
            .any(|c| c.drug.raises_clot_risk());
        assert_eq!(regimen.needs_thromboprophylaxis(), expected, "{regimen}");
    }
}

/// Every drug the page names, with the brand it gives (targeted drugs) and how it says each is given.
#[test]
fn the_pages_drugs_brands_and_routes() {
    use Route::{Intravenous as Iv, Oral, Subcutaneous as Sc};
    let targeted: [(&str, &str, &str, &[Route]); 10] = [
        ("bortezomib", "Velcade", "proteasome-inhibitor", &[Sc, Iv]),
        ("carfilzomib", "Kyprolis", "proteasome-inhibitor", &[Iv]),
        ("ixazomib", "Ninlaro", "proteasome-inhibitor", &[Oral]),
        ("lenalidomide", "Revlimid", "immunomodulatory-drug", &[Oral]),
        ("thalidomide", "Thalomid", "immunomodulatory-drug", &[Oral]),
        ("pomalidomide", "Pomalyst", "immunomodulatory-drug", &[Oral]),
        // The page gives the subcutaneous route; the intravenous one is the US Darzalex label's.
        ("daratumumab", "Darzalex", "monoclonal-antibody", &[Sc, Iv]),
        ("isatuximab", "Sarclisa", "monoclonal-antibody", &[Iv]),
        // The page says intravenous; the label says subcutaneous (see the note on the drug). The
        // page files it under monoclonal antibodies; its class is a kind of that one.
        ("talquetamab", "Talvey", "bispecific-antibody", &[Sc]),
        ("selinexor", "Xpovio", "sine", &[Oral]),
    ];
    for (name, brand, class, routes) in targeted {
        let drug = Drug::from_name(name).unwrap_or_else(|| panic!("{name} is in the catalogue"));
        assert_eq!(Drug::from_name(brand), Some(drug), "{brand} is {name}");
        assert_eq!(drug.class().id(), class);
        assert!(drug.is_targeted());
        assert!(drug.is_on_page(), "{name}");
        let given: Vec<Route> = drug.routes().iter().map(|g| g.route).collect();
        assert_eq!(given, routes, "{name}'s routes, usual first");
    }
    let on_page = || Drug::ALL.iter().filter(|d| d.is_on_page());
    assert_eq!(on_page().filter(|d| d.is_targeted()).count(), 10);
    assert_eq!(on_page().count(), 18);
    for other in [
        "dexamethasone",
        "cyclophosphamide",
        "cisplatin",
        "doxorubicin",
        "etoposide",
        "acetylsalicylic acid",
        "Aspirin",
        "ASA",
        "heparin",
        "warfarin",
    ] {
        let drug = Drug::from_name(other).unwrap_or_else(|| panic!("{other} is in the catalogue"));
        assert!(!drug.is_targeted(), "{other}");
    }
}

/// Every combination the page lists, by acronym or in words, with its drugs and dose qualifiers.
#[test]
fn the_pages_combinations() {
    let low = Some(Dose::LowDose);
    type Listed<'a> = (&'a str, AcronymOrigin, &'a [(&'a str, Option<Dose>)]);
    let listed: [Listed; 18] = [
        (
            "RVd",
            AcronymOrigin::Source,
            &[
                ("lenalidomide", None),
                ("bortezomib", None),
                ("dexamethasone", low),
            ],
        ),
        (
            "CyBorD",
            AcronymOrigin::Source,
            &[
                ("cyclophosphamide", None),
                ("bortezomib", None),
                ("dexamethasone", None),
            ],
        ),
        (
            "VR",
            AcronymOrigin::Clinical,
            &[("lenalidomide", None), ("bortezomib", None)],
        ),
        (
            "Kd",
            AcronymOrigin::Source,
            &[("carfilzomib", None), ("dexamethasone", low)],
        ),
        (
            "KRd",
            AcronymOrigin::Source,
            &[
                ("carfilzomib", None),
                ("lenalidomide", None),
                ("dexamethasone", low),
            ],
        ),
        (
            "DKd",
            AcronymOrigin::Source,
            &[
                ("daratumumab", None),
                ("carfilzomib", None),
                ("dexamethasone", low),
            ],
        ),
        (
            "Isa-Kd",
            AcronymOrigin::Source,
            &[
                ("isatuximab", None),
                ("carfilzomib", None),
                ("dexamethasone", low),
            ],
        ),
        (
            "KCd",
            AcronymOrigin::Source,
            &[
                ("carfilzomib", None),
                ("cyclophosphamide", None),
                ("dexamethasone", low),
            ],
        ),
        (
            "IRd",
            AcronymOrigin::Clinical,
            &[
                ("ixazomib", None),
                ("lenalidomide", None),
                ("dexamethasone", None),
            ],
        ),
        (
            "DRd",
            AcronymOrigin::Source,
            &[
                ("daratumumab", None),
                ("lenalidomide", None),
                ("dexamethasone", low),
            ],
        ),
        (
            "D-RVd",
            AcronymOrigin::Source,
            &[
                ("daratumumab", None),
                ("lenalidomide", None),
                ("bortezomib", None),
                ("dexamethasone", low),
            ],
        ),
        (
            "DVd",
            AcronymOrigin::Source,
            &[
                ("daratumumab", None),
                ("bortezomib", None),
                ("dexamethasone", low),
            ],
        ),
        (
            "VTd",
            AcronymOrigin::Source,
            &[
                ("bortezomib", None),
                ("thalidomide", None),
                ("dexamethasone", low),
            ],
        ),
        (
            "D-VTd",
            AcronymOrigin::Source,
            &[
                ("daratumumab", None),
                ("bortezomib", None),
                ("thalidomide", None),
                ("dexamethasone", low),
            ],
        ),
        (
            "VTd-PACE",
            AcronymOrigin::Source,
            &[
                ("bortezomib", None),
                ("thalidomide", None),
                // The page says low-dose; the regimen gives a 40 mg pulse (a note records it).
                ("dexamethasone", None),
                ("cisplatin", None),
                ("doxorubicin", None),
                ("cyclophosphamide", None),
                ("etoposide", None),
            ],
        ),
        (
            "PVd",
            AcronymOrigin::Clinical,
            &[
                ("pomalidomide", None),
                ("dexamethasone", None),
                ("bortezomib", None),
            ],
        ),
        (
            "Isa-Pd",
            AcronymOrigin::Clinical,
            &[
                ("isatuximab", None),
                ("pomalidomide", None),
                ("dexamethasone", None),
            ],
        ),
        (
            "SVd",
            AcronymOrigin::Clinical,
            &[
                ("selinexor", None),
                ("bortezomib", None),
                ("dexamethasone", None),
            ],
        ),
    ];
    for (acronym, origin, parts) in listed {
        let regimen =
            Regimen::from_name(acronym).unwrap_or_else(|| panic!("{acronym} is in the catalogue"));
        assert!(regimen.is_on_page(), "{acronym}");
        assert_eq!(regimen.acronym(), acronym);
        assert_eq!(regimen.acronym_origin(), origin, "{acronym}");
        let components: Vec<(&str, Option<Dose>)> = regimen
            .components()
            .iter()
            .map(|c| (c.drug.id(), c.dose))
            .collect();
        assert_eq!(components, parts, "{acronym}");
    }
    assert_eq!(
        Regimen::ALL.iter().filter(|r| r.is_on_page()).count(),
        listed.len(),
        "the page lists no other regimen"
    );
}

#[test]
fn the_pages_uses_and_classes() {
    assert_eq!(Use::ALL.len(), 7);
    assert_eq!(Use::Induction.term(), Some("induction therapy"));
    assert_eq!(Use::Consolidation.term(), Some("consolidation therapy"));
    let targeted: Vec<&str> = DrugClass::ALL
        .iter()
        .filter(|c| c.is_targeted() && c.is_on_page())
        .map(|c| c.id())
        .collect();
    assert_eq!(
        targeted,
        [
            "proteasome-inhibitor",
            "immunomodulatory-drug",
            "monoclonal-antibody",
            "sine"
        ]
    );
    for class in DrugClass::ALL
        .iter()
        .filter(|c| c.is_targeted() && c.is_on_page())
    {
        assert!(class.mechanism().is_some(), "{class} says how it works");
        assert_eq!(
            class.side_effects(),
            SideEffects::LostInCopying,
            "{class}: lists lost, none invented"
        );
    }
    // The targets of the page's drugs that the page files under each class.
    let targets = |c: DrugClass| {
        let mut ids: Vec<&str> = Vec::new();
        for d in Drug::ALL
            .iter()
            .filter(|d| d.is_on_page() && d.class().top() == c)
        {
            for t in d.targets() {
                if !ids.contains(&t.id()) {
                    ids.push(t.id());
                }
            }
        }
        ids
    };
    assert_eq!(targets(DrugClass::ProteasomeInhibitor), ["proteasome"]);
    assert_eq!(targets(DrugClass::ImmunomodulatoryDrug), ["cereblon"]);
    assert_eq!(
        targets(DrugClass::MonoclonalAntibody),
        ["cd38", "gprc5d", "cd3"]
    );
    assert_eq!(targets(DrugClass::Sine), ["xpo1"]);
}

#[test]
fn clot_risk_and_prevention_follow_the_page() {
    let raising: Vec<&str> = Drug::ALL
        .iter()
        .filter(|d| d.raises_clot_risk())
        .map(|d| d.id())
        .collect();
    // The page's three immunomodulatory drugs, and carfilzomib from its US label.
    assert_eq!(
        raising,
        ["carfilzomib", "lenalidomide", "thalidomide", "pomalidomide"]
    );
    for &drug in Drug::ALL.iter().filter(|d| d.raises_clot_risk()) {
        assert!(!drug.clot_risk_sources().is_empty(), "{drug}");
    }
    let preventing = |page: bool| -> Vec<&str> {
        Drug::ALL
            .iter()
            .filter(|d| d.prevents_clots() && d.is_on_page() == page)
            .map(|d| d.id())
            .collect()
    };
    assert_eq!(
        preventing(true),
        ["acetylsalicylic-acid", "heparin", "warfarin"]
    );
    // Beyond the page, the low-molecular-weight heparins that clot-prevention guidance names.
    assert_eq!(
        preventing(false),
        ["enoxaparin", "dalteparin", "tinzaparin"]
    );
    assert!(Regimen::VTdPace.needs_thromboprophylaxis());
    assert!(!Regimen::CyBorD.needs_thromboprophylaxis());
    for regimen in [
        Regimen::Kd,
        Regimen::KRd,
        Regimen::DKd,
        Regimen::IsaKd,
        Regimen::KCd,
    ] {
        assert!(regimen.needs_thromboprophylaxis(), "{regimen}");
    }
}

#[test]
fn the_pages_errors_are_recorded_with_both_sources() {
    let misspelling = Regimen::VR
        .notes()
        .iter()
        .find(|n| n.kind == NoteKind::Misspelling);
    let misspelling = misspelling.expect("the page's `lenadiomide` is recorded");
    assert!(misspelling.text.contains("lenadiomide"));
    assert!(
        Drug::from_name("lenadiomide").is_none(),
        "the misspelling is not an alias"
    );

    let conflicts: Vec<_> = Drug::Talquetamab
        .notes()
        .iter()
        .filter(|n| n.kind == NoteKind::LabelConflict)
        .collect();
    assert!(!conflicts.is_empty());
    for note in conflicts {
        assert!(
            note.sources
                .iter()
                .any(|s| s.kind() == SourceKind::PageSection),
            "cites the page"
        );
        assert!(
            note.sources.iter().any(|s| s.kind() == SourceKind::Label),
            "cites the label"
        );
    }
    assert_eq!(Drug::Talquetamab.usual_route(), Some(Route::Subcutaneous));
}

#[test]
fn the_pages_references_and_prose_are_present() {
    let references = Source::ALL
        .iter()
        .filter(|s| s.kind() == SourceKind::Reference)
        .count();
    assert_eq!(references, 10, "the page's reference list has ten entries");
    assert!(myeloma::PAGE
        .coverage
        .text
        .contains("provincial and territorial health plans"));
    assert!(myeloma::PAGE
        .disclaimer
        .text
        .contains("does not replace your relationship with your"));
    assert_eq!(myeloma::PAGE.last_medical_review, None, "blank on the page");
    assert_eq!(myeloma::PAGE.side_effect_lists, SideEffects::LostInCopying);
}

/// Beyond the page, every fact carries the label, decision or paper it was read in.
#[test]
fn entries_beyond_the_page_cite_what_they_were_read_in() {
    for &drug in Drug::ALL.iter().filter(|d| !d.is_on_page()) {
        assert!(
            drug.description().is_none(),
            "{drug}: the page says nothing of it"
        );
        assert!(!drug.routes().is_empty(), "{drug} says how it is given");
        for given in drug.routes() {
            assert!(
                given.wording.is_none() && given.source.is_some(),
                "{drug}: a route beyond the page cites its label"
            );
        }
        assert!(
            !drug.approvals().is_empty(),
            "{drug} says what regulators decided"
        );
        assert!(
            drug.sources()
                .iter()
                .all(|s| s.kind() != myeloma::SourceKind::PageSection),
            "{drug}"
        );
    }
    for &regimen in Regimen::ALL.iter().filter(|r| !r.is_on_page()) {
        assert!(regimen.uses().is_empty(), "{regimen}: uses are the page's");
        assert!(!regimen.settings().is_empty(), "{regimen} has settings");
        assert!(
            !regimen.basis().is_empty(),
            "{regimen} rests on a trial or label"
        );
        for b in regimen.basis() {
            assert!(
                regimen.sources().contains(&b.source),
                "{regimen} cites {}",
                b.source
            );
        }
    }
}

/// Roles follow the lines-of-therapy rules: steroids and supportive care never define a line.
#[test]
fn drug_roles_follow_their_classes() {
    use myeloma::DrugRole;
    for &drug in Drug::ALL {
        let class = drug.class();
        let expected = if class == DrugClass::Corticosteroid {
            DrugRole::Steroid
        } else if class.is_targeted() || class.top() == DrugClass::Chemotherapy {
            DrugRole::LineDefining
        } else {
            DrugRole::Supportive
        };
        // Fludarabine is chemotherapy, given in myeloma only as lymphodepletion before CAR-T.
        let expected = if drug == Drug::Fludarabine {
            DrugRole::Supportive
        } else {
            expected
        };
        assert_eq!(drug.role(), expected, "{drug}");
        if drug.is_maintenance_eligible() {
            assert_eq!(drug.role(), DrugRole::LineDefining, "{drug}");
        }
    }
    let maintenance: Vec<&str> = Drug::ALL
        .iter()
        .filter(|d| d.is_maintenance_eligible())
        .map(|d| d.id())
        .collect();
    // The reference's list (ETL-LambdaBuilder's, plus carfilzomib).
    assert_eq!(
        maintenance,
        [
            "bortezomib",
            "carfilzomib",
            "ixazomib",
            "lenalidomide",
            "thalidomide",
            "daratumumab"
        ]
    );
}

/// Facts read in the regulators' texts, checked against the catalogue (not the other way).
#[test]
fn approvals_as_the_sources_state_them() {
    use myeloma::{ApprovalStatus as S, Regulator as R};
    let has = |drug: Drug, regulator: R, status: S, date: Option<&str>| {
        drug.approvals()
            .iter()
            .any(|a| a.regulator == regulator && a.status == status && a.date == date)
    };
    // FDA approval summary of teclistamab: accelerated approval, 2022-10-25.
    assert!(has(
        Drug::Teclistamab,
        R::UsFda,
        S::Accelerated,
        Some("2022-10-25")
    ));
    // Pepaxto: accelerated approval 2021-02-26, later withdrawn.
    assert!(has(
        Drug::MelphalanFlufenamide,
        R::UsFda,
        S::Withdrawn,
        Some("2021-02-26")
    ));
    // Farydak: Health Canada's submission was cancelled after a notice of deficiency.
    assert!(has(
        Drug::Panobinostat,
        R::HealthCanada,
        S::NotApproved,
        None
    ));
    // Elrexfio: Health Canada approval with conditions (the decision summary gives no date).
    assert!(has(
        Drug::Elranatamab,
        R::HealthCanada,
        S::Conditional,
        None
    ));
    // Venetoclax is not approved for myeloma (off-label for t(11;14)).
    assert!(Drug::Venetoclax
        .approvals()
        .iter()
        .all(|a| a.status == S::NotForMyeloma));
}

/// A co-formulation resolves to its active drug; the product keeps its own name and route.
#[test]
fn products_keep_their_name_and_route() {
    use myeloma::Regulator;
    let product = |drug: Drug, name: &str| {
        *drug
            .products()
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name}"))
    };
    let faspro = product(Drug::Daratumumab, "Darzalex Faspro");
    assert_eq!(faspro.route, Route::Subcutaneous);
    assert_eq!(faspro.regulator, Regulator::UsFda);
    assert_eq!(
        faspro.ingredients,
        Some("daratumumab and hyaluronidase-fihj")
    );
    assert_eq!(
        product(Drug::Daratumumab, "Darzalex SC").regulator,
        Regulator::HealthCanada
    );
    assert_eq!(
        product(Drug::Doxorubicin, "Caelyx").route,
        Route::Intravenous
    );
    for name in [
        "Darzalex Faspro",
        "darzalex-sc",
        "DOXIL",
        "Lipodox",
        "Sarclisa Escena",
    ] {
        assert!(resolve(name).is_ok(), "{name}");
    }
    // Daratumumab is given under the skin (the page) or into a vein (the IV label).
    let routes: Vec<Route> = Drug::Daratumumab.routes().iter().map(|g| g.route).collect();
    assert_eq!(routes, [Route::Subcutaneous, Route::Intravenous]);
}

/// Names a myeloma clinic's records carry resolve (brands of both countries, suffixed US names,
/// CAR-T and bispecific names, guideline acronyms), and non-drug abbreviations do not.
#[test]
fn names_from_real_records() {
    let drug = |name: &str| match resolve(name) {
        Ok(Therapy::Drug(d)) => d,
        other => panic!("{name}: {other:?}"),
    };
    let regimen = |name: &str| match resolve(name) {
        Ok(Therapy::Regimen(r)) => r,
        other => panic!("{name}: {other:?}"),
    };
    assert_eq!(drug("Tecvayli"), Drug::Teclistamab);
    assert_eq!(drug("teclistamab-cqyv"), Drug::Teclistamab);
    assert_eq!(drug("isatuximab-irfc"), Drug::Isatuximab);
    assert_eq!(drug("talquetamab-tgvs"), Drug::Talquetamab);
    assert_eq!(drug("Imnovid"), Drug::Pomalidomide);
    assert_eq!(drug("Cytoxan"), Drug::Cyclophosphamide);
    assert_eq!(drug("Procytox"), Drug::Cyclophosphamide);
    assert_eq!(drug("cilta-cel"), Drug::CiltacabtageneAutoleucel);
    assert_eq!(drug("melflufen"), Drug::MelphalanFlufenamide);
    assert_eq!(drug("Zometa"), Drug::ZoledronicAcid);
    assert_eq!(drug("Lovenox"), Drug::Enoxaparin);
    assert_eq!(regimen("Rd"), Regimen::Rd);
    assert_eq!(regimen("Pd"), Regimen::Pd);
    assert_eq!(regimen("DPd"), Regimen::DPd);
    assert_eq!(regimen("VMP"), Regimen::Vmp);
    assert_eq!(regimen("dara-pom-dex"), Regimen::DPd);
    assert_eq!(regimen("Tecvayli + Darzalex Faspro"), Regimen::TecDara);
    // DEXA is the bone scan; Td is the tetanus vaccine.
    assert!(resolve("DEXA").is_err());
    assert!(resolve("Td").is_err());
}

/// `FromStr` reports an ambiguous name as ambiguous, for drugs and regimens alike.
#[test]
fn parsing_an_ambiguous_name_says_so() {
    let error = "BVd".parse::<Regimen>().unwrap_err();
    assert!(error.is_ambiguous(), "{error}");
    assert!("PCD".parse::<Drug>().unwrap_err().is_ambiguous());
    assert!(!"bortezimib".parse::<Drug>().unwrap_err().is_ambiguous());
}
