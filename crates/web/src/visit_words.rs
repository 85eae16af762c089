//! Coaching visits in words (issue 13): settings, steps and entries turned
//! into what the record, the note and its plain text show, in the reader's
//! language. The note is composed here once, as sections with only what was
//! written, and both the print view and the `.txt` place the same lines.

use carryover_domain::{
    fidelity::CoachingStep,
    visit::{EntryKind, VisitSetting},
};
use carryover_ops::visits::{EntryView, NoteView};

use crate::{i18n::Tr, plan_words};

pub fn setting(t: &Tr, setting: VisitSetting) -> String {
    t.get(&format!("visit-setting-{}", setting.as_str()))
}

/// Every setting, for a choice: (code, words).
pub fn setting_choices(t: &Tr) -> Vec<(&'static str, String)> {
    VisitSetting::ALL.iter().map(|s| (s.as_str(), setting(t, *s))).collect()
}

pub fn step(t: &Tr, step: CoachingStep) -> String {
    t.get(&format!("visit-step-{}", step.as_str()))
}

pub fn kind(t: &Tr, kind: EntryKind) -> String {
    t.get(&format!("visit-kind-{}", kind.as_str()))
}

/// "Steps not documented: Observation, Reflection."; `None` with all five.
pub fn missing_line(t: &Tr, missing: &[CoachingStep]) -> Option<String> {
    (!missing.is_empty()).then(|| {
        let names: Vec<String> = missing.iter().map(|s| step(t, *s)).collect();
        t.with("visit-note-missing", &[("steps", names.join(", ").into())])
    })
}

/// The clinic's reflective questions, or the four that ship with Carryover.
pub fn questions(t: &Tr, clinic: &[String]) -> Vec<String> {
    if clinic.is_empty() {
        (1..=4).map(|n| t.get(&format!("visit-question-{n}"))).collect()
    } else {
        clinic.to_vec()
    }
}

/// One entry in one line: "Modelled — Backward chaining (Dressing): notes".
pub fn entry_line(t: &Tr, e: &EntryView) -> String {
    let mut parts = vec![kind(t, e.kind)];
    if let Some(s) = &e.strategy {
        let mut named = plan_words::strategy(t, s).title;
        if let Some(r) = &e.routine_line {
            named = format!("{named} ({})", plan_words::routine_name(t, r));
        }
        parts.push(named);
    } else if let Some(r) = &e.routine_line {
        parts.push(plan_words::routine_name(t, r));
    }
    let mut line = parts.join(" — ");
    if !e.question.trim().is_empty() {
        line = format!("{line}: {}", e.question.trim());
    }
    if !e.notes.trim().is_empty() {
        line = format!("{line}: {}", e.notes.trim());
    }
    if !e.reason.trim().is_empty() {
        line = format!(
            "{line} — {}",
            t.with("visit-note-because", &[("reason", e.reason.trim().into())])
        );
    }
    if let Some(c) = e.confidence {
        line = format!("{line} — {}", t.with("visit-note-confidence", &[("value", c.into())]));
    }
    line
}

/// One section of the note: a heading and its lines, never empty.
#[derive(Clone, Debug)]
pub struct NoteSection {
    pub heading: String,
    pub lines: Vec<String>,
}

fn labelled(t: &Tr, key: &str, text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| format!("{}: {text}", t.get(key)))
}

/// The note's sections, in the model's order, with no empty heading.
pub fn sections(t: &Tr, note: &NoteView) -> Vec<NoteSection> {
    let mut sections = Vec::new();
    let mut push = |heading: String, lines: Vec<Option<String>>| {
        let lines: Vec<String> = lines.into_iter().flatten().collect();
        if !lines.is_empty() {
            sections.push(NoteSection { heading, lines });
        }
    };
    let goals = (!note.goals.is_empty())
        .then(|| format!("{}: {}", t.get("visit-goals-addressed"), note.goals.join("; ")));
    push(
        step(t, CoachingStep::JointPlan),
        vec![
            labelled(t, "visit-since-last", &note.since_last),
            goals,
            labelled(t, "visit-agenda", &note.agenda),
        ],
    );
    let entries =
        |list: &[EntryView]| list.iter().map(|e| Some(entry_line(t, e))).collect::<Vec<_>>();
    push(step(t, CoachingStep::Observation), entries(&note.observations));
    push(step(t, CoachingStep::Action), entries(&note.actions));
    push(step(t, CoachingStep::Reflection), entries(&note.reflections));
    let mut feedback = vec![
        labelled(t, "visit-affirmed", &note.affirmed),
        labelled(t, "visit-suggested", &note.suggested),
        labelled(t, "visit-information", &note.information),
    ];
    feedback.extend(entries(&note.modifications));
    push(step(t, CoachingStep::Feedback), feedback);
    sections
}

/// The header lines: date, length, place, who was there.
pub fn header_lines(t: &Tr, note: &NoteView) -> Vec<String> {
    let mut lines = vec![t.with(
        "visit-note-when",
        &[
            ("date", note.date.clone().into()),
            ("time", note.time.clone().into()),
            ("setting", setting(t, note.setting).into()),
        ],
    )];
    if let Some(minutes) = note.duration_minutes {
        lines.push(t.with("visit-note-minutes", &[("minutes", minutes.into())]));
    }
    lines.push(format!("{}: {}", t.get("visit-therapist"), note.therapist_name));
    let mut present = note.attendees.clone();
    if !note.others_present.trim().is_empty() {
        present.push(note.others_present.trim().to_owned());
    }
    if !present.is_empty() {
        lines.push(format!("{}: {}", t.get("visit-present"), present.join(", ")));
    }
    lines
}

/// The whole note as plain text, to paste into another record system.
pub fn plain_text(t: &Tr, note: &NoteView) -> String {
    let mut out =
        format!("{}\n", t.with("visit-note-title", &[("name", note.child_name.clone().into())]));
    for line in header_lines(t, note) {
        out.push_str(&line);
        out.push('\n');
    }
    for section in sections(t, note) {
        out.push('\n');
        out.push_str(&section.heading.to_uppercase());
        out.push('\n');
        for line in section.lines {
            out.push_str("- ");
            out.push_str(&line);
            out.push('\n');
        }
    }
    if let Some(missing) = missing_line(t, &note.steps_missing) {
        out.push('\n');
        out.push_str(&missing);
        out.push('\n');
    }
    if let (Some(by), Some(date)) = (&note.signed_by, &note.signed_date) {
        out.push('\n');
        out.push_str(&t.with(
            "visit-note-signed",
            &[("name", by.clone().into()), ("date", date.clone().into())],
        ));
        out.push('\n');
    }
    for a in &note.addenda {
        out.push('\n');
        out.push_str(&t.with(
            "visit-addendum-by",
            &[("name", a.written_by.clone().into()), ("date", a.date.clone().into())],
        ));
        out.push('\n');
        out.push_str(a.text.trim());
        out.push('\n');
    }
    out
}
