//! A family's copy of its data as one zip: `child.json` (the whole bundle,
//! with a short description of each field in the reader's language) and one
//! CSV file per section. Sections come from `carryover_ops::export`: a new
//! section there shows up here without changes, once its fields are
//! described in the translations (`export-field-…`).

use std::io::Write;

use carryover_ops::export::{ChildBundle, FIELDS};
use serde_json::{Map, Value};
use zip::{CompressionMethod, ZipWriter, write::SimpleFileOptions};

use crate::{audit_view::csv_cell, i18n::Tr};

/// The translation key that describes a field such as `child.notes`.
pub fn field_key(field: &str) -> String {
    format!("export-field-{}", field.replace('.', "-"))
}

/// The zip's bytes.
pub fn write(t: &Tr, bundle: &ChildBundle) -> anyhow::Result<Vec<u8>> {
    let data = serde_json::to_value(bundle)?;
    let fields: Map<String, Value> =
        FIELDS.iter().map(|f| ((*f).to_owned(), Value::String(t.get(&field_key(f))))).collect();
    let document = serde_json::json!({
        "about": t.get("export-about"),
        "fields": fields,
        "data": data,
    });
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("child.json", options)?;
    zip.write_all(serde_json::to_string_pretty(&document)?.as_bytes())?;
    for (section, rows) in sections(&data) {
        zip.start_file(format!("{section}.csv"), options)?;
        zip.write_all(to_csv(section, &rows).as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}

/// Each section of the bundle that holds records: a list, or one object.
fn sections(data: &Value) -> Vec<(&str, Vec<&Map<String, Value>>)> {
    let Some(top) = data.as_object() else { return Vec::new() };
    top.iter()
        .filter_map(|(name, value)| match value {
            Value::Array(items) => {
                Some((name.as_str(), items.iter().filter_map(Value::as_object).collect()))
            }
            Value::Object(one) => Some((name.as_str(), vec![one])),
            _ => None,
        })
        .collect()
}

/// RFC 4180 CSV with the section's described fields as columns.
fn to_csv(section: &str, rows: &[&Map<String, Value>]) -> String {
    let prefix = format!("{section}.");
    let columns: Vec<&str> =
        FIELDS.iter().filter_map(|f| f.strip_prefix(prefix.as_str())).collect();
    let mut out = columns.join(",");
    out.push_str("\r\n");
    for row in rows {
        let cells: Vec<String> = columns
            .iter()
            .map(|c| csv_cell(&cell_text(row.get(*c).unwrap_or(&Value::Null))))
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

fn cell_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Array(items) => items.iter().map(cell_text).collect::<Vec<_>>().join(";"),
        other => other.to_string(),
    }
}
