-- The home pages' upcoming visits start from the person's care-team or
-- household rows, then each child's visits in time order (issue 15): the
-- cost follows the caseload, not the clinic's diary.
CREATE INDEX scheduled_visit_by_child ON scheduled_visit (clinic_id, child_id, starts_at);
