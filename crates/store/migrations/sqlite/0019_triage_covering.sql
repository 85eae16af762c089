-- The triage reads five weeks of live logs for each child of a caseload
-- (issue 15): with the assignment in the index, each log is one index entry
-- and no seek into the table for its row (about 2,100 seeks for 60 children
-- at clinic scale).
DROP INDEX practice_log_live_by_day;
CREATE INDEX practice_log_live_by_day ON practice_log (clinic_id, child_id, practised_on, assignment_id)
    WHERE deleted_at IS NULL;
