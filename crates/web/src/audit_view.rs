//! Audit rows in words for pages, and as CSV for download.

use carryover_ops::audit_logs::AuditEntry;
use time::format_description::well_known::Rfc3339;

use crate::i18n::Tr;

/// One row of an audit table, in words.
#[derive(Clone, Debug)]
pub struct AuditRow {
    pub when: String,
    pub who: String,
    pub what: String,
    pub child: String,
}

pub fn describe(t: &Tr, entries: &[AuditEntry]) -> Vec<AuditRow> {
    entries
        .iter()
        .map(|e| {
            let who = match (&e.actor_name, &e.actor_role) {
                (Some(name), Some(role)) => format!("{name} ({})", t.get(&format!("role-{role}"))),
                (Some(name), None) => name.clone(),
                _ => t.get("audit-nobody"),
            };
            let action = t.get(&format!("audit-action-{}", e.action));
            let mut what =
                format!("{action} · {}", t.get(&format!("audit-resource-{}", e.resource_type)));
            if e.listed > 0 {
                what =
                    format!("{what} · {}", t.with("audit-listed", &[("count", e.listed.into())]));
            }
            if e.outcome != "success" {
                what = format!("{what} · {}", t.get(&format!("audit-outcome-{}", e.outcome)));
            }
            AuditRow {
                when: t.datetime(e.occurred_at.0),
                who,
                what,
                child: e.child_name.clone().unwrap_or_default(),
            }
        })
        .collect()
}

/// RFC 4180 CSV with ids only. Cells that a spreadsheet would run as a
/// formula are prefixed with a quote.
pub fn to_csv(entries: &[AuditEntry]) -> String {
    let mut out = String::from(
        "occurred_at,actor_id,actor_role,action,resource_type,resource_id,child_id,outcome,request_id,client_addr\r\n",
    );
    for e in entries {
        let occurred_at = e.occurred_at.0.format(&Rfc3339).unwrap_or_default();
        let cells = [
            Some(occurred_at.as_str()),
            e.actor_id.as_deref(),
            e.actor_role.as_deref(),
            Some(e.action.as_str()),
            Some(e.resource_type.as_str()),
            e.resource_id.as_deref(),
            e.child_id.as_deref(),
            Some(e.outcome.as_str()),
            e.request_id.as_deref(),
            e.client_addr.as_deref(),
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c.unwrap_or(""))).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

pub(crate) fn csv_cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
    }
}
