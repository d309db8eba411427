//! The timeline picture: a small SVG writer, tested by the snapshot of its output.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt::Write as _;

use super::{Date, LinesOfTherapy, ProcedureKind};
use crate::{Drug, DrugRole};

impl LinesOfTherapy {
    /// A timeline picture as SVG, titled `title` (such as the person's id): a lane per drug,
    /// lines shaded and numbered, transplants, apheresis and CAR-T marked, supplied progressions
    /// dashed, and each cut labelled with the rule that made it. People check a line assignment
    /// by looking at it.
    ///
    /// ```
    /// use myeloma::history::{lines_of_therapy, Exposure, Params, Record, Records};
    /// use myeloma::Drug;
    /// let mut records = Records::new();
    /// records.push(Record::Exposure(Exposure::dispensing(Drug::Lenalidomide, "2024-01-08".parse()?, Some(28))));
    /// let svg = lines_of_therapy(&records, &Params::default()).timeline_svg("P001");
    /// assert!(svg.starts_with("<svg") && svg.contains(">lenalidomide</text>"));
    /// # Ok::<(), myeloma::history::DateError>(())
    /// ```
    pub fn timeline_svg(&self, title: &str) -> String {
        timeline(title, self)
    }
}

fn timeline(person: &str, history: &LinesOfTherapy) -> String {
    let mut drugs: Vec<Drug> = history
        .lines
        .iter()
        .flat_map(|l| l.drugs.iter().map(|d| d.drug))
        .collect();
    drugs.sort();
    drugs.dedup();
    let (Some(first), Some(last)) = (history.lines.first(), history.lines.last()) else {
        return alloc::format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"400\" height=\"40\"><text x=\"10\" y=\"25\">{}: no lines of therapy</text></svg>\n",
            escape(person)
        );
    };
    let (from, to) = (first.start, last.end);
    let days = from.days_until(to).max(1) as f64;
    let (left, width, lane) = (170.0, 900.0, 22.0);
    let x = |d: Date| left + width * f64::from(from.days_until(d)) / days;
    let top = 50.0;
    let height = top + lane * drugs.len() as f64 + 55.0;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">",
        left + width + 90.0
    );
    let _ = writeln!(
        svg,
        "<text x=\"10\" y=\"20\" font-weight=\"bold\">{} · {from} to {to}</text>",
        escape(person)
    );
    for line in &history.lines {
        let (x0, x1) = (x(line.start), x(line.end.add_days(1)));
        let shade = if line.number % 2 == 1 {
            "#dbe9f6"
        } else {
            "#f6e7d2"
        };
        let _ = writeln!(
            svg,
            "<rect x=\"{x0:.1}\" y=\"{}\" width=\"{:.1}\" height=\"{}\" fill=\"{shade}\"/>",
            top - 15.0,
            (x1 - x0).max(1.0),
            lane * drugs.len() as f64 + 20.0
        );
        let _ = writeln!(
            svg,
            "<text x=\"{:.1}\" y=\"{}\">L{}</text>",
            x0 + 3.0,
            top - 2.0,
            line.number
        );
        if line.number > 1 {
            let _ = writeln!(
                svg,
                "<text x=\"{x0:.1}\" y=\"{}\" fill=\"#a00\">{}</text>",
                height - 4.0,
                line.opened_by
            );
        }
        for p in &line.procedures {
            let label = match p.kind {
                ProcedureKind::AutoSct | ProcedureKind::AlloSct => "SCT",
                ProcedureKind::CarTInfusion => "CAR-T",
                _ => "apheresis",
            };
            let px = x(p.date);
            let _ = writeln!(
                svg,
                "<line x1=\"{px:.1}\" x2=\"{px:.1}\" y1=\"{}\" y2=\"{}\" stroke=\"#a00\" stroke-width=\"2\"/><text x=\"{:.1}\" y=\"{}\" fill=\"#a00\">{label}</text>",
                top - 15.0,
                top + lane * drugs.len() as f64 + 5.0,
                px + 2.0,
                // Apheresis a row lower, so that it and its infusion or transplant both read.
                top + lane * drugs.len() as f64
                    + if p.kind == ProcedureKind::Apheresis { 31.0 } else { 18.0 }
            );
        }
    }
    for &q in history
        .progressions
        .iter()
        .filter(|&&q| from <= q && q <= to)
    {
        let qx = x(q);
        let _ = writeln!(
            svg,
            "<line x1=\"{qx:.1}\" x2=\"{qx:.1}\" y1=\"{}\" y2=\"{}\" stroke=\"#c60\" stroke-dasharray=\"4 3\"/><text x=\"{:.1}\" y=\"{}\" fill=\"#c60\">progression</text>",
            top - 15.0,
            top + lane * drugs.len() as f64 + 5.0,
            qx - 70.0,
            top - 20.0
        );
    }
    for (i, drug) in drugs.iter().enumerate() {
        let y = top + lane * i as f64;
        let _ = writeln!(
            svg,
            "<text x=\"10\" y=\"{:.1}\">{}</text>",
            y + 14.0,
            drug.generic_name()
        );
        for line in &history.lines {
            for d in line.drugs.iter().filter(|d| d.drug == *drug) {
                let colour = match d.role {
                    DrugRole::Steroid => "#999",
                    _ => "#2b6cb0",
                };
                let _ = writeln!(
                    svg,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"12\" fill=\"{colour}\"/>",
                    x(d.start),
                    y + 4.0,
                    (x(d.end.add_days(1)) - x(d.start)).max(1.5)
                );
            }
        }
    }
    svg.push_str("</svg>\n");
    svg
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
