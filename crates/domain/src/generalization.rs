//! Generalization: the carryover matrix. For each strategy (or goal), the
//! routines × caregivers where it was practised and how the child responded
//! there. A strategy that only ever works with one parent at bath time has
//! not generalized yet; the matrix makes that visible.
//!
//! Ids are generic (`K` for the strategy or goal, `R` for the routine, `C`
//! for the caregiver) and ordered by their `Ord`; the caller turns them into
//! names.

use std::collections::{BTreeMap, BTreeSet};

crate::code_enum! {
    /// How the child responded to one practice, as the caregiver logged it.
    pub enum ChildResponse {
        WentWell = "went_well",
        Mixed = "mixed",
        Hard = "hard",
    }
}

/// How the child responded across some practices.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ResponseCounts {
    pub went_well: u32,
    pub mixed: u32,
    pub hard: u32,
    /// Practices logged without saying how it went: they still show where
    /// the strategy was used.
    pub not_said: u32,
}

impl ResponseCounts {
    pub fn add(&mut self, response: Option<ChildResponse>) {
        let count = match response {
            Some(ChildResponse::WentWell) => &mut self.went_well,
            Some(ChildResponse::Mixed) => &mut self.mixed,
            Some(ChildResponse::Hard) => &mut self.hard,
            None => &mut self.not_said,
        };
        *count = count.saturating_add(1);
    }

    /// Every practice counted, whether or not a response was given.
    pub fn total(&self) -> u32 {
        [self.went_well, self.mixed, self.hard, self.not_said]
            .into_iter()
            .fold(0, u32::saturating_add)
    }

    fn merge(mut self, other: &ResponseCounts) -> ResponseCounts {
        self.went_well = self.went_well.saturating_add(other.went_well);
        self.mixed = self.mixed.saturating_add(other.mixed);
        self.hard = self.hard.saturating_add(other.hard);
        self.not_said = self.not_said.saturating_add(other.not_said);
        self
    }
}

/// One practice log, as the matrix needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoggedPractice<K, R, C> {
    /// The strategy (or goal) practised.
    pub item: K,
    pub routine: R,
    pub caregiver: C,
    pub response: Option<ChildResponse>,
}

/// One strategy's grid: routine → caregiver → responses. Only places where
/// it was practised are stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CarryoverGrid<R, C> {
    cells: BTreeMap<R, BTreeMap<C, ResponseCounts>>,
}

impl<R: Ord, C: Ord> CarryoverGrid<R, C> {
    /// The routines it was practised in, in order.
    pub fn routines(&self) -> Vec<&R> {
        self.cells.keys().collect()
    }

    /// The caregivers who practised it, in order.
    pub fn caregivers(&self) -> Vec<&C> {
        let all: BTreeSet<&C> = self.cells.values().flat_map(|row| row.keys()).collect();
        all.into_iter().collect()
    }

    /// The responses where `caregiver` practised it in `routine`; all zero
    /// when they never did.
    pub fn cell(&self, routine: &R, caregiver: &C) -> ResponseCounts {
        self.cells.get(routine).and_then(|row| row.get(caregiver)).copied().unwrap_or_default()
    }

    /// Every practised cell, routine by routine.
    pub fn cells(&self) -> impl Iterator<Item = (&R, &C, &ResponseCounts)> {
        self.cells
            .iter()
            .flat_map(|(routine, row)| row.iter().map(move |(who, counts)| (routine, who, counts)))
    }

    /// One routine, all caregivers together.
    pub fn routine_total(&self, routine: &R) -> ResponseCounts {
        self.cells
            .get(routine)
            .map(|row| row.values().fold(ResponseCounts::default(), |sum, c| sum.merge(c)))
            .unwrap_or_default()
    }

    /// One caregiver, all routines together.
    pub fn caregiver_total(&self, caregiver: &C) -> ResponseCounts {
        self.cells
            .values()
            .filter_map(|row| row.get(caregiver))
            .fold(ResponseCounts::default(), |sum, c| sum.merge(c))
    }

    /// Every practice of it.
    pub fn total(&self) -> ResponseCounts {
        self.cells().fold(ResponseCounts::default(), |sum, (_, _, c)| sum.merge(c))
    }
}

/// The grids of every strategy (or goal) practised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CarryoverMatrix<K, R, C> {
    grids: BTreeMap<K, CarryoverGrid<R, C>>,
}

impl<K: Ord, R: Ord, C: Ord> CarryoverMatrix<K, R, C> {
    pub fn from_logs(logs: impl IntoIterator<Item = LoggedPractice<K, R, C>>) -> Self {
        let mut grids: BTreeMap<K, CarryoverGrid<R, C>> = BTreeMap::new();
        for log in logs {
            grids
                .entry(log.item)
                .or_insert_with(|| CarryoverGrid { cells: BTreeMap::new() })
                .cells
                .entry(log.routine)
                .or_default()
                .entry(log.caregiver)
                .or_default()
                .add(log.response);
        }
        CarryoverMatrix { grids }
    }

    /// Each strategy practised, in order, with its grid.
    pub fn grids(&self) -> impl Iterator<Item = (&K, &CarryoverGrid<R, C>)> {
        self.grids.iter()
    }

    /// The grid of one strategy; `None` when it was never practised.
    pub fn grid(&self, item: &K) -> Option<&CarryoverGrid<R, C>> {
        self.grids.get(item)
    }
}

#[cfg(test)]
mod tests;
