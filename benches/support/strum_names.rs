// @generated from the catalogue API by `strum_names_source` in benches/support/names.rs.
// Do not edit: benches/tests/strum_names.rs fails when this file is stale; regenerate it with
// `UPDATE_STRUM_NAMES=1 cargo test -p myeloma-bench --test strum_names`.

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
    #[strum(serialize = "ps341")]
    Ps341,
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
    #[strum(serialize = "mln9708")]
    Mln9708,
    #[strum(serialize = "lenalidomide")]
    Lenalidomide,
    #[strum(serialize = "revlimid")]
    Revlimid,
    #[strum(serialize = "len")]
    Len,
    #[strum(serialize = "lena")]
    Lena,
    #[strum(serialize = "cc5013")]
    Cc5013,
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
    #[strum(serialize = "imnovid")]
    Imnovid,
    #[strum(serialize = "cc4047")]
    Cc4047,
    #[strum(serialize = "daratumumab")]
    Daratumumab,
    #[strum(serialize = "darzalex")]
    Darzalex,
    #[strum(serialize = "darzalexsc")]
    DarzalexSc,
    #[strum(serialize = "darzalexfaspro")]
    DarzalexFaspro,
    #[strum(serialize = "dara")]
    Dara,
    #[strum(serialize = "daratumumabandhyaluronidasefihj")]
    DaratumumabAndHyaluronidaseFihj,
    #[strum(serialize = "daratumumabfihj")]
    DaratumumabFihj,
    #[strum(serialize = "isatuximab")]
    Isatuximab,
    #[strum(serialize = "sarclisa")]
    Sarclisa,
    #[strum(serialize = "sarclisaescena")]
    SarclisaEscena,
    #[strum(serialize = "isa")]
    Isa,
    #[strum(serialize = "isatuximabirfc")]
    IsatuximabIrfc,
    #[strum(serialize = "sar650984")]
    Sar650984,
    #[strum(serialize = "talquetamab")]
    Talquetamab,
    #[strum(serialize = "talvey")]
    Talvey,
    #[strum(serialize = "talq")]
    Talq,
    #[strum(serialize = "talquetamabtgvs")]
    TalquetamabTgvs,
    #[strum(serialize = "jnj64407564")]
    Jnj64407564,
    #[strum(serialize = "tal")]
    Tal,
    #[strum(serialize = "selinexor")]
    Selinexor,
    #[strum(serialize = "xpovio")]
    Xpovio,
    #[strum(serialize = "seli")]
    Seli,
    #[strum(serialize = "kpt330")]
    Kpt330,
    #[strum(serialize = "sel")]
    Sel,
    #[strum(serialize = "nexpovio")]
    Nexpovio,
    #[strum(serialize = "dexamethasone")]
    Dexamethasone,
    #[strum(serialize = "decadron")]
    Decadron,
    #[strum(serialize = "hemady")]
    Hemady,
    #[strum(serialize = "dex")]
    Dex,
    #[strum(serialize = "cyclophosphamide")]
    Cyclophosphamide,
    #[strum(serialize = "procytox")]
    Procytox,
    #[strum(serialize = "cytoxan")]
    Cytoxan,
    #[strum(serialize = "cy")]
    Cy,
    #[strum(serialize = "cyclo")]
    Cyclo,
    #[strum(serialize = "endoxan")]
    Endoxan,
    #[strum(serialize = "ctx")]
    Ctx,
    #[strum(serialize = "cisplatin")]
    Cisplatin,
    #[strum(serialize = "platinol")]
    Platinol,
    #[strum(serialize = "cddp")]
    Cddp,
    #[strum(serialize = "doxorubicin")]
    Doxorubicin,
    #[strum(serialize = "adriamycin")]
    Adriamycin,
    #[strum(serialize = "doxil")]
    Doxil,
    #[strum(serialize = "caelyx")]
    Caelyx,
    #[strum(serialize = "lipodox")]
    Lipodox,
    #[strum(serialize = "doxo")]
    Doxo,
    #[strum(serialize = "etoposide")]
    Etoposide,
    #[strum(serialize = "vepesid")]
    VePesid,
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
    #[strum(serialize = "ufh")]
    Ufh,
    #[strum(serialize = "warfarin")]
    Warfarin,
    #[strum(serialize = "jantoven")]
    Jantoven,
    #[strum(serialize = "coumadin")]
    Coumadin,
    #[strum(serialize = "elotuzumab")]
    Elotuzumab,
    #[strum(serialize = "empliciti")]
    Empliciti,
    #[strum(serialize = "elo")]
    Elo,
    #[strum(serialize = "bms901608")]
    Bms901608,
    #[strum(serialize = "teclistamab")]
    Teclistamab,
    #[strum(serialize = "tecvayli")]
    Tecvayli,
    #[strum(serialize = "teclistamabcqyv")]
    TeclistamabCqyv,
    #[strum(serialize = "tec")]
    Tec,
    #[strum(serialize = "jnj64007957")]
    Jnj64007957,
    #[strum(serialize = "elranatamab")]
    Elranatamab,
    #[strum(serialize = "elrexfio")]
    Elrexfio,
    #[strum(serialize = "elranatamabbcmm")]
    ElranatamabBcmm,
    #[strum(serialize = "elra")]
    Elra,
    #[strum(serialize = "pf06863135")]
    Pf06863135,
    #[strum(serialize = "linvoseltamab")]
    Linvoseltamab,
    #[strum(serialize = "lynozyfic")]
    Lynozyfic,
    #[strum(serialize = "linvoseltamabgcpt")]
    LinvoseltamabGcpt,
    #[strum(serialize = "linvo")]
    Linvo,
    #[strum(serialize = "regn5458")]
    Regn5458,
    #[strum(serialize = "belantamabmafodotin")]
    BelantamabMafodotin,
    #[strum(serialize = "blenrep")]
    Blenrep,
    #[strum(serialize = "belantamabmafodotinblmf")]
    BelantamabMafodotinBlmf,
    #[strum(serialize = "belamaf")]
    Belamaf,
    #[strum(serialize = "gsk2857916")]
    Gsk2857916,
    #[strum(serialize = "idecabtagenevicleucel")]
    IdecabtageneVicleucel,
    #[strum(serialize = "abecma")]
    Abecma,
    #[strum(serialize = "idecel")]
    IdeCel,
    #[strum(serialize = "bb2121")]
    Bb2121,
    #[strum(serialize = "ciltacabtageneautoleucel")]
    CiltacabtageneAutoleucel,
    #[strum(serialize = "carvykti")]
    Carvykti,
    #[strum(serialize = "ciltacel")]
    CiltaCel,
    #[strum(serialize = "jnj68284528")]
    Jnj68284528,
    #[strum(serialize = "lcarb38m")]
    LcarB38m,
    #[strum(serialize = "jnj4528")]
    Jnj4528,
    #[strum(serialize = "panobinostat")]
    Panobinostat,
    #[strum(serialize = "farydak")]
    Farydak,
    #[strum(serialize = "pano")]
    Pano,
    #[strum(serialize = "lbh589")]
    Lbh589,
    #[strum(serialize = "melphalan")]
    Melphalan,
    #[strum(serialize = "alkeran")]
    Alkeran,
    #[strum(serialize = "evomela")]
    Evomela,
    #[strum(serialize = "mel")]
    Mel,
    #[strum(serialize = "lpam")]
    LPam,
    #[strum(serialize = "melphalanflufenamide")]
    MelphalanFlufenamide,
    #[strum(serialize = "pepaxto")]
    Pepaxto,
    #[strum(serialize = "pepaxti")]
    Pepaxti,
    #[strum(serialize = "melflufen")]
    Melflufen,
    #[strum(serialize = "bendamustine")]
    Bendamustine,
    #[strum(serialize = "treanda")]
    Treanda,
    #[strum(serialize = "bendeka")]
    Bendeka,
    #[strum(serialize = "benda")]
    Benda,
    #[strum(serialize = "carmustine")]
    Carmustine,
    #[strum(serialize = "bicnu")]
    BiCNU,
    #[strum(serialize = "bcnu")]
    Bcnu,
    #[strum(serialize = "prednisone")]
    Prednisone,
    #[strum(serialize = "winpred")]
    Winpred,
    #[strum(serialize = "pred")]
    Pred,
    #[strum(serialize = "methylprednisolone")]
    Methylprednisolone,
    #[strum(serialize = "solumedrol")]
    SoluMedrol,
    #[strum(serialize = "medrol")]
    Medrol,
    #[strum(serialize = "depomedrol")]
    DepoMedrol,
    #[strum(serialize = "venetoclax")]
    Venetoclax,
    #[strum(serialize = "venclexta")]
    Venclexta,
    #[strum(serialize = "ven")]
    Ven,
    #[strum(serialize = "abt199")]
    Abt199,
    #[strum(serialize = "fludarabine")]
    Fludarabine,
    #[strum(serialize = "fludarabinephosphate")]
    FludarabinePhosphate,
    #[strum(serialize = "plerixafor")]
    Plerixafor,
    #[strum(serialize = "mozobil")]
    Mozobil,
    #[strum(serialize = "plerix")]
    Plerix,
    #[strum(serialize = "amd3100")]
    Amd3100,
    #[strum(serialize = "jm3100")]
    Jm3100,
    #[strum(serialize = "motixafortide")]
    Motixafortide,
    #[strum(serialize = "aphexda")]
    Aphexda,
    #[strum(serialize = "moti")]
    Moti,
    #[strum(serialize = "bl8040")]
    Bl8040,
    #[strum(serialize = "filgrastim")]
    Filgrastim,
    #[strum(serialize = "neupogen")]
    Neupogen,
    #[strum(serialize = "zarxio")]
    Zarxio,
    #[strum(serialize = "nivestym")]
    Nivestym,
    #[strum(serialize = "releuko")]
    Releuko,
    #[strum(serialize = "filgrastimsndz")]
    FilgrastimSndz,
    #[strum(serialize = "filgrastimaafi")]
    FilgrastimAafi,
    #[strum(serialize = "filgrastimayow")]
    FilgrastimAyow,
    #[strum(serialize = "zoledronicacid")]
    ZoledronicAcid,
    #[strum(serialize = "zometa")]
    Zometa,
    #[strum(serialize = "zol")]
    Zol,
    #[strum(serialize = "za")]
    Za,
    #[strum(serialize = "pamidronate")]
    Pamidronate,
    #[strum(serialize = "aredia")]
    Aredia,
    #[strum(serialize = "pamidronatedisodium")]
    PamidronateDisodium,
    #[strum(serialize = "denosumab")]
    Denosumab,
    #[strum(serialize = "xgeva")]
    Xgeva,
    #[strum(serialize = "osenvelt")]
    Osenvelt,
    #[strum(serialize = "denosumabbmwo")]
    DenosumabBmwo,
    #[strum(serialize = "dmab")]
    Dmab,
    #[strum(serialize = "acyclovir")]
    Acyclovir,
    #[strum(serialize = "zovirax")]
    Zovirax,
    #[strum(serialize = "aciclovir")]
    Aciclovir,
    #[strum(serialize = "acv")]
    Acv,
    #[strum(serialize = "valacyclovir")]
    Valacyclovir,
    #[strum(serialize = "valtrex")]
    Valtrex,
    #[strum(serialize = "valaciclovir")]
    Valaciclovir,
    #[strum(serialize = "vacv")]
    Vacv,
    #[strum(serialize = "enoxaparin")]
    Enoxaparin,
    #[strum(serialize = "lovenox")]
    Lovenox,
    #[strum(serialize = "enoxaparinsodium")]
    EnoxaparinSodium,
    #[strum(serialize = "enox")]
    Enox,
    #[strum(serialize = "dalteparin")]
    Dalteparin,
    #[strum(serialize = "fragmin")]
    Fragmin,
    #[strum(serialize = "dalteparinsodium")]
    DalteparinSodium,
    #[strum(serialize = "dalte")]
    Dalte,
    #[strum(serialize = "tinzaparin")]
    Tinzaparin,
    #[strum(serialize = "innohep")]
    Innohep,
    #[strum(serialize = "tinzaparinsodium")]
    TinzaparinSodium,
    #[strum(serialize = "tinza")]
    Tinza,
    #[strum(serialize = "rvd")]
    RVd,
    #[strum(serialize = "vrd")]
    VRd,
    #[strum(serialize = "blld")]
    Blld,
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
    #[strum(serialize = "crd")]
    CRd,
    #[strum(serialize = "dkd")]
    DKd,
    #[strum(serialize = "kdd")]
    KdD,
    #[strum(serialize = "darakd")]
    DaraKd,
    #[strum(serialize = "isakd")]
    IsaKd,
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
    #[strum(serialize = "btd")]
    Btd,
    #[strum(serialize = "dvtd")]
    DVTd,
    #[strum(serialize = "daravtd")]
    DaraVTd,
    #[strum(serialize = "vtdpace")]
    VTdPace,
    #[strum(serialize = "vdtpace")]
    VdtPace,
    #[strum(serialize = "btdpace")]
    BtdPace,
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
    #[strum(serialize = "dvmp")]
    DVmp,
    #[strum(serialize = "isavrd")]
    IsaVRd,
    #[strum(serialize = "rd")]
    Rd,
    #[strum(serialize = "lendex")]
    LenDex,
    #[strum(serialize = "rd18")]
    Rd18,
    #[strum(serialize = "mpt")]
    Mpt,
    #[strum(serialize = "vmp")]
    Vmp,
    #[strum(serialize = "vcmp")]
    VcMP,
    #[strum(serialize = "mp")]
    Mp,
    #[strum(serialize = "thaldex")]
    ThalDex,
    #[strum(serialize = "dr")]
    DR,
    #[strum(serialize = "pldv")]
    PldV,
    #[strum(serialize = "pd")]
    Pd,
    #[strum(serialize = "epd")]
    EPd,
    #[strum(serialize = "erd")]
    ERd,
    #[strum(serialize = "xd")]
    Xd,
    #[strum(serialize = "vd")]
    Vd,
    #[strum(serialize = "dpd")]
    DPd,
    #[strum(serialize = "pdcy")]
    PdCy,
    #[strum(serialize = "belavd")]
    BelaVd,
    #[strum(serialize = "bendavd")]
    BendaVd,
    #[strum(serialize = "bpd")]
    BPd,
    #[strum(serialize = "dtpace")]
    DtPace,
    #[strum(serialize = "dcep")]
    Dcep,
    #[strum(serialize = "tecdara")]
    TecDara,
    #[strum(serialize = "vend")]
    VenD,
    #[strum(serialize = "vendex")]
    VenDex,
    #[strum(serialize = "panvd")]
    PanVd,
    #[strum(serialize = "panbtzdex")]
    PanBtzDex,
    #[strum(serialize = "melflufend")]
    MelflufenD,
    #[strum(serialize = "dkrd")]
    DKRd,
    #[strum(serialize = "darakrd")]
    DaraKRd,
    #[strum(serialize = "kpd")]
    KPd,
    #[strum(serialize = "spd")]
    SPd,
}

impl StrumName {
    /// The entry the name stands for.
    pub const fn therapy(self) -> Therapy {
        match self {
            StrumName::Bortezomib => Therapy::Drug(Drug::Bortezomib),
            StrumName::Velcade => Therapy::Drug(Drug::Bortezomib),
            StrumName::Bort => Therapy::Drug(Drug::Bortezomib),
            StrumName::Btz => Therapy::Drug(Drug::Bortezomib),
            StrumName::Ps341 => Therapy::Drug(Drug::Bortezomib),
            StrumName::Carfilzomib => Therapy::Drug(Drug::Carfilzomib),
            StrumName::Kyprolis => Therapy::Drug(Drug::Carfilzomib),
            StrumName::Carfil => Therapy::Drug(Drug::Carfilzomib),
            StrumName::Cfz => Therapy::Drug(Drug::Carfilzomib),
            StrumName::Ixazomib => Therapy::Drug(Drug::Ixazomib),
            StrumName::Ninlaro => Therapy::Drug(Drug::Ixazomib),
            StrumName::Ixa => Therapy::Drug(Drug::Ixazomib),
            StrumName::Mln9708 => Therapy::Drug(Drug::Ixazomib),
            StrumName::Lenalidomide => Therapy::Drug(Drug::Lenalidomide),
            StrumName::Revlimid => Therapy::Drug(Drug::Lenalidomide),
            StrumName::Len => Therapy::Drug(Drug::Lenalidomide),
            StrumName::Lena => Therapy::Drug(Drug::Lenalidomide),
            StrumName::Cc5013 => Therapy::Drug(Drug::Lenalidomide),
            StrumName::Thalidomide => Therapy::Drug(Drug::Thalidomide),
            StrumName::Thalomid => Therapy::Drug(Drug::Thalidomide),
            StrumName::Thal => Therapy::Drug(Drug::Thalidomide),
            StrumName::Pomalidomide => Therapy::Drug(Drug::Pomalidomide),
            StrumName::Pomalyst => Therapy::Drug(Drug::Pomalidomide),
            StrumName::Pom => Therapy::Drug(Drug::Pomalidomide),
            StrumName::Poma => Therapy::Drug(Drug::Pomalidomide),
            StrumName::Imnovid => Therapy::Drug(Drug::Pomalidomide),
            StrumName::Cc4047 => Therapy::Drug(Drug::Pomalidomide),
            StrumName::Daratumumab => Therapy::Drug(Drug::Daratumumab),
            StrumName::Darzalex => Therapy::Drug(Drug::Daratumumab),
            StrumName::DarzalexSc => Therapy::Drug(Drug::Daratumumab),
            StrumName::DarzalexFaspro => Therapy::Drug(Drug::Daratumumab),
            StrumName::Dara => Therapy::Drug(Drug::Daratumumab),
            StrumName::DaratumumabAndHyaluronidaseFihj => Therapy::Drug(Drug::Daratumumab),
            StrumName::DaratumumabFihj => Therapy::Drug(Drug::Daratumumab),
            StrumName::Isatuximab => Therapy::Drug(Drug::Isatuximab),
            StrumName::Sarclisa => Therapy::Drug(Drug::Isatuximab),
            StrumName::SarclisaEscena => Therapy::Drug(Drug::Isatuximab),
            StrumName::Isa => Therapy::Drug(Drug::Isatuximab),
            StrumName::IsatuximabIrfc => Therapy::Drug(Drug::Isatuximab),
            StrumName::Sar650984 => Therapy::Drug(Drug::Isatuximab),
            StrumName::Talquetamab => Therapy::Drug(Drug::Talquetamab),
            StrumName::Talvey => Therapy::Drug(Drug::Talquetamab),
            StrumName::Talq => Therapy::Drug(Drug::Talquetamab),
            StrumName::TalquetamabTgvs => Therapy::Drug(Drug::Talquetamab),
            StrumName::Jnj64407564 => Therapy::Drug(Drug::Talquetamab),
            StrumName::Tal => Therapy::Drug(Drug::Talquetamab),
            StrumName::Selinexor => Therapy::Drug(Drug::Selinexor),
            StrumName::Xpovio => Therapy::Drug(Drug::Selinexor),
            StrumName::Seli => Therapy::Drug(Drug::Selinexor),
            StrumName::Kpt330 => Therapy::Drug(Drug::Selinexor),
            StrumName::Sel => Therapy::Drug(Drug::Selinexor),
            StrumName::Nexpovio => Therapy::Drug(Drug::Selinexor),
            StrumName::Dexamethasone => Therapy::Drug(Drug::Dexamethasone),
            StrumName::Decadron => Therapy::Drug(Drug::Dexamethasone),
            StrumName::Hemady => Therapy::Drug(Drug::Dexamethasone),
            StrumName::Dex => Therapy::Drug(Drug::Dexamethasone),
            StrumName::Cyclophosphamide => Therapy::Drug(Drug::Cyclophosphamide),
            StrumName::Procytox => Therapy::Drug(Drug::Cyclophosphamide),
            StrumName::Cytoxan => Therapy::Drug(Drug::Cyclophosphamide),
            StrumName::Cy => Therapy::Drug(Drug::Cyclophosphamide),
            StrumName::Cyclo => Therapy::Drug(Drug::Cyclophosphamide),
            StrumName::Endoxan => Therapy::Drug(Drug::Cyclophosphamide),
            StrumName::Ctx => Therapy::Drug(Drug::Cyclophosphamide),
            StrumName::Cisplatin => Therapy::Drug(Drug::Cisplatin),
            StrumName::Platinol => Therapy::Drug(Drug::Cisplatin),
            StrumName::Cddp => Therapy::Drug(Drug::Cisplatin),
            StrumName::Doxorubicin => Therapy::Drug(Drug::Doxorubicin),
            StrumName::Adriamycin => Therapy::Drug(Drug::Doxorubicin),
            StrumName::Doxil => Therapy::Drug(Drug::Doxorubicin),
            StrumName::Caelyx => Therapy::Drug(Drug::Doxorubicin),
            StrumName::Lipodox => Therapy::Drug(Drug::Doxorubicin),
            StrumName::Doxo => Therapy::Drug(Drug::Doxorubicin),
            StrumName::Etoposide => Therapy::Drug(Drug::Etoposide),
            StrumName::VePesid => Therapy::Drug(Drug::Etoposide),
            StrumName::Vp16 => Therapy::Drug(Drug::Etoposide),
            StrumName::AcetylsalicylicAcid => Therapy::Drug(Drug::AcetylsalicylicAcid),
            StrumName::Aspirin => Therapy::Drug(Drug::AcetylsalicylicAcid),
            StrumName::Asa => Therapy::Drug(Drug::AcetylsalicylicAcid),
            StrumName::Heparin => Therapy::Drug(Drug::Heparin),
            StrumName::Ufh => Therapy::Drug(Drug::Heparin),
            StrumName::Warfarin => Therapy::Drug(Drug::Warfarin),
            StrumName::Jantoven => Therapy::Drug(Drug::Warfarin),
            StrumName::Coumadin => Therapy::Drug(Drug::Warfarin),
            StrumName::Elotuzumab => Therapy::Drug(Drug::Elotuzumab),
            StrumName::Empliciti => Therapy::Drug(Drug::Elotuzumab),
            StrumName::Elo => Therapy::Drug(Drug::Elotuzumab),
            StrumName::Bms901608 => Therapy::Drug(Drug::Elotuzumab),
            StrumName::Teclistamab => Therapy::Drug(Drug::Teclistamab),
            StrumName::Tecvayli => Therapy::Drug(Drug::Teclistamab),
            StrumName::TeclistamabCqyv => Therapy::Drug(Drug::Teclistamab),
            StrumName::Tec => Therapy::Drug(Drug::Teclistamab),
            StrumName::Jnj64007957 => Therapy::Drug(Drug::Teclistamab),
            StrumName::Elranatamab => Therapy::Drug(Drug::Elranatamab),
            StrumName::Elrexfio => Therapy::Drug(Drug::Elranatamab),
            StrumName::ElranatamabBcmm => Therapy::Drug(Drug::Elranatamab),
            StrumName::Elra => Therapy::Drug(Drug::Elranatamab),
            StrumName::Pf06863135 => Therapy::Drug(Drug::Elranatamab),
            StrumName::Linvoseltamab => Therapy::Drug(Drug::Linvoseltamab),
            StrumName::Lynozyfic => Therapy::Drug(Drug::Linvoseltamab),
            StrumName::LinvoseltamabGcpt => Therapy::Drug(Drug::Linvoseltamab),
            StrumName::Linvo => Therapy::Drug(Drug::Linvoseltamab),
            StrumName::Regn5458 => Therapy::Drug(Drug::Linvoseltamab),
            StrumName::BelantamabMafodotin => Therapy::Drug(Drug::BelantamabMafodotin),
            StrumName::Blenrep => Therapy::Drug(Drug::BelantamabMafodotin),
            StrumName::BelantamabMafodotinBlmf => Therapy::Drug(Drug::BelantamabMafodotin),
            StrumName::Belamaf => Therapy::Drug(Drug::BelantamabMafodotin),
            StrumName::Gsk2857916 => Therapy::Drug(Drug::BelantamabMafodotin),
            StrumName::IdecabtageneVicleucel => Therapy::Drug(Drug::IdecabtageneVicleucel),
            StrumName::Abecma => Therapy::Drug(Drug::IdecabtageneVicleucel),
            StrumName::IdeCel => Therapy::Drug(Drug::IdecabtageneVicleucel),
            StrumName::Bb2121 => Therapy::Drug(Drug::IdecabtageneVicleucel),
            StrumName::CiltacabtageneAutoleucel => Therapy::Drug(Drug::CiltacabtageneAutoleucel),
            StrumName::Carvykti => Therapy::Drug(Drug::CiltacabtageneAutoleucel),
            StrumName::CiltaCel => Therapy::Drug(Drug::CiltacabtageneAutoleucel),
            StrumName::Jnj68284528 => Therapy::Drug(Drug::CiltacabtageneAutoleucel),
            StrumName::LcarB38m => Therapy::Drug(Drug::CiltacabtageneAutoleucel),
            StrumName::Jnj4528 => Therapy::Drug(Drug::CiltacabtageneAutoleucel),
            StrumName::Panobinostat => Therapy::Drug(Drug::Panobinostat),
            StrumName::Farydak => Therapy::Drug(Drug::Panobinostat),
            StrumName::Pano => Therapy::Drug(Drug::Panobinostat),
            StrumName::Lbh589 => Therapy::Drug(Drug::Panobinostat),
            StrumName::Melphalan => Therapy::Drug(Drug::Melphalan),
            StrumName::Alkeran => Therapy::Drug(Drug::Melphalan),
            StrumName::Evomela => Therapy::Drug(Drug::Melphalan),
            StrumName::Mel => Therapy::Drug(Drug::Melphalan),
            StrumName::LPam => Therapy::Drug(Drug::Melphalan),
            StrumName::MelphalanFlufenamide => Therapy::Drug(Drug::MelphalanFlufenamide),
            StrumName::Pepaxto => Therapy::Drug(Drug::MelphalanFlufenamide),
            StrumName::Pepaxti => Therapy::Drug(Drug::MelphalanFlufenamide),
            StrumName::Melflufen => Therapy::Drug(Drug::MelphalanFlufenamide),
            StrumName::Bendamustine => Therapy::Drug(Drug::Bendamustine),
            StrumName::Treanda => Therapy::Drug(Drug::Bendamustine),
            StrumName::Bendeka => Therapy::Drug(Drug::Bendamustine),
            StrumName::Benda => Therapy::Drug(Drug::Bendamustine),
            StrumName::Carmustine => Therapy::Drug(Drug::Carmustine),
            StrumName::BiCNU => Therapy::Drug(Drug::Carmustine),
            StrumName::Bcnu => Therapy::Drug(Drug::Carmustine),
            StrumName::Prednisone => Therapy::Drug(Drug::Prednisone),
            StrumName::Winpred => Therapy::Drug(Drug::Prednisone),
            StrumName::Pred => Therapy::Drug(Drug::Prednisone),
            StrumName::Methylprednisolone => Therapy::Drug(Drug::Methylprednisolone),
            StrumName::SoluMedrol => Therapy::Drug(Drug::Methylprednisolone),
            StrumName::Medrol => Therapy::Drug(Drug::Methylprednisolone),
            StrumName::DepoMedrol => Therapy::Drug(Drug::Methylprednisolone),
            StrumName::Venetoclax => Therapy::Drug(Drug::Venetoclax),
            StrumName::Venclexta => Therapy::Drug(Drug::Venetoclax),
            StrumName::Ven => Therapy::Drug(Drug::Venetoclax),
            StrumName::Abt199 => Therapy::Drug(Drug::Venetoclax),
            StrumName::Fludarabine => Therapy::Drug(Drug::Fludarabine),
            StrumName::FludarabinePhosphate => Therapy::Drug(Drug::Fludarabine),
            StrumName::Plerixafor => Therapy::Drug(Drug::Plerixafor),
            StrumName::Mozobil => Therapy::Drug(Drug::Plerixafor),
            StrumName::Plerix => Therapy::Drug(Drug::Plerixafor),
            StrumName::Amd3100 => Therapy::Drug(Drug::Plerixafor),
            StrumName::Jm3100 => Therapy::Drug(Drug::Plerixafor),
            StrumName::Motixafortide => Therapy::Drug(Drug::Motixafortide),
            StrumName::Aphexda => Therapy::Drug(Drug::Motixafortide),
            StrumName::Moti => Therapy::Drug(Drug::Motixafortide),
            StrumName::Bl8040 => Therapy::Drug(Drug::Motixafortide),
            StrumName::Filgrastim => Therapy::Drug(Drug::Filgrastim),
            StrumName::Neupogen => Therapy::Drug(Drug::Filgrastim),
            StrumName::Zarxio => Therapy::Drug(Drug::Filgrastim),
            StrumName::Nivestym => Therapy::Drug(Drug::Filgrastim),
            StrumName::Releuko => Therapy::Drug(Drug::Filgrastim),
            StrumName::FilgrastimSndz => Therapy::Drug(Drug::Filgrastim),
            StrumName::FilgrastimAafi => Therapy::Drug(Drug::Filgrastim),
            StrumName::FilgrastimAyow => Therapy::Drug(Drug::Filgrastim),
            StrumName::ZoledronicAcid => Therapy::Drug(Drug::ZoledronicAcid),
            StrumName::Zometa => Therapy::Drug(Drug::ZoledronicAcid),
            StrumName::Zol => Therapy::Drug(Drug::ZoledronicAcid),
            StrumName::Za => Therapy::Drug(Drug::ZoledronicAcid),
            StrumName::Pamidronate => Therapy::Drug(Drug::Pamidronate),
            StrumName::Aredia => Therapy::Drug(Drug::Pamidronate),
            StrumName::PamidronateDisodium => Therapy::Drug(Drug::Pamidronate),
            StrumName::Denosumab => Therapy::Drug(Drug::Denosumab),
            StrumName::Xgeva => Therapy::Drug(Drug::Denosumab),
            StrumName::Osenvelt => Therapy::Drug(Drug::Denosumab),
            StrumName::DenosumabBmwo => Therapy::Drug(Drug::Denosumab),
            StrumName::Dmab => Therapy::Drug(Drug::Denosumab),
            StrumName::Acyclovir => Therapy::Drug(Drug::Acyclovir),
            StrumName::Zovirax => Therapy::Drug(Drug::Acyclovir),
            StrumName::Aciclovir => Therapy::Drug(Drug::Acyclovir),
            StrumName::Acv => Therapy::Drug(Drug::Acyclovir),
            StrumName::Valacyclovir => Therapy::Drug(Drug::Valacyclovir),
            StrumName::Valtrex => Therapy::Drug(Drug::Valacyclovir),
            StrumName::Valaciclovir => Therapy::Drug(Drug::Valacyclovir),
            StrumName::Vacv => Therapy::Drug(Drug::Valacyclovir),
            StrumName::Enoxaparin => Therapy::Drug(Drug::Enoxaparin),
            StrumName::Lovenox => Therapy::Drug(Drug::Enoxaparin),
            StrumName::EnoxaparinSodium => Therapy::Drug(Drug::Enoxaparin),
            StrumName::Enox => Therapy::Drug(Drug::Enoxaparin),
            StrumName::Dalteparin => Therapy::Drug(Drug::Dalteparin),
            StrumName::Fragmin => Therapy::Drug(Drug::Dalteparin),
            StrumName::DalteparinSodium => Therapy::Drug(Drug::Dalteparin),
            StrumName::Dalte => Therapy::Drug(Drug::Dalteparin),
            StrumName::Tinzaparin => Therapy::Drug(Drug::Tinzaparin),
            StrumName::Innohep => Therapy::Drug(Drug::Tinzaparin),
            StrumName::TinzaparinSodium => Therapy::Drug(Drug::Tinzaparin),
            StrumName::Tinza => Therapy::Drug(Drug::Tinzaparin),
            StrumName::RVd => Therapy::Regimen(Regimen::RVd),
            StrumName::VRd => Therapy::Regimen(Regimen::RVd),
            StrumName::Blld => Therapy::Regimen(Regimen::RVd),
            StrumName::CyBorD => Therapy::Regimen(Regimen::CyBorD),
            StrumName::VCd => Therapy::Regimen(Regimen::CyBorD),
            StrumName::CyBorDex => Therapy::Regimen(Regimen::CyBorD),
            StrumName::Vr => Therapy::Regimen(Regimen::VR),
            StrumName::Rv => Therapy::Regimen(Regimen::VR),
            StrumName::Kd => Therapy::Regimen(Regimen::Kd),
            StrumName::KRd => Therapy::Regimen(Regimen::KRd),
            StrumName::CRd => Therapy::Regimen(Regimen::KRd),
            StrumName::DKd => Therapy::Regimen(Regimen::DKd),
            StrumName::KdD => Therapy::Regimen(Regimen::DKd),
            StrumName::DaraKd => Therapy::Regimen(Regimen::DKd),
            StrumName::IsaKd => Therapy::Regimen(Regimen::IsaKd),
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
            StrumName::Btd => Therapy::Regimen(Regimen::VTd),
            StrumName::DVTd => Therapy::Regimen(Regimen::DVTd),
            StrumName::DaraVTd => Therapy::Regimen(Regimen::DVTd),
            StrumName::VTdPace => Therapy::Regimen(Regimen::VTdPace),
            StrumName::VdtPace => Therapy::Regimen(Regimen::VTdPace),
            StrumName::BtdPace => Therapy::Regimen(Regimen::VTdPace),
            StrumName::PVd => Therapy::Regimen(Regimen::PVd),
            StrumName::PomVd => Therapy::Regimen(Regimen::PVd),
            StrumName::IsaPd => Therapy::Regimen(Regimen::IsaPd),
            StrumName::IsaPomDex => Therapy::Regimen(Regimen::IsaPd),
            StrumName::SVd => Therapy::Regimen(Regimen::SVd),
            StrumName::XVd => Therapy::Regimen(Regimen::SVd),
            StrumName::SelVd => Therapy::Regimen(Regimen::SVd),
            StrumName::DVmp => Therapy::Regimen(Regimen::DVmp),
            StrumName::IsaVRd => Therapy::Regimen(Regimen::IsaVRd),
            StrumName::Rd => Therapy::Regimen(Regimen::Rd),
            StrumName::LenDex => Therapy::Regimen(Regimen::Rd),
            StrumName::Rd18 => Therapy::Regimen(Regimen::Rd),
            StrumName::Mpt => Therapy::Regimen(Regimen::Mpt),
            StrumName::Vmp => Therapy::Regimen(Regimen::Vmp),
            StrumName::VcMP => Therapy::Regimen(Regimen::Vmp),
            StrumName::Mp => Therapy::Regimen(Regimen::MP),
            StrumName::ThalDex => Therapy::Regimen(Regimen::ThalDex),
            StrumName::DR => Therapy::Regimen(Regimen::DR),
            StrumName::PldV => Therapy::Regimen(Regimen::PldV),
            StrumName::Pd => Therapy::Regimen(Regimen::Pd),
            StrumName::EPd => Therapy::Regimen(Regimen::EPd),
            StrumName::ERd => Therapy::Regimen(Regimen::ERd),
            StrumName::Xd => Therapy::Regimen(Regimen::Xd),
            StrumName::Vd => Therapy::Regimen(Regimen::Vd),
            StrumName::DPd => Therapy::Regimen(Regimen::DPd),
            StrumName::PdCy => Therapy::Regimen(Regimen::PdCy),
            StrumName::BelaVd => Therapy::Regimen(Regimen::BelaVd),
            StrumName::BendaVd => Therapy::Regimen(Regimen::BendaVd),
            StrumName::BPd => Therapy::Regimen(Regimen::BPd),
            StrumName::DtPace => Therapy::Regimen(Regimen::DTPace),
            StrumName::Dcep => Therapy::Regimen(Regimen::Dcep),
            StrumName::TecDara => Therapy::Regimen(Regimen::TecDara),
            StrumName::VenD => Therapy::Regimen(Regimen::VenD),
            StrumName::VenDex => Therapy::Regimen(Regimen::VenD),
            StrumName::PanVd => Therapy::Regimen(Regimen::PanVd),
            StrumName::PanBtzDex => Therapy::Regimen(Regimen::PanVd),
            StrumName::MelflufenD => Therapy::Regimen(Regimen::MelflufenD),
            StrumName::DKRd => Therapy::Regimen(Regimen::DKRd),
            StrumName::DaraKRd => Therapy::Regimen(Regimen::DKRd),
            StrumName::KPd => Therapy::Regimen(Regimen::KPd),
            StrumName::SPd => Therapy::Regimen(Regimen::SPd),
        }
    }
}
