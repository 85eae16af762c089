//! A progress report as PDF, typeset by Typst inside the program (issue 14).
//! The web crate says what the report holds, in the reader's language
//! ([`ReportDoc`]); this crate only lays it out. Typst is heavy to compile,
//! so it lives here alone, and the web crate calls it in a blocking task.
//!
//! Nothing is fetched at run time: the template and the fonts (Liberation
//! Sans, SIL OFL 1.1, see `fonts/LICENSE-LiberationSans.txt`) are compiled
//! into the binary, and the engine has no package or file-system resolver.

use std::sync::OnceLock;

use serde::Serialize;
use typst::foundations::{Dict, IntoValue};
use typst_as_lib::{TypstEngine, TypstTemplateMainFile};

static TEMPLATE: &str = include_str!("report.typ");
static REGULAR: &[u8] = include_bytes!("../fonts/LiberationSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../fonts/LiberationSans-Bold.ttf");

/// The report, already in words: headings, paragraphs, charts, tables.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ReportDoc {
    /// "en" or "es": hyphenation and the document's language.
    pub lang: String,
    pub title: String,
    /// Lines under the title: the child, the period, the clinic, the date made.
    pub subtitle: Vec<String>,
    pub blocks: Vec<Block>,
    /// At the foot of each page.
    pub footer: String,
}

#[derive(Clone, Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        text: String,
    },
    /// A figure: title, a sentence, the drawing (a standalone SVG document)
    /// or the empty state in words, and the numbers as a table.
    Chart {
        title: String,
        summary: String,
        svg: Option<String>,
        empty: String,
        table: Table,
    },
    Table(Table),
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("the report's data could not be written: {0}")]
    Data(#[from] serde_json::Error),
    #[error("typesetting failed: {0}")]
    Typeset(String),
    #[error("the PDF could not be written: {0}")]
    Pdf(String),
}

/// One engine for the program's life: building it parses the fonts.
fn engine() -> &'static TypstEngine<TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| TypstEngine::builder().main_file(TEMPLATE).fonts([REGULAR, BOLD]).build())
}

/// The report as PDF bytes. Slow (tens of milliseconds to seconds): call it
/// from a blocking task, never on the async runtime's threads.
pub fn pdf(doc: &ReportDoc) -> Result<Vec<u8>, ReportError> {
    let mut inputs = Dict::new();
    inputs.insert("data".into(), serde_json::to_string(doc)?.into_value());
    let document = engine()
        .compile_with_input(inputs)
        .output
        .map_err(|e| ReportError::Typeset(format!("{e:?}")))?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default())
        .map_err(|e| ReportError::Pdf(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 210" width="360" height="210" font-family="Liberation Sans" font-size="11"><path d="M34 125 L348 76" stroke="#0072B2" fill="none"/><text x="40" y="200">Performance</text></svg>"##;

    fn doc() -> ReportDoc {
        ReportDoc {
            lang: "es".into(),
            title: "Informe de progreso: Mía".into(),
            subtitle: vec!["Del 1 de octubre al 30 de noviembre de 2026".into()],
            blocks: vec![
                Block::Heading { level: 2, text: "Se pone los zapatos #1 *sola* $5".into() },
                Block::Paragraph { text: "Puntaje T: 61,02 [nota] <a> _b_ @c \\ d".into() },
                Block::Chart {
                    title: "COPM".into(),
                    summary: "De 3 a 6.".into(),
                    svg: Some(SVG.into()),
                    empty: String::new(),
                    table: Table {
                        head: vec!["Fecha".into(), "Desempeño".into()],
                        rows: vec![vec!["5 oct".into(), "3".into()]],
                    },
                },
                Block::Chart {
                    title: "GAS".into(),
                    summary: "Sin calificaciones.".into(),
                    svg: None,
                    empty: "Todavía no hay calificaciones.".into(),
                    table: Table::default(),
                },
            ],
            footer: "Carryover".into(),
        }
    }

    #[test]
    fn a_report_with_markup_characters_in_its_words_typesets_to_a_pdf() {
        let bytes = pdf(&doc()).unwrap();
        assert!(bytes.starts_with(b"%PDF-"), "a PDF");
        assert!(bytes.len() > 1000);
    }
}
