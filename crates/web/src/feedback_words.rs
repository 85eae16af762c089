//! Reflections, messages and inbox entries in the reader's words: the small
//! view-models the feedback pages (and the caregiver home's "new feedback"
//! block) fill.

use carryover_domain::reflection::{FlagHandled, ThreadSubject};
use carryover_ops::{
    feedback::{InboxEntry, MessageView, NewFeedback},
    reflections::ReflectionView,
};

use crate::{i18n::Tr, plan_words};

/// One reflection, as a card.
#[derive(Clone, Debug)]
pub struct ReflectionCard {
    pub id: String,
    pub href: String,
    /// The strategy's title, or "The week as a whole".
    pub about: String,
    /// The title's language when it is not the page's.
    pub about_lang: Option<&'static str>,
    pub responded: String,
    pub difficulty: String,
    pub need: String,
    pub words: String,
    pub byline: String,
    pub flag_open: bool,
    /// How a flag was handled, in words; empty when it was not.
    pub handled: String,
}

pub fn reflection_card(t: &Tr, child_id: &str, r: &ReflectionView) -> ReflectionCard {
    let (about, about_lang) = match &r.strategy {
        Some(snapshot) => {
            let words = plan_words::strategy(t, snapshot);
            let lang = words.other_language.then_some(words.lang);
            (words.title, lang)
        }
        None => (t.get("reflect-about-week"), None),
    };
    let handled = match (r.handled_how, r.handled_at) {
        (Some(FlagHandled::PlanChanged), Some(at)) => {
            t.with("reflect-handled-plan", &[("when", t.datetime(at).into())])
        }
        (Some(FlagHandled::Answered), Some(at)) => {
            t.with("reflect-handled-answered", &[("when", t.datetime(at).into())])
        }
        _ => String::new(),
    };
    ReflectionCard {
        id: r.reflection_id.to_string(),
        href: format!("/children/{child_id}/reflections/{}", r.reflection_id),
        about,
        about_lang,
        responded: t.get(&format!("reflect-responded-{}", r.responded.as_str())),
        difficulty: t.with("reflect-difficulty-said", &[("level", i64::from(r.difficulty).into())]),
        need: t.get(&format!("reflect-need-{}", r.need.as_str())),
        words: r.words.clone(),
        byline: t.with(
            "reflect-byline",
            &[("name", r.author_name.clone().into()), ("when", t.datetime(r.created_at).into())],
        ),
        flag_open: r.flag_open,
        handled,
    }
}

/// One message in a thread.
#[derive(Clone, Debug)]
pub struct MessageLine {
    pub author: String,
    pub when: String,
    pub from_team: bool,
    /// Plain text split at line breaks; each line is escaped when shown.
    pub lines: Vec<String>,
}

pub fn message_lines(t: &Tr, messages: &[MessageView]) -> Vec<MessageLine> {
    messages
        .iter()
        .map(|m| MessageLine {
            author: m.author_name.clone(),
            when: t.datetime(m.created_at),
            from_team: m.from_team,
            lines: m.body.lines().map(str::to_owned).collect(),
        })
        .collect()
}

/// Where a thread is read.
fn thread_href(
    child_id: uuid::Uuid,
    subject: ThreadSubject,
    reflection: Option<uuid::Uuid>,
    log: Option<uuid::Uuid>,
) -> String {
    match (subject, reflection, log) {
        (ThreadSubject::Reflection, Some(id), _) => {
            format!("/children/{child_id}/reflections/{id}")
        }
        (ThreadSubject::PracticeLog, _, Some(id)) => {
            format!("/children/{child_id}/logs/{id}/feedback")
        }
        _ => format!("/children/{child_id}/messages"),
    }
}

/// One line of the therapist's inbox.
#[derive(Clone, Debug)]
pub struct InboxLine {
    pub href: String,
    pub child_name: String,
    pub what: String,
    pub since: String,
    pub flag_open: bool,
    pub unread: String,
}

pub fn inbox_lines(t: &Tr, entries: &[InboxEntry]) -> Vec<InboxLine> {
    entries
        .iter()
        .map(|e| InboxLine {
            href: thread_href(e.child_id, e.subject, e.reflection_id, e.practice_log_id),
            child_name: e.child_name.clone(),
            what: t.get(&format!("inbox-subject-{}", e.subject.as_str())),
            since: t.with("inbox-since", &[("when", t.datetime(e.since).into())]),
            flag_open: e.flag_open,
            unread: if e.unread > 0 {
                t.with("feedback-unread", &[("count", e.unread.into())])
            } else {
                String::new()
            },
        })
        .collect()
}

/// The "new feedback" block of a caregiver's home (or the child's page):
/// fill it with [`new_feedback_block`] and include `feedback/new_block.html`.
#[derive(Clone, Debug, Default)]
pub struct NewFeedbackBlock {
    pub items: Vec<NewFeedbackLine>,
}

#[derive(Clone, Debug)]
pub struct NewFeedbackLine {
    pub href: String,
    pub child_name: String,
    pub text: String,
}

pub fn new_feedback_block(t: &Tr, found: &[NewFeedback]) -> NewFeedbackBlock {
    NewFeedbackBlock {
        items: found
            .iter()
            .map(|f| NewFeedbackLine {
                href: thread_href(f.child_id, f.subject, f.reflection_id, f.practice_log_id),
                child_name: f.child_name.clone(),
                text: t.with(
                    &format!("feedback-new-{}", f.subject.as_str()),
                    &[("count", f.unread.into())],
                ),
            })
            .collect(),
    }
}
