//! Lines of therapy from a CSV of dated records.
//!
//! ```sh
//! cargo run --example history --features history -- records.csv
//! cargo run --example history --features history -- records.csv --svg P001 > P001.svg
//! ```
//!
//! Input: CSV with the header `person_id,kind,name,start_date,end_date,days_supply`, grouped by
//! person (one person's rows together, in any date order). `kind` is `administration`,
//! `dispensing`, `procedure` (name `autologous-sct`, `ASCT`, `allogeneic-sct`, `apheresis`,
//! `CAR-T`, ...), `progression` or `diagnosis`. A drug's `name` is anything the crate resolves:
//! `Velcade`, `len`, `Darzalex SC`, or a regimen such as `VRd` (one exposure per drug).
//!
//! Output: CSV `person_id,line,start_date,end_date,regimen,drugs,end_reason,flags`, one row per
//! line of therapy. `regimen` lists the phases with their regimens; `end_reason` carries the rule
//! that cut the line. A bad row gets an error on stderr with its line number, and the run goes
//! on; the count of bad rows is reported at the end and makes the exit status 1.
//! With `--svg PERSON`, writes that person's timeline as SVG to stdout instead. With
//! `--csv-only`, only reads the file with the `csv` crate: the baseline to time the run against.
//! With `--set-aside-unknown-drugs`, rows naming drugs the catalogue does not know (other
//! cancers' drugs, antiemetics in a full export) are counted and reported once at the end
//! instead of one error each.

use std::fs::File;
use std::io::{self, Write};
use std::process::ExitCode;

use myeloma::history::{
    Date, Exposure, ExposureKind, LinesOfTherapy, NameCache, Params, People, Procedure,
    ProcedureKind, Record,
};
use myeloma::{DrugSet, DrugSetIter, ParseError};

const HEADER: [&str; 6] = [
    "person_id",
    "kind",
    "name",
    "start_date",
    "end_date",
    "days_supply",
];

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut path = None;
    let mut svg = None;
    let mut csv_only = false;
    let mut set_aside_unknown = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--csv-only" => csv_only = true,
            "--set-aside-unknown-drugs" => set_aside_unknown = true,
            "--svg" => match args.next() {
                Some(person) => svg = Some(person),
                None => return usage("--svg needs a person id"),
            },
            "-h" | "--help" => {
                println!("usage: history FILE.csv [--svg PERSON | --csv-only] [--set-aside-unknown-drugs]");
                return ExitCode::SUCCESS;
            }
            _ if path.is_none() => path = Some(arg),
            _ => return usage(&format!("unexpected argument `{arg}`")),
        }
    }
    let Some(path) = path else {
        return usage("no input file");
    };
    let file = match File::open(&path) {
        Ok(file) => file,
        Err(e) => {
            eprintln!("error: cannot open {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    if csv_only {
        return read_only(&path, file);
    }
    let options = Options {
        svg: svg.as_deref(),
        set_aside_unknown,
    };
    match run(&path, file, options, &mut io::stdout().lock()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage(problem: &str) -> ExitCode {
    eprintln!("error: {problem}\nusage: history FILE.csv [--svg PERSON | --csv-only] [--set-aside-unknown-drugs]");
    ExitCode::from(2)
}

/// The baseline for timing: the `csv` crate alone reading every row, nothing derived.
fn read_only(path: &str, file: File) -> ExitCode {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(file);
    let mut record = csv::StringRecord::new();
    let (mut rows, mut bytes) = (0usize, 0usize);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {
                rows += 1;
                bytes += record.as_slice().len();
            }
            Ok(false) => break,
            Err(e) => {
                eprintln!("{path}: error: {e}");
                return ExitCode::FAILURE;
            }
        }
    }
    eprintln!("rows: {rows}, field bytes: {bytes} (read only)");
    ExitCode::SUCCESS
}

/// Reads every row, writes every line; `Ok(false)` when some rows were bad.
/// What the command line asked for.
#[derive(Clone, Copy)]
struct Options<'a> {
    /// Draw this person's timeline instead of writing CSV.
    svg: Option<&'a str>,
    /// Count rows whose drug the catalogue does not know (other cancers' drugs, antiemetics) and
    /// set them aside, instead of reporting each as a bad row.
    set_aside_unknown: bool,
}

fn run(
    path: &str,
    input: impl io::Read,
    options: Options,
    out: &mut impl Write,
) -> Result<bool, Box<dyn std::error::Error>> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let header = reader.headers()?.clone();
    if header.iter().map(str::trim).ne(HEADER) {
        return Err(format!(
            "{path}:1: the header must be `{}` (found `{}`)",
            HEADER.join(","),
            header.iter().collect::<Vec<_>>().join(",")
        )
        .into());
    }
    let mut bad = 0usize;
    let mut rows_read = 0usize;
    let mut unknown = 0usize;
    let mut report = |line: u64, message: &dyn std::fmt::Display| {
        eprintln!("{path}:{line}: error: {message}");
        bad += 1;
    };
    let sink = match options.svg {
        Some(person) => Sink::Svg {
            person,
            out,
            drawn: false,
        },
        None => {
            // A larger buffer than the default 8 KiB: fewer writes to standard output.
            let mut writer = csv::WriterBuilder::new()
                .buffer_capacity(1 << 16)
                .from_writer(out);
            writer.write_record([
                "person_id",
                "line",
                "start_date",
                "end_date",
                "regimen",
                "drugs",
                "end_reason",
                "flags",
            ])?;
            Sink::Csv {
                writer: Box::new(writer),
                fields: LineFields::default(),
            }
        }
    };
    let mut output = Output {
        sink,
        people: 0,
        lines: 0,
    };
    // One record buffer for the whole file, each distinct drug name resolved once, and each row
    // pushed straight into its person's records.
    let mut row = csv::StringRecord::new();
    let mut names = NameCache::new();
    let mut people = People::<String>::new(Params::default());
    let line = |row: &csv::StringRecord| row.position().map_or(0, |p| p.line());
    loop {
        match reader.read_record(&mut row) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                report(e.position().map_or(0, |p| p.line()), &e);
                if e.is_io_error() {
                    break;
                }
                continue;
            }
        }
        rows_read += 1;
        match parse(&row, &mut names) {
            Ok((id, first, mut more)) => {
                let mut next = Some(first);
                while let Some(record) = next {
                    match people.push(id, record) {
                        Ok(None) => {}
                        Ok(Some((person, history))) => output.person(&person, &history)?,
                        Err(not_grouped) => {
                            // The lines of the person before the stray row are written first.
                            if let Some((person, history)) = people.finish() {
                                output.person(&person, &history)?;
                            }
                            return Err(not_grouped.into());
                        }
                    }
                    // A regimen's name gives one exposure per drug, each like the first.
                    next = match (record, more.next()) {
                        (Record::Exposure(like), Some(drug)) => {
                            Some(Record::Exposure(Exposure { drug, ..like }))
                        }
                        _ => None,
                    };
                }
            }
            Err(RowError::UnknownDrug(_)) if options.set_aside_unknown => unknown += 1,
            Err(RowError::UnknownDrug(error)) => report(line(&row), &error),
            Err(RowError::Bad(message)) => report(line(&row), &message),
        }
    }
    if let Some((person, history)) = people.finish() {
        output.person(&person, &history)?;
    }
    match output.sink {
        Sink::Csv { mut writer, .. } => writer.flush()?,
        Sink::Svg {
            person,
            drawn: false,
            ..
        } => {
            eprintln!("error: no rows for person {person}");
            bad += 1;
        }
        Sink::Svg { .. } => {}
    }
    eprintln!(
        "rows: {rows_read}, people: {}, lines of therapy: {}, bad rows: {bad}{}",
        output.people,
        output.lines,
        if bad > 0 { " (reported above)" } else { "" }
    );
    if unknown > 0 {
        eprintln!(
            "set aside: {unknown} rows naming drugs outside the catalogue (--set-aside-unknown-drugs)"
        );
    }
    Ok(bad == 0)
}

/// Where each person's lines go, with their count.
struct Output<'a, W: Write> {
    sink: Sink<'a, W>,
    people: usize,
    lines: usize,
}

enum Sink<'a, W: Write> {
    /// One CSV row per line.
    Csv {
        // Boxed: the writer holds its buffer's state inline, hundreds of bytes.
        writer: Box<csv::Writer<&'a mut W>>,
        fields: LineFields,
    },
    /// Only this person's timeline, as SVG.
    Svg {
        person: &'a str,
        out: &'a mut W,
        drawn: bool,
    },
}

impl<W: Write> Output<'_, W> {
    fn person(&mut self, person: &str, history: &LinesOfTherapy) -> csv::Result<()> {
        self.people += 1;
        self.lines += history.lines.len();
        match &mut self.sink {
            Sink::Csv { writer, fields } => write_lines(writer, fields, person, history)?,
            Sink::Svg {
                person: wanted,
                out,
                drawn,
            } if *wanted == person => {
                out.write_all(history.timeline_svg(person).as_bytes())?;
                *drawn = true;
            }
            Sink::Svg { .. } => {}
        }
        Ok(())
    }
}

/// Why a row was not read.
enum RowError {
    /// The drug's name resolves to nothing in the catalogue (its message is written only when
    /// reported).
    UnknownDrug(ParseError),
    /// Anything else.
    Bad(String),
}

impl From<String> for RowError {
    fn from(message: String) -> RowError {
        RowError::Bad(message)
    }
}

impl From<&str> for RowError {
    fn from(message: &str) -> RowError {
        RowError::Bad(message.to_owned())
    }
}

/// One CSV row: its person id, its first record, and the drugs left when it names several (a
/// regimen's name gives one exposure per drug), each to have an exposure like the first.
fn parse<'r>(
    row: &'r csv::StringRecord,
    names: &mut NameCache,
) -> Result<(&'r str, Record, DrugSetIter), RowError> {
    if row.len() != HEADER.len() {
        return Err(format!("expected {} fields, found {}", HEADER.len(), row.len()).into());
    }
    // The fields in order, in one pass over the record. Only the person and the name are trimmed
    // here: dates, days and kinds are read as they are first, and trimmed only when that fails.
    let mut fields = row.iter();
    let mut next = || fields.next().unwrap_or("");
    let (person, kind, name) = (trim(next()), next(), trim(next()));
    let (start, end, days_supply) = (next(), next(), next());
    if person.is_empty() {
        return Err("person_id is empty".into());
    }
    // `Date` trims its text itself; a field of white space alone is empty.
    let date = |text: &str, what: &str| -> Result<Option<Date>, String> {
        if text.is_empty() {
            return Ok(None);
        }
        match text.parse() {
            Ok(date) => Ok(Some(date)),
            Err(_) if text.trim().is_empty() => Ok(None),
            Err(e) => Err(format!("{what}: {e}")),
        }
    };
    let start = date(start, "start_date")?.ok_or("start_date is empty")?;
    let end = date(end, "end_date")?;
    // The usual supplies, empty or one or two digits, read at once; anything else through `parse`.
    let digit = |b: u8| b.wrapping_sub(b'0');
    let days_supply = match *days_supply.as_bytes() {
        [] => None,
        [a] if digit(a) <= 9 => Some(u32::from(digit(a))),
        [a, b] if digit(a) <= 9 && digit(b) <= 9 => Some(u32::from(digit(a) * 10 + digit(b))),
        _ => match days_supply.trim() {
            "" => None,
            text => Some(
                text.parse::<u32>()
                    .map_err(|_| format!("days_supply `{text}` is not a whole number of days"))?,
            ),
        },
    };
    if end.is_some_and(|end| end < start) {
        return Err(format!("end_date is before start_date ({start})").into());
    }
    let kind = row_kind(kind).ok_or_else(|| {
        let kind = kind.trim();
        format!(
            "unknown kind `{kind}` (expected administration, dispensing, procedure, progression or diagnosis)"
        )
    })?;
    let record = match kind {
        RowKind::Exposure(kind) => {
            let therapy = names.resolve(name).map_err(RowError::UnknownDrug)?;
            let mut drugs = therapy.drugs().iter();
            let drug = drugs.next().ok_or("the name stands for no drug")?;
            let exposure = Exposure {
                drug,
                start,
                end,
                days_supply,
                kind,
            };
            return Ok((person, Record::Exposure(exposure), drugs));
        }
        RowKind::Procedure => {
            let kind: ProcedureKind = name
                .parse()
                .map_err(|e| format!("procedure `{name}`: {e}"))?;
            Record::Procedure(Procedure { kind, date: start })
        }
        RowKind::Progression => Record::Progression(start),
        RowKind::Diagnosis => Record::Diagnosis(start),
    };
    Ok((person, record, DrugSet::EMPTY.iter()))
}

/// What a row's `kind` says it is.
#[derive(Clone, Copy)]
enum RowKind {
    Exposure(ExposureKind),
    Procedure,
    Progression,
    Diagnosis,
}

const ROW_KINDS: [(&str, RowKind); 5] = [
    (
        "administration",
        RowKind::Exposure(ExposureKind::Administration),
    ),
    ("dispensing", RowKind::Exposure(ExposureKind::Dispensing)),
    ("procedure", RowKind::Procedure),
    ("progression", RowKind::Progression),
    ("diagnosis", RowKind::Diagnosis),
];

/// The kind `text` names, in any case and with white space around. The usual spelling, already lower case, is looked for
/// first: comparisons with constants the compiler unrolls, instead of lower-casing each byte.
fn row_kind(text: &str) -> Option<RowKind> {
    let find = |text: &str, same: fn(&str, &str) -> bool| {
        ROW_KINDS
            .iter()
            .find(|(name, _)| same(name, text))
            .map(|&(_, kind)| kind)
    };
    find(text, |name, text| name == text).or_else(|| find(text.trim(), str::eq_ignore_ascii_case))
}

/// `str::trim`, with a shortcut for the usual field: text that starts and ends with a visible
/// ASCII character has no white space to trim.
fn trim(text: &str) -> &str {
    match text.as_bytes() {
        [] => text,
        [first, .., last] if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        [only] if only.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// The text of one output row's computed fields, kept from line to line so that writing a line
/// allocates nothing once the buffers have grown.
#[derive(Default)]
struct LineFields {
    number: String,
    phases: String,
    drugs: String,
    end_reason: String,
    flags: String,
    /// The whole row, for the writer.
    record: csv::ByteRecord,
}

fn write_lines<W: Write>(
    writer: &mut csv::Writer<W>,
    fields: &mut LineFields,
    person: &str,
    history: &LinesOfTherapy,
) -> csv::Result<()> {
    // Writing into a String cannot fail.
    use std::fmt::Write as _;
    for line in &history.lines {
        // Numbers and dates by hand: the formatting machinery costs more than they do.
        fields.number.clear();
        push_decimal(&mut fields.number, line.number);
        let (start, end) = (line.start.iso_bytes(), line.end.iso_bytes());
        // Names as plain strings where they have them: cheaper than the formatting machinery.
        fields.phases.clear();
        for (i, s) in line.phases.iter().enumerate() {
            if i > 0 {
                fields.phases.push_str("; ");
            }
            fields.phases.push_str(s.phase.id());
            if let Some(r) = s.regimen() {
                fields.phases.push(' ');
                match r.name() {
                    Some(name) => fields.phases.push_str(name),
                    None => {
                        let _ = write!(fields.phases, "{r}");
                    }
                }
            }
        }
        // Ids, as the other columns write them: the stable form for data.
        fields.drugs.clear();
        fields.drugs.extend(line.drug_set().ids());
        fields.end_reason.clear();
        fields.end_reason.push_str(line.end_reason.id());
        if let Some(rule) = line.ended_by {
            fields.end_reason.push_str(" (");
            fields.end_reason.push_str(rule.id());
            fields.end_reason.push(')');
        }
        fields.flags.clear();
        if !line.flags.is_empty() {
            let _ = write!(fields.flags, "{}", line.flags);
        }
        // Gathered into one record first: the writer copies a whole record at once, where
        // `write_record` takes each field through its state machine.
        let record = &mut fields.record;
        record.clear();
        for field in [
            person.as_bytes(),
            fields.number.as_bytes(),
            &start,
            &end,
            fields.phases.as_bytes(),
            fields.drugs.as_bytes(),
            fields.end_reason.as_bytes(),
            fields.flags.as_bytes(),
        ] {
            record.push_field(field);
        }
        writer.write_byte_record(record)?;
    }
    Ok(())
}

/// Appends `n` in decimal.
fn push_decimal(buffer: &mut String, n: usize) {
    if n >= 10 {
        push_decimal(buffer, n / 10);
    }
    buffer.push(char::from(b'0' + (n % 10) as u8));
}
