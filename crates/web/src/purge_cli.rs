//! `carryover admin purge`: removes discharged children's records once their
//! clinic's retention has passed. `--dry-run` only lists them; otherwise it
//! asks first (or takes `--yes`), then removes them in one transaction.
//! Lines name ids and dates only, never a child's name.

use std::{io::BufRead, sync::Arc};

use carryover_domain::record::iso_date;
use carryover_ops::{
    Db, Ops,
    clock::Clock,
    passwords::{PasswordCost, PasswordHasher},
    purge::{self, PurgeCandidate},
    secrets,
};

/// How the command was asked to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    DryRun,
    /// Ask on the terminal before removing anything.
    Ask,
    /// `--yes`: the question was answered on the command line.
    Yes,
}

fn ops(db: &Db, clock: Arc<dyn Clock>) -> anyhow::Result<Ops> {
    Ok(Ops {
        db: db.clone(),
        clock,
        secrets: secrets::random(),
        // Nothing is hashed here.
        passwords: PasswordHasher::new(PasswordCost::Fast)?,
    })
}

fn line(c: &PurgeCandidate) -> String {
    format!(
        "clinic {} child {} discharged {} kept until {}",
        c.clinic_id,
        c.child_id,
        iso_date(c.discharged_on),
        iso_date(c.kept_until)
    )
}

/// Runs the command; `answer` reads the person's reply when asking. Today
/// (on each clinic's calendar) comes from `clock`.
pub async fn run(
    db: &Db,
    clock: Arc<dyn Clock>,
    mode: Mode,
    answer: impl BufRead,
) -> anyhow::Result<String> {
    let ops = ops(db, clock)?;
    let due = purge::due(&ops).await?;
    let mut out: Vec<String> = due.iter().map(line).collect();
    if due.is_empty() {
        return Ok("no record is past its clinic's retention".into());
    }
    out.push(format!("{} record(s) past retention", due.len()));
    if mode == Mode::DryRun {
        out.push("dry run: nothing was removed".into());
        return Ok(out.join("\n"));
    }
    if mode == Mode::Ask {
        println!("{}", out.join("\n"));
        println!("Remove these records for good? Audit rows stay. Type yes to go on:");
        out.clear();
        let mut reply = String::new();
        answer.take(64).read_line(&mut reply)?;
        if reply.trim() != "yes" {
            anyhow::bail!("nothing was removed (the answer was not \"yes\")");
        }
    }
    let report = purge::purge(&ops, &due).await?;
    out.push(format!(
        "removed {} record(s), {} household(s) with no child left, deactivated {} caregiver(s) with no household left",
        report.children.len(),
        report.households,
        report.deactivated_caregivers
    ));
    Ok(out.join("\n"))
}
