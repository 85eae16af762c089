//! The strategy library as a therapist uses it: the starter strategies and
//! the clinic's own, searched by words, area and the child's age; the rules
//! for a strategy a clinic writes or edits; and the snapshot of a strategy's
//! text that a plan version keeps, so that editing the library never changes
//! what a family agreed to.

use serde::{Deserialize, Serialize};
use time::Date;

use crate::{
    code_enum,
    people::{Language, NameProblem},
    strategies::{Area, MAX_AGE_MONTHS, StarterStrategy, StrategyText},
    text::{ListProblem, check_line, check_list},
};

/// Where a strategy comes from: the starter library (by slug) or the
/// clinic's own library (by id).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StrategySource {
    Starter(String),
    Clinic(uuid::Uuid),
}

impl StrategySource {
    /// Reads the key a form sends: `starter:<slug>` or `clinic:<id>`.
    pub fn parse(key: &str) -> Option<StrategySource> {
        let (kind, value) = key.trim().split_once(':')?;
        match kind {
            "starter" if !value.is_empty() => Some(StrategySource::Starter(value.to_owned())),
            "clinic" => uuid::Uuid::parse_str(value).ok().map(StrategySource::Clinic),
            _ => None,
        }
    }

    pub fn key(&self) -> String {
        match self {
            StrategySource::Starter(slug) => format!("starter:{slug}"),
            StrategySource::Clinic(id) => format!("clinic:{id}"),
        }
    }
}

impl Serialize for StrategySource {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.key())
    }
}

/// A strategy's caregiver text as a plan version keeps it, in the languages
/// it was written in (a clinic's own may have only one).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrategySnapshot {
    pub en: Option<StrategyText>,
    pub es: Option<StrategyText>,
}

impl StrategySnapshot {
    pub fn of_starter(strategy: &StarterStrategy) -> StrategySnapshot {
        StrategySnapshot { en: Some(strategy.en.clone()), es: Some(strategy.es.clone()) }
    }

    /// The text in `lang`, else in the other language, with the language it
    /// is in (so that a page can mark it for screen readers).
    pub fn text(&self, lang: Language) -> Option<(&StrategyText, Language)> {
        let (first, second) = match lang {
            Language::En => ((&self.en, Language::En), (&self.es, Language::Es)),
            Language::Es => ((&self.es, Language::Es), (&self.en, Language::En)),
        };
        [first, second].into_iter().find_map(|(text, lang)| text.as_ref().map(|t| (t, lang)))
    }

    pub fn texts(&self) -> impl Iterator<Item = &StrategyText> {
        self.en.iter().chain(self.es.iter())
    }
}

/// Lower case without accents, so that "dia" finds "día" and "Baño" finds "baño".
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            'ñ' => 'n',
            other => other,
        })
        .collect()
}

/// What a therapist looks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LibraryQuery {
    words: Vec<String>,
    pub area: Option<Area>,
    /// The child's age; `None` (no date of birth) filters nothing.
    pub age_months: Option<u16>,
}

impl LibraryQuery {
    pub fn new(text: &str, area: Option<Area>, age_months: Option<u16>) -> LibraryQuery {
        let words = fold(text)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        LibraryQuery { words, area, age_months }
    }

    pub fn has_words(&self) -> bool {
        !self.words.is_empty()
    }

    /// Every word appears in the strategy's text (either language), the
    /// area is one of its areas, and the age within its range.
    pub fn matches<'a>(
        &self,
        areas: &[Area],
        ages: (u16, u16),
        texts: impl IntoIterator<Item = &'a StrategyText>,
    ) -> bool {
        if self.area.is_some_and(|area| !areas.contains(&area)) {
            return false;
        }
        if self.age_months.is_some_and(|age| !(ages.0..=ages.1).contains(&age)) {
            return false;
        }
        if self.words.is_empty() {
            return true;
        }
        let haystack: String = texts
            .into_iter()
            .map(|t| fold(&format!("{}\n{}", t.title, t.caregiver_text())))
            .collect::<Vec<_>>()
            .join("\n");
        self.words.iter().all(|word| haystack.contains(word.as_str()))
    }
}

/// A child's age in whole months on `today`; `None` before birth.
pub fn age_in_months(birth: Date, today: Date) -> Option<u16> {
    if today < birth {
        return None;
    }
    let mut months = (today.year() - birth.year()) * 12
        + (i32::from(u8::from(today.month())) - i32::from(u8::from(birth.month())));
    if today.day() < birth.day() {
        months -= 1;
    }
    u16::try_from(months.max(0)).ok()
}

code_enum! {
    /// The parts of a strategy's text, as a clinic writes them.
    pub enum StrategyPart {
        Title = "title",
        Why = "why",
        Steps = "steps",
        Tips = "tips",
        Signs = "signs",
        Adaptations = "adaptations",
    }
}

/// Why one part of a clinic's strategy text was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartProblem {
    Text(NameProblem),
    List(ListProblem),
}

/// A strategy's text in one language as typed: each list one item per line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StrategyDraft {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub why: String,
    #[serde(default)]
    pub steps: String,
    #[serde(default)]
    pub tips: String,
    #[serde(default)]
    pub signs: String,
    #[serde(default)]
    pub adaptations: String,
}

impl StrategyDraft {
    pub fn of(text: &StrategyText) -> StrategyDraft {
        StrategyDraft {
            title: text.title.clone(),
            why: text.why.clone(),
            steps: text.steps.join("\n"),
            tips: text.tips.join("\n"),
            signs: text.signs.join("\n"),
            adaptations: text.adaptations.join("\n"),
        }
    }

    fn is_blank(&self) -> bool {
        [&self.title, &self.why, &self.steps, &self.tips, &self.signs, &self.adaptations]
            .iter()
            .all(|part| part.trim().is_empty())
    }

    /// `Ok(None)` when nothing was written in this language; otherwise a
    /// title, why it helps and at least one step are needed. Every problem
    /// is reported, not only the first.
    pub fn check(&self) -> Result<Option<StrategyText>, Vec<(StrategyPart, PartProblem)>> {
        if self.is_blank() {
            return Ok(None);
        }
        let mut problems = Vec::new();
        let mut text = |part, result: Result<String, NameProblem>| {
            result.map_err(|p| problems.push((part, PartProblem::Text(p)))).unwrap_or_default()
        };
        let title = text(StrategyPart::Title, check_line(&self.title, 120));
        let why = text(StrategyPart::Why, check_line(&self.why, 400));
        let mut list = |part, typed: &str, min| {
            check_list(typed, min, 10, 300)
                .map_err(|p| problems.push((part, PartProblem::List(p))))
                .unwrap_or_default()
        };
        let steps = list(StrategyPart::Steps, &self.steps, 1);
        let tips = list(StrategyPart::Tips, &self.tips, 0);
        let signs = list(StrategyPart::Signs, &self.signs, 0);
        let adaptations = list(StrategyPart::Adaptations, &self.adaptations, 0);
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Some(StrategyText { title, why, steps, tips, signs, adaptations }))
    }
}

/// An age range in months, checked: `min < max <= 216`.
pub fn check_ages(min: u16, max: u16) -> bool {
    min < max && max <= MAX_AGE_MONTHS
}

#[cfg(test)]
mod tests;
