-- The caseload triage (issue 14) reads, for every child of a therapist's
-- care team at once, the last live practice and the threads awaiting an
-- answer. Each is a seek into one of these indexes, so a child with years
-- of logs and messages costs what a new one does. (Its next planned visit
-- seeks scheduled_visit_by_child, migration 0018.)

-- MAX(practised_on) of a child's live logs, and the logs of the last weeks.
CREATE INDEX practice_log_live_by_day ON practice_log (clinic_id, child_id, practised_on)
    WHERE deleted_at IS NULL;
-- A child's threads awaiting the care team's answer.
CREATE INDEX feedback_thread_awaiting ON feedback_thread (clinic_id, child_id)
    WHERE awaiting_since IS NOT NULL;
