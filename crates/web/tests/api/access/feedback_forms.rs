//! What the walk knows of the reflections' and feedback routes (issue 12
//! part B). Empty forms are refused field by field (422), which shows the
//! handler was reached; `{reflection_id}` and `{log_id}` name a child's
//! reflection and practice log, so those routes are walked with another
//! child's too.

/// Issue 12 part B: routes that name a child's reflection in the path.
pub(super) fn names_feedback_resource(template: &str) -> bool {
    template.contains("{reflection_id}") || template.contains("{log_id}")
}
