// @generated from the catalogue API by `strum_names_source` in benches/support/names.rs.
// Do not edit: tests/resolve_props.rs fails when this file is stale; regenerate it with
// `UPDATE_STRUM_NAMES=1 cargo test --test resolve_props strum_names`.

//! The strum baseline of `benches/resolve.rs`: `EnumString` with `ascii_case_insensitive` over
//! every name the catalogue knows, each serialised as its folded form (lower case, no separators).

use myeloma::{Drug, Regimen, Therapy};

/// One variant per catalogue name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::VariantArray)]
#[strum(ascii_case_insensitive)]
pub enum StrumName {
    #[strum(serialize = "bortezomib")]
    Bortezomib,
    #[strum(serialize = "velcade")]
    Velcade,
    #[strum(serialize = "bort")]
    Bort,
    #[strum(serialize = "btz")]
    Btz,
    #[strum(serialize = "carfilzomib")]
    Carfilzomib,
    #[strum(serialize = "kyprolis")]
    Kyprolis,
    #[strum(serialize = "carfil")]
    Carfil,
    #[strum(serialize = "cfz")]
    Cfz,
    #[strum(serialize = "ixazomib")]
    Ixazomib,
    #[strum(serialize = "ninlaro")]
    Ninlaro,
    #[strum(serialize = "ixa")]
    Ixa,
    #[strum(serialize = "lenalidomide")]
    Lenalidomide,
    #[strum(serialize = "revlimid")]
    Revlimid,
    #[strum(serialize = "len")]
    Len,
    #[strum(serialize = "lena")]
    Lena,
    #[strum(serialize = "thalidomide")]
    Thalidomide,
    #[strum(serialize = "thalomid")]
    Thalomid,
    #[strum(serialize = "thal")]
    Thal,
    #[strum(serialize = "pomalidomide")]
    Pomalidomide,
    #[strum(serialize = "pomalyst")]
    Pomalyst,
    #[strum(serialize = "pom")]
    Pom,
    #[strum(serialize = "poma")]
    Poma,
    #[strum(serialize = "daratumumab")]
    Daratumumab,
    #[strum(serialize = "darzalex")]
    Darzalex,
    #[strum(serialize = "dara")]
    Dara,
    #[strum(serialize = "darzalexsc")]
    DarzalexSc,
    #[strum(serialize = "isatuximab")]
    Isatuximab,
    #[strum(serialize = "sarclisa")]
    Sarclisa,
    #[strum(serialize = "isa")]
    Isa,
    #[strum(serialize = "talquetamab")]
    Talquetamab,
    #[strum(serialize = "talvey")]
    Talvey,
    #[strum(serialize = "talq")]
    Talq,
    #[strum(serialize = "selinexor")]
    Selinexor,
    #[strum(serialize = "xpovio")]
    Xpovio,
    #[strum(serialize = "seli")]
    Seli,
    #[strum(serialize = "dexamethasone")]
    Dexamethasone,
    #[strum(serialize = "dex")]
    Dex,
    #[strum(serialize = "dexa")]
    Dexa,
    #[strum(serialize = "cyclophosphamide")]
    Cyclophosphamide,
    #[strum(serialize = "cy")]
    Cy,
    #[strum(serialize = "cyclo")]
    Cyclo,
    #[strum(serialize = "cisplatin")]
    Cisplatin,
    #[strum(serialize = "doxorubicin")]
    Doxorubicin,
    #[strum(serialize = "doxo")]
    Doxo,
    #[strum(serialize = "etoposide")]
    Etoposide,
    #[strum(serialize = "vp16")]
    Vp16,
    #[strum(serialize = "acetylsalicylicacid")]
    AcetylsalicylicAcid,
    #[strum(serialize = "aspirin")]
    Aspirin,
    #[strum(serialize = "asa")]
    Asa,
    #[strum(serialize = "heparin")]
    Heparin,
    #[strum(serialize = "warfarin")]
    Warfarin,
    #[strum(serialize = "rvd")]
    RVd,
    #[strum(serialize = "vrd")]
    VRd,
    #[strum(serialize = "revveldex")]
    RevVelDex,
    #[strum(serialize = "cybord")]
    CyBorD,
    #[strum(serialize = "vcd")]
    VCd,
    #[strum(serialize = "cybordex")]
    CyBorDex,
    #[strum(serialize = "vr")]
    Vr,
    #[strum(serialize = "rv")]
    Rv,
    #[strum(serialize = "kd")]
    Kd,
    #[strum(serialize = "krd")]
    KRd,
    #[strum(serialize = "dkd")]
    DKd,
    #[strum(serialize = "kdd")]
    KdD,
    #[strum(serialize = "darakd")]
    DaraKd,
    #[strum(serialize = "isakd")]
    IsaKd,
    #[strum(serialize = "kdisa")]
    KdIsa,
    #[strum(serialize = "kcd")]
    KCd,
    #[strum(serialize = "ird")]
    IRd,
    #[strum(serialize = "ixard")]
    IxaRd,
    #[strum(serialize = "drd")]
    DRd,
    #[strum(serialize = "darard")]
    DaraRd,
    #[strum(serialize = "daralendex")]
    DaraLenDex,
    #[strum(serialize = "drvd")]
    DRVd,
    #[strum(serialize = "dvrd")]
    DVRd,
    #[strum(serialize = "daravrd")]
    DaraVRd,
    #[strum(serialize = "dararvd")]
    DaraRVd,
    #[strum(serialize = "dvd")]
    DVd,
    #[strum(serialize = "daravd")]
    DaraVd,
    #[strum(serialize = "vtd")]
    VTd,
    #[strum(serialize = "tvd")]
    TVd,
    #[strum(serialize = "dvtd")]
    DVTd,
    #[strum(serialize = "daravtd")]
    DaraVTd,
    #[strum(serialize = "vtdpace")]
    VTdPace,
    #[strum(serialize = "vdtpace")]
    VdtPace,
    #[strum(serialize = "pvd")]
    PVd,
    #[strum(serialize = "pomvd")]
    PomVd,
    #[strum(serialize = "isapd")]
    IsaPd,
    #[strum(serialize = "isapomdex")]
    IsaPomDex,
    #[strum(serialize = "svd")]
    SVd,
    #[strum(serialize = "xvd")]
    XVd,
    #[strum(serialize = "selvd")]
    SelVd,
}

impl StrumName {
    /// The entry the name stands for.
    pub const fn therapy(self) -> Therapy {
        match self {
            StrumName::Bortezomib => Therapy::Drug(Drug::Bortezomib),
            StrumName::Velcade => Therapy::Drug(Drug::Bortezomib),
            StrumName::Bort => Therapy::Drug(Drug::Bortezomib),
            StrumName::Btz => Therapy::Drug(Drug::Bortezomib),
            StrumName::Carfilzomib => Therapy::Drug(Drug::Carfilzomib),
            StrumName::Kyprolis => Therapy::Drug(Drug::Carfilzomib),
            StrumName::Carfil => Therapy::Drug(Drug::Carfilzomib),
            StrumName::Cfz => Therapy::Drug(Drug::Carfilzomib),
            StrumName::Ixazomib => Therapy::Drug(Drug::Ixazomib),
            StrumName::Ninlaro => Therapy::Drug(Drug::Ixazomib),
            StrumName::Ixa => Therapy::Drug(Drug::Ixazomib),
            StrumName::Lenalidomide => Therapy::Drug(Drug::Lenalidomide),
            StrumName::Revlimid => Therapy::Drug(Drug::Lenalidomide),
            StrumName::Len => Therapy::Drug(Drug::Lenalidomide),
            StrumName::Lena => Therapy::Drug(Drug::Lenalidomide),
            StrumName::Thalidomide => Therapy::Drug(Drug::Thalidomide),
            StrumName::Thalomid => Therapy::Drug(Drug::Thalidomide),
            StrumName::Thal => Therapy::Drug(Drug::Thalidomide),
            StrumName::Pomalidomide => Therapy::Drug(Drug::Pomalidomide),
            StrumName::Pomalyst => Therapy::Drug(Drug::Pomalidomide),
            StrumName::Pom => Therapy::Drug(Drug::Pomalidomide),
            StrumName::Poma => Therapy::Drug(Drug::Pomalidomide),
            StrumName::Daratumumab => Therapy::Drug(Drug::Daratumumab),
            StrumName::Darzalex => Therapy::Drug(Drug::Daratumumab),
            StrumName::Dara => Therapy::Drug(Drug::Daratumumab),
            StrumName::DarzalexSc => Therapy::Drug(Drug::Daratumumab),
            StrumName::Isatuximab => Therapy::Drug(Drug::Isatuximab),
            StrumName::Sarclisa => Therapy::Drug(Drug::Isatuximab),
            StrumName::Isa => Therapy::Drug(Drug::Isatuximab),
            StrumName::Talquetamab => Therapy::Drug(Drug::Talquetamab),
            StrumName::Talvey => Therapy::Drug(Drug::Talquetamab),
            StrumName::Talq => Therapy::Drug(Drug::Talquetamab),
            StrumName::Selinexor => Therapy::Drug(Drug::Selinexor),
            StrumName::Xpovio => Therapy::Drug(Drug::Selinexor),
            StrumName::Seli => Therapy::Drug(Drug::Selinexor),
            StrumName::Dexamethasone => Therapy::Drug(Drug::Dexamethasone),
            StrumName::Dex => Therapy::Drug(Drug::Dexamethasone),
            StrumName::Dexa => Therapy::Drug(Drug::Dexamethasone),
            StrumName::Cyclophosphamide => Therapy::Drug(Drug::Cyclophosphamide),
            StrumName::Cy => Therapy::Drug(Drug::Cyclophosphamide),
            StrumName::Cyclo => Therapy::Drug(Drug::Cyclophosphamide),
            StrumName::Cisplatin => Therapy::Drug(Drug::Cisplatin),
            StrumName::Doxorubicin => Therapy::Drug(Drug::Doxorubicin),
            StrumName::Doxo => Therapy::Drug(Drug::Doxorubicin),
            StrumName::Etoposide => Therapy::Drug(Drug::Etoposide),
            StrumName::Vp16 => Therapy::Drug(Drug::Etoposide),
            StrumName::AcetylsalicylicAcid => Therapy::Drug(Drug::AcetylsalicylicAcid),
            StrumName::Aspirin => Therapy::Drug(Drug::AcetylsalicylicAcid),
            StrumName::Asa => Therapy::Drug(Drug::AcetylsalicylicAcid),
            StrumName::Heparin => Therapy::Drug(Drug::Heparin),
            StrumName::Warfarin => Therapy::Drug(Drug::Warfarin),
            StrumName::RVd => Therapy::Regimen(Regimen::RVd),
            StrumName::VRd => Therapy::Regimen(Regimen::RVd),
            StrumName::RevVelDex => Therapy::Regimen(Regimen::RVd),
            StrumName::CyBorD => Therapy::Regimen(Regimen::CyBorD),
            StrumName::VCd => Therapy::Regimen(Regimen::CyBorD),
            StrumName::CyBorDex => Therapy::Regimen(Regimen::CyBorD),
            StrumName::Vr => Therapy::Regimen(Regimen::VR),
            StrumName::Rv => Therapy::Regimen(Regimen::VR),
            StrumName::Kd => Therapy::Regimen(Regimen::Kd),
            StrumName::KRd => Therapy::Regimen(Regimen::KRd),
            StrumName::DKd => Therapy::Regimen(Regimen::DKd),
            StrumName::KdD => Therapy::Regimen(Regimen::DKd),
            StrumName::DaraKd => Therapy::Regimen(Regimen::DKd),
            StrumName::IsaKd => Therapy::Regimen(Regimen::IsaKd),
            StrumName::KdIsa => Therapy::Regimen(Regimen::IsaKd),
            StrumName::KCd => Therapy::Regimen(Regimen::KCd),
            StrumName::IRd => Therapy::Regimen(Regimen::IRd),
            StrumName::IxaRd => Therapy::Regimen(Regimen::IRd),
            StrumName::DRd => Therapy::Regimen(Regimen::DRd),
            StrumName::DaraRd => Therapy::Regimen(Regimen::DRd),
            StrumName::DaraLenDex => Therapy::Regimen(Regimen::DRd),
            StrumName::DRVd => Therapy::Regimen(Regimen::DRVd),
            StrumName::DVRd => Therapy::Regimen(Regimen::DRVd),
            StrumName::DaraVRd => Therapy::Regimen(Regimen::DRVd),
            StrumName::DaraRVd => Therapy::Regimen(Regimen::DRVd),
            StrumName::DVd => Therapy::Regimen(Regimen::DVd),
            StrumName::DaraVd => Therapy::Regimen(Regimen::DVd),
            StrumName::VTd => Therapy::Regimen(Regimen::VTd),
            StrumName::TVd => Therapy::Regimen(Regimen::VTd),
            StrumName::DVTd => Therapy::Regimen(Regimen::DVTd),
            StrumName::DaraVTd => Therapy::Regimen(Regimen::DVTd),
            StrumName::VTdPace => Therapy::Regimen(Regimen::VTdPace),
            StrumName::VdtPace => Therapy::Regimen(Regimen::VTdPace),
            StrumName::PVd => Therapy::Regimen(Regimen::PVd),
            StrumName::PomVd => Therapy::Regimen(Regimen::PVd),
            StrumName::IsaPd => Therapy::Regimen(Regimen::IsaPd),
            StrumName::IsaPomDex => Therapy::Regimen(Regimen::IsaPd),
            StrumName::SVd => Therapy::Regimen(Regimen::SVd),
            StrumName::XVd => Therapy::Regimen(Regimen::SVd),
            StrumName::SelVd => Therapy::Regimen(Regimen::SVd),
        }
    }
}
