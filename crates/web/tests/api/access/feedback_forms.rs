//! What the walk knows of the reflections' and feedback routes (issue 12
//! part B). Empty forms are refused field by field (422), which shows the
//! handler was reached; `{reflection_id}` names a child's reflection, so
//! those routes are walked with another child's too (`{log_id}` is the
//! practice logs' part's: see `practice_forms`).

/// Issue 12 part B: routes that name a child's reflection in the path.
pub(super) fn names_feedback_resource(template: &str) -> bool {
    template.contains("{reflection_id}")
}
