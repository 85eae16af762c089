//! The strategy library for the clinic's staff: the starter strategies that
//! ship with Carryover and the clinic's own, searched together; copying a
//! starter strategy into the clinic's library to edit it; writing a new one.
//! No child's information is involved, so reads leave no audit row; writes do.

use carryover_domain::{
    audit::{AuditAction, AuditResource},
    library::{LibraryQuery, StrategyDraft, StrategySnapshot, StrategySource, check_ages},
    strategies::{Area, StarterStrategy, find_starter, starter_library},
};
use carryover_store::{
    audit,
    strategies::{self, ClinicStrategy, StrategyFields},
};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::{OpError, Ops, Problem, Who, error::Fields, scope::part_field};

/// One strategy in a list of results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StrategyCard {
    pub source: StrategySource,
    pub text: StrategySnapshot,
    pub areas: Vec<Area>,
    pub age_min_months: u16,
    pub age_max_months: u16,
    /// For a clinic strategy copied from the starter library.
    pub copied_from: Option<String>,
}

impl StrategyCard {
    pub fn of_starter(s: &StarterStrategy) -> StrategyCard {
        StrategyCard {
            source: StrategySource::Starter(s.slug.clone()),
            text: StrategySnapshot::of_starter(s),
            areas: s.areas.clone(),
            age_min_months: s.age_min_months,
            age_max_months: s.age_max_months,
            copied_from: None,
        }
    }

    pub fn of_clinic(s: &ClinicStrategy) -> StrategyCard {
        StrategyCard {
            source: StrategySource::Clinic(s.strategy_id),
            text: StrategySnapshot { en: s.fields.en.clone(), es: s.fields.es.clone() },
            areas: s.fields.areas.clone(),
            age_min_months: s.fields.age_min_months,
            age_max_months: s.fields.age_max_months,
            copied_from: s.starter_slug.clone(),
        }
    }

    fn matches(&self, query: &LibraryQuery) -> bool {
        query.matches(&self.areas, (self.age_min_months, self.age_max_months), self.text.texts())
    }
}

/// The clinic's strategies first, then the starter ones the clinic has not
/// copied (its copy stands for them), each kept when it matches `query`.
pub(crate) fn search(clinic: &[ClinicStrategy], query: &LibraryQuery) -> Vec<StrategyCard> {
    let copied: Vec<&str> = clinic.iter().filter_map(|s| s.starter_slug.as_deref()).collect();
    let own = clinic.iter().map(StrategyCard::of_clinic);
    let starters = starter_library()
        .iter()
        .filter(|s| !copied.contains(&s.slug.as_str()))
        .map(StrategyCard::of_starter);
    own.chain(starters).filter(|card| card.matches(query)).collect()
}

fn staff(who: &Who) -> Result<(), OpError> {
    if who.actor.is_staff() { Ok(()) } else { Err(OpError::NotFound) }
}

/// A search as a form sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
pub struct LibraryInput {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub area: String,
    /// The child's age in whole years; empty for any age.
    #[serde(default)]
    pub age: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct LibraryView {
    pub results: Vec<StrategyCard>,
}

pub async fn library(ops: &Ops, who: &Who, input: &LibraryInput) -> Result<LibraryView, OpError> {
    staff(who)?;
    let area = Area::parse(input.area.trim());
    let age = input.age.trim().parse::<u16>().ok().filter(|y| *y <= 18).map(|years| years * 12);
    let query = LibraryQuery::new(&input.q, area, age);
    let mut conn = ops.db.read_conn().await?;
    let clinic = strategies::clinic_strategies(&mut conn, &who.actor).await?;
    Ok(LibraryView { results: search(&clinic, &query) })
}

/// A starter strategy and the clinic's copies of it.
#[derive(Clone, Debug, Serialize)]
pub struct StarterView {
    pub card: StrategyCard,
    pub copies: Vec<Uuid>,
}

pub async fn starter(ops: &Ops, who: &Who, slug: &str) -> Result<StarterView, OpError> {
    staff(who)?;
    let found = find_starter(slug).ok_or(OpError::NotFound)?;
    let mut conn = ops.db.read_conn().await?;
    let copies = strategies::clinic_strategies(&mut conn, &who.actor)
        .await?
        .into_iter()
        .filter(|s| s.starter_slug.as_deref() == Some(slug))
        .map(|s| s.strategy_id)
        .collect();
    Ok(StarterView { card: StrategyCard::of_starter(found), copies })
}

/// Copies a starter strategy into the clinic's library; returns the copy's id.
pub async fn copy_starter(ops: &Ops, who: &Who, slug: &str) -> Result<Uuid, OpError> {
    staff(who)?;
    let found = find_starter(slug).ok_or(OpError::NotFound)?;
    let fields = StrategyFields {
        areas: found.areas.clone(),
        age_min_months: found.age_min_months,
        age_max_months: found.age_max_months,
        en: Some(found.en.clone()),
        es: Some(found.es.clone()),
    };
    let mut tx = ops.db.begin_write().await?;
    let id =
        strategies::insert_clinic_strategy(&mut tx, &who.actor, Some(slug), &fields, ops.now())
            .await?;
    audit_strategy(ops, who, &mut tx, AuditAction::Create, id).await?;
    tx.commit().await?;
    Ok(id)
}

async fn audit_strategy(
    ops: &Ops,
    who: &Who,
    tx: &mut carryover_store::WriteTx,
    action: AuditAction,
    id: Uuid,
) -> Result<(), OpError> {
    let event = who.event(action, AuditResource::Strategy, Some(id.to_string()), None);
    audit::append(tx, &event, ops.now()).await?;
    Ok(())
}

#[derive(Clone, Debug, Serialize)]
pub struct ClinicStrategyView {
    pub strategy_id: Uuid,
    pub card: StrategyCard,
    pub updated_at: time::OffsetDateTime,
    pub updated_by: String,
}

pub async fn clinic_strategy(
    ops: &Ops,
    who: &Who,
    id: Uuid,
) -> Result<ClinicStrategyView, OpError> {
    staff(who)?;
    let mut conn = ops.db.read_conn().await?;
    let found =
        strategies::clinic_strategy(&mut conn, &who.actor, id).await?.ok_or(OpError::NotFound)?;
    Ok(ClinicStrategyView {
        strategy_id: found.strategy_id,
        card: StrategyCard::of_clinic(&found),
        updated_at: found.updated_at,
        updated_by: found.updated_by_name,
    })
}

/// A clinic strategy as a form or an API body sends it.
#[derive(Clone, Debug, Default, Deserialize, Serialize, utoipa::ToSchema)]
#[schema(example = json!({"areas": ["dressing"], "age_min_months": "36", "age_max_months": "72", "en": {"title": "Sock first", "why": "One small step at a time builds success.", "steps": "Put the sock on the toes\nLet your child pull it up", "tips": "Praise the try", "signs": "Your child reaches for the sock", "adaptations": "Use a looser sock"}, "es": {"title": "Primero el calcetín", "why": "Un paso pequeño a la vez.", "steps": "Ponga el calcetín en los dedos\nDeje que su hijo lo suba", "tips": "Elogie el intento", "signs": "Su hijo busca el calcetín", "adaptations": "Use un calcetín más flojo"}}))]
pub struct StrategyInput {
    #[serde(default)]
    pub areas: Vec<String>,
    #[serde(default)]
    pub age_min_months: String,
    #[serde(default)]
    pub age_max_months: String,
    /// title, why, steps, tips, signs, adaptations (lines of text).
    #[serde(default)]
    #[schema(value_type = Object)]
    pub en: StrategyDraft,
    #[serde(default)]
    #[schema(value_type = Object)]
    pub es: StrategyDraft,
}

impl StrategyInput {
    pub fn of(fields: &StrategyFields) -> StrategyInput {
        StrategyInput {
            areas: fields.areas.iter().map(|a| a.as_str().to_owned()).collect(),
            age_min_months: fields.age_min_months.to_string(),
            age_max_months: fields.age_max_months.to_string(),
            en: fields.en.as_ref().map(StrategyDraft::of).unwrap_or_default(),
            es: fields.es.as_ref().map(StrategyDraft::of).unwrap_or_default(),
        }
    }
}

fn check_strategy(input: &StrategyInput) -> Result<StrategyFields, OpError> {
    let mut fields = Fields::default();
    let mut areas: Option<Vec<Area>> = input.areas.iter().map(|a| Area::parse(a.trim())).collect();
    if let Some(areas) = &mut areas {
        areas.sort();
        areas.dedup();
    }
    let areas = fields.some("areas", areas.filter(|a| !a.is_empty()), Problem::Required);
    let age = |fields: &mut Fields, field: &'static str, text: &str| {
        let months = text.trim().parse::<u16>().ok();
        fields.some(field, months, Problem::NotAWholeNumber)
    };
    let min = age(&mut fields, "age_min_months", &input.age_min_months);
    let max = age(&mut fields, "age_max_months", &input.age_max_months);
    if let (Some(min), Some(max)) = (min, max)
        && !check_ages(min, max)
    {
        fields.push("age_max_months", Problem::OutOfRange);
    }
    let mut language = |draft: &StrategyDraft, lang: &str| {
        draft.check().map_err(|problems| {
            for (part, problem) in problems {
                fields.push(part_field(part, lang), problem.into());
            }
        })
    };
    let (en, es) = (language(&input.en, "en"), language(&input.es, "es"));
    if let (Ok(None), Ok(None)) = (&en, &es) {
        fields.push("title_en", Problem::NoLanguageWritten);
    }
    let value = match (areas, min, max, en, es) {
        (Some(areas), Some(min), Some(max), Ok(en), Ok(es)) => {
            Some(StrategyFields { areas, age_min_months: min, age_max_months: max, en, es })
        }
        _ => None,
    };
    fields.finish(value)
}

/// A strategy written at the clinic; returns its id.
pub async fn create(ops: &Ops, who: &Who, input: &StrategyInput) -> Result<Uuid, OpError> {
    staff(who)?;
    let fields = check_strategy(input)?;
    let mut tx = ops.db.begin_write().await?;
    let id =
        strategies::insert_clinic_strategy(&mut tx, &who.actor, None, &fields, ops.now()).await?;
    audit_strategy(ops, who, &mut tx, AuditAction::Create, id).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a clinic strategy. Plan versions that use it keep the text they
/// were made with.
pub async fn update(ops: &Ops, who: &Who, id: Uuid, input: &StrategyInput) -> Result<(), OpError> {
    staff(who)?;
    let mut tx = ops.db.begin_write().await?;
    strategies::clinic_strategy(&mut tx, &who.actor, id).await?.ok_or(OpError::NotFound)?;
    let fields = check_strategy(input)?;
    strategies::update_clinic_strategy(&mut tx, &who.actor, id, &fields, ops.now()).await?;
    audit_strategy(ops, who, &mut tx, AuditAction::Update, id).await?;
    tx.commit().await?;
    Ok(())
}

/// The form of a strategy, to change it.
pub async fn edit_form(ops: &Ops, who: &Who, id: Uuid) -> Result<StrategyInput, OpError> {
    staff(who)?;
    let mut conn = ops.db.read_conn().await?;
    let found =
        strategies::clinic_strategy(&mut conn, &who.actor, id).await?.ok_or(OpError::NotFound)?;
    Ok(StrategyInput::of(&found.fields))
}
