-- Practice logs (issue 12 part A): a caregiver says they practised an
-- assignment of the agreed plan, in a routine, and how the child responded.
--
-- The id is made by the client (a hidden field, or crypto.randomUUID), so a
-- double tap or a retry after a dropped connection sends the same id again
-- and finds the row already there. Rows are never removed: a deleted log
-- keeps its id (deleted_at), so a late retry cannot bring it back.
CREATE TABLE practice_log (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    practice_log_id TEXT NOT NULL,
    assignment_id TEXT NOT NULL,         -- the assignment practised (of an agreed version)
    household_id TEXT NOT NULL,          -- the child's household when it was logged
    standard_routine TEXT,               -- the routine: a standard one's code …
    household_routine_id TEXT,           -- … or one of the household's own (exactly one is set)
    practised_by TEXT NOT NULL,          -- the caregiver who practised (a member of the household)
    practised_on TEXT NOT NULL,          -- YYYY-MM-DD, the clinic's date of the practice
    practised_time TEXT,                 -- HH:MM on the clinic's clock; NULL when not said ("yesterday")
    said_when TEXT NOT NULL CHECK (said_when IN ('now', 'earlier_today', 'yesterday')),
    response TEXT NOT NULL CHECK (response IN ('went_well', 'mixed', 'hard')),
    confidence BIGINT CHECK (confidence BETWEEN 0 AND 10), -- caregiver confidence 0–10; NULL when not given
    note TEXT NOT NULL DEFAULT '',       -- a short note; never written to logs or audit rows
    logged_by TEXT NOT NULL,             -- who typed it in: only they may correct or delete it
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    PRIMARY KEY (clinic_id, child_id, practice_log_id),
    -- An id is taken once per clinic: the same id sent for another child is
    -- refused, never stored beside the first.
    CONSTRAINT practice_log_id_once UNIQUE (clinic_id, practice_log_id),
    CONSTRAINT practice_log_child FOREIGN KEY (clinic_id, child_id) REFERENCES child (clinic_id, child_id),
    CONSTRAINT practice_log_assignment FOREIGN KEY (clinic_id, child_id, assignment_id)
        REFERENCES assignment (clinic_id, child_id, assignment_id),
    CONSTRAINT practice_log_household FOREIGN KEY (clinic_id, household_id)
        REFERENCES household (clinic_id, household_id),
    CONSTRAINT practice_log_own_routine FOREIGN KEY (clinic_id, household_routine_id)
        REFERENCES household_routine (clinic_id, household_routine_id),
    CONSTRAINT practice_log_practised_by FOREIGN KEY (clinic_id, practised_by)
        REFERENCES person (clinic_id, person_id),
    CONSTRAINT practice_log_logged_by FOREIGN KEY (clinic_id, logged_by)
        REFERENCES person (clinic_id, person_id),
    CONSTRAINT practice_log_one_routine CHECK ((standard_routine IS NULL) <> (household_routine_id IS NULL))
);
CREATE INDEX practice_log_by_day ON practice_log (clinic_id, child_id, practised_on);
CREATE INDEX practice_log_by_assignment ON practice_log (clinic_id, child_id, assignment_id);
