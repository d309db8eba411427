//! Name resolution allocates nothing: hits and misses of every lookup, free-text combinations,
//! `from_drugs`, and even an error's suggestions and its message written into a fixed buffer.
//! A counting global allocator (wrapping the system one) counts the allocations of this thread.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::{self, Write as _};
use std::hint::black_box;

use myeloma::{drug_set, resolve, Drug, DrugSet, ParseError, Regimen, Therapy};

/// The system allocator, counting the allocations (and reallocations) made on each thread, so that
/// the test harness's other threads do not disturb a count.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count_one() {
    // `try_with`: a thread being torn down may still allocate.
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

// SAFETY: every method forwards to `System` with the caller's arguments unchanged; the counting
// touches only a `const`-initialised thread-local `Cell`, which never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_one();
        // SAFETY: forwarded as is; the caller upholds `alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count_one();
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_one();
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` and returns what it returned and how many allocations it made on this thread.
fn allocations<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    let value = f();
    (value, ALLOCATIONS.with(Cell::get) - before)
}

/// Asserts that `f` allocates nothing, and returns its value.
#[track_caller]
fn assert_no_alloc<T>(what: &str, f: impl FnOnce() -> T) -> T {
    let (value, count) = allocations(f);
    assert_eq!(count, 0, "{what} allocated {count} time(s)");
    value
}

/// A `fmt::Write` into a fixed array on the stack.
struct Fixed {
    bytes: [u8; 512],
    len: usize,
}

impl Fixed {
    fn new() -> Fixed {
        Fixed {
            bytes: [0; 512],
            len: 0,
        }
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap()
    }
}

impl fmt::Write for Fixed {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

#[test]
fn the_counter_counts() {
    let (_, count) = allocations(|| black_box(String::from("allocates")));
    assert!(count >= 1, "the counting allocator saw no allocation");
    let (_, count) = allocations(|| black_box(format!("{}", Drug::Bortezomib)));
    assert!(count >= 1, "the counting allocator saw no allocation");
}

#[test]
fn single_name_lookups_do_not_allocate() {
    let long = "bortezomib ".repeat(100);
    let cases: &[(&str, Option<Therapy>)] = &[
        ("Velcade", Some(Therapy::Drug(Drug::Bortezomib))),
        ("VELCADE", Some(Therapy::Drug(Drug::Bortezomib))),
        ("len", Some(Therapy::Drug(Drug::Lenalidomide))),
        (
            "acetylsalicylic acid",
            Some(Therapy::Drug(Drug::AcetylsalicylicAcid)),
        ),
        ("d-rvd", Some(Therapy::Regimen(Regimen::DRVd))),
        ("D RVd", Some(Therapy::Regimen(Regimen::DRVd))),
        ("Isa\u{2013}Kd", Some(Therapy::Regimen(Regimen::IsaKd))),
        ("bortezimib", None),
        ("lenadiomide", None),
        ("ibrutinib", None),
        ("BVd", None),
        ("", None),
        ("é", None),
        (&long, None),
    ];
    for &(name, expected) in cases {
        let name = black_box(name);
        let drug = assert_no_alloc(name, || Drug::from_name(name));
        let regimen = assert_no_alloc(name, || Regimen::from_name(name));
        let therapy = assert_no_alloc(name, || Therapy::from_name(name));
        assert_eq!(therapy, expected, "{name}");
        assert_eq!(
            drug.map(Therapy::Drug).or(regimen.map(Therapy::Regimen)),
            expected,
            "{name}"
        );
    }
}

#[test]
fn resolve_does_not_allocate_on_hits_or_misses() {
    let hits: &[(&str, Therapy)] = &[
        ("Velcade", Therapy::Drug(Drug::Bortezomib)),
        ("D-RVd", Therapy::Regimen(Regimen::DRVd)),
        ("len/bort/dex", Therapy::Regimen(Regimen::RVd)),
        ("Velcade/Revlimid/dex", Therapy::Regimen(Regimen::RVd)),
        ("dara, len, dex", Therapy::Regimen(Regimen::DRd)),
        (
            "lenalidomide + bortezomib + low-dose dexamethasone",
            Therapy::Regimen(Regimen::RVd),
        ),
        (
            "dara + pom",
            Therapy::Combination(drug_set![Drug::Daratumumab, Drug::Pomalidomide]),
        ),
        ("D-R maintenance", Therapy::Regimen(Regimen::DR)),
        (
            "lenalidomide maintenance",
            Therapy::Drug(Drug::Lenalidomide),
        ),
    ];
    for &(text, expected) in hits {
        let text = black_box(text);
        assert_eq!(
            assert_no_alloc(text, || resolve(text)),
            Ok(expected),
            "{text}"
        );
        assert_eq!(
            assert_no_alloc(text, || text.parse::<Therapy>()),
            Ok(expected),
            "{text}"
        );
    }
    for text in [
        "bortezimib",
        "lenadiomide and bortezomib",
        "ibrutinib",
        "BVd",
        "BVd + dara",
        "LMWH",
        "induction maintenance",
        "len/xyz/dex",
        "+",
        "",
    ] {
        let text = black_box(text);
        assert!(assert_no_alloc(text, || resolve(text)).is_err(), "{text}");
        assert!(
            assert_no_alloc(text, || text.parse::<Drug>()).is_err(),
            "{text}"
        );
        assert!(
            assert_no_alloc(text, || text.parse::<Regimen>()).is_err(),
            "{text}"
        );
    }
}

#[test]
fn from_drugs_does_not_allocate() {
    for &regimen in Regimen::ALL {
        let set = black_box(regimen.drugs());
        let found = assert_no_alloc(regimen.acronym(), || Regimen::from_drugs(set));
        assert_eq!(found.map(Regimen::drugs), Some(regimen.drugs()));
    }
    for set in [
        DrugSet::EMPTY,
        drug_set![Drug::Warfarin],
        drug_set![Drug::Daratumumab, Drug::Pomalidomide],
        Regimen::RVd.drugs().with(Drug::Heparin),
    ] {
        let set = black_box(set);
        assert_eq!(
            assert_no_alloc("a set of no regimen", || Regimen::from_drugs(set)),
            None
        );
    }
    let count = assert_no_alloc("Regimen::containing", || {
        Regimen::containing(Drug::Bortezomib.into()).count()
    });
    assert!(count > 0);
}

#[test]
fn an_errors_suggestions_and_message_do_not_allocate() {
    let error: ParseError = resolve(black_box("bortezimib")).unwrap_err();
    let first = assert_no_alloc("suggestions", || {
        error.suggestions().next().map(Therapy::from)
    });
    assert_eq!(first, Some(Therapy::Drug(Drug::Bortezomib)));
    let all = assert_no_alloc("suggestions", || error.suggestions().count());
    assert!(all >= 1);

    let mut message = Fixed::new();
    assert_no_alloc("Display of ParseError", || write!(message, "{error}")).unwrap();
    assert_eq!(
        message.as_str(),
        "unknown drug or regimen name `bortezimib` (did you mean bortezomib?)"
    );

    let error = "lenadiomide".parse::<Drug>().unwrap_err();
    let mut message = Fixed::new();
    assert_no_alloc("Display of ParseError", || write!(message, "{error}")).unwrap();
    assert!(
        message.as_str().contains("did you mean lenalidomide"),
        "{}",
        message.as_str()
    );

    let error = resolve("lenadiomide and bortezomib").unwrap_err();
    let mut message = Fixed::new();
    assert_no_alloc("Display of ParseError", || {
        write!(message, "{error} / {error:?}")
    })
    .unwrap();
    assert!(
        message.as_str().contains("lenadiomide"),
        "{}",
        message.as_str()
    );

    let mut shown = Fixed::new();
    let therapy = resolve("dara + pom").unwrap();
    assert_no_alloc("Display of a therapy", || {
        write!(shown, "{therapy} = {:?}", therapy)
    })
    .unwrap();
}

#[test]
fn text_as_exports_write_it_does_not_allocate() {
    let rvd = Therapy::Regimen(Regimen::RVd);
    let bortezomib = Therapy::Drug(Drug::Bortezomib);
    let names: &[(&str, Option<Therapy>)] = &[
        ("\u{FF36}\u{FF32}\u{FF44}", Some(rvd)),
        ("Vel\u{200B}cade", Some(bortezomib)),
        ("\u{FEFF}VRd", Some(rvd)),
        ("\u{2067}VRd\u{2069}", Some(rvd)),
        (
            "lena\u{AD}lidomide",
            Some(Therapy::Drug(Drug::Lenalidomide)),
        ),
        ("\"VRd\"", Some(rvd)),
        ("\u{201C}VRd\u{201D}", Some(rvd)),
        ("\u{AB}VRd\u{BB}", Some(rvd)),
        ("Velcade(R)", Some(bortezomib)),
        ("Velcade (TM)", Some(bortezomib)),
        ("VRd\u{3000}", Some(rvd)),
        ("bortezomib (Velcade)", Some(bortezomib)),
        (
            "lenalidomide [Revlimid]",
            Some(Therapy::Drug(Drug::Lenalidomide)),
        ),
        ("bortezomib (Revlimid)", None),
        ("bortezomib (Velcad)", None),
        ("vel\u{1}cade", None),
    ];
    for &(text, expected) in names {
        let text = black_box(text);
        assert_eq!(
            assert_no_alloc(text, || Therapy::from_name(text)),
            expected,
            "{text}"
        );
        assert_eq!(
            assert_no_alloc(text, || resolve(text)).ok(),
            expected,
            "{text}"
        );
        let _ = assert_no_alloc(text, || (Drug::from_name(text), Regimen::from_name(text)));
    }
    assert_eq!(
        assert_no_alloc("an ATC code", || resolve(black_box("L01XG01"))),
        Ok(bortezomib)
    );
    for text in [
        "bortezomib (Revlimid)",
        "bortezomib (Velcad)",
        "vel\u{1}cade",
        "bortezimib\u{200B}",
        "L01XX99",
    ] {
        let error = resolve(black_box(text)).unwrap_err();
        let mut message = Fixed::new();
        assert_no_alloc("Display of ParseError", || write!(message, "{error}")).unwrap();
        assert!(
            !message.as_str().contains('\u{200B}'),
            "{}",
            message.as_str()
        );
        let mut shown = Fixed::new();
        assert_no_alloc("Display of suggestions", || {
            error.suggestions().try_for_each(|s| write!(shown, "{s}, "))
        })
        .unwrap();
    }
}

#[test]
fn medication_lines_do_not_allocate() {
    use myeloma::Medication;
    for line in [
        "Revlimid 25 mg PO daily",
        "bortezomib 1.3 mg/m2 SC days 1,8,15,22",
        "lenalidomide 10 MG Oral Capsule [Velcade]",
        "daratumumab 1800 MG / hyaluronidase-fihj 30000 UNT",
        "talquetamab 0.06 mg/kg then 0.4 mg/kg SC",
        "dexamethasone 20 mg PO IV",
        "bortezimib 1.3 mg/m2 SC",
        "LMWH 40 mg SC daily",
        "Take lenalidomid 25 mg",
        "25 mg PO daily",
        "",
    ] {
        let parsed = assert_no_alloc(line, || Medication::parse(line));
        match parsed {
            Ok(m) => {
                let counted = assert_no_alloc(line, || {
                    m.unparsed().count() + m.conflicts().count() + m.segments().len()
                });
                assert!(counted > 0 || line.is_empty(), "{line}");
            }
            Err(error) => {
                let mut message = Fixed::new();
                assert_no_alloc("Display of MedicationError", || write!(message, "{error}"))
                    .unwrap();
                assert!(!message.as_str().is_empty());
            }
        }
    }
}
