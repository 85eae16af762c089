-- Coaching sessions (issue 13): the next visit of a child, the visit record
-- along the five steps of the coaching model, its signed note and addenda.
--
-- Rows about one child are keyed (clinic_id, child_id, <id>), and rows that
-- point at each other carry the same child_id in their foreign keys: an
-- entry can only name a goal or an assignment of its own child.

-- A planned visit. Rescheduling moves it and keeps the reason; cancelling
-- keeps the reason; a visit recorded from it is marked held.
CREATE TABLE scheduled_visit (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    scheduled_visit_id TEXT NOT NULL,
    starts_at TEXT NOT NULL,             -- UTC
    setting TEXT NOT NULL CHECK (setting IN ('clinic', 'home', 'community', 'daycare', 'telehealth')),
    duration_minutes BIGINT NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    status TEXT NOT NULL CHECK (status IN ('scheduled', 'cancelled', 'held')),
    reason TEXT NOT NULL DEFAULT '',     -- why it was last rescheduled or cancelled
    therapist_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, scheduled_visit_id),
    CONSTRAINT scheduled_visit_child FOREIGN KEY (clinic_id, child_id) REFERENCES child (clinic_id, child_id),
    CONSTRAINT scheduled_visit_therapist FOREIGN KEY (clinic_id, therapist_id) REFERENCES person (clinic_id, person_id)
);
CREATE INDEX scheduled_visit_by_time ON scheduled_visit (clinic_id, starts_at);

-- Each move or cancellation of a planned visit, with its reason.
CREATE TABLE scheduled_visit_change (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    scheduled_visit_change_id TEXT NOT NULL,
    scheduled_visit_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('rescheduled', 'cancelled')),
    previous_starts_at TEXT NOT NULL,
    reason TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, scheduled_visit_change_id),
    CONSTRAINT scheduled_visit_change_visit FOREIGN KEY (clinic_id, child_id, scheduled_visit_id)
        REFERENCES scheduled_visit (clinic_id, child_id, scheduled_visit_id),
    CONSTRAINT scheduled_visit_change_by FOREIGN KEY (clinic_id, changed_by) REFERENCES person (clinic_id, person_id)
);

-- The visit record. Open while the therapist records it (one open record
-- per child), then ended, then signed: a signed record never changes.
-- `revision` counts saves: every save names the revision it started from,
-- so two tabs never silently overwrite each other.
CREATE TABLE coaching_session (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    coaching_session_id TEXT NOT NULL,
    therapist_id TEXT NOT NULL,
    held_at TEXT NOT NULL,               -- UTC date and time of the visit
    duration_minutes BIGINT CHECK (duration_minutes BETWEEN 5 AND 480),
    setting TEXT NOT NULL CHECK (setting IN ('clinic', 'home', 'community', 'daycare', 'telehealth')),
    others_present TEXT NOT NULL DEFAULT '',  -- people present who are not caregivers, by name
    since_last TEXT NOT NULL DEFAULT '',      -- step 1: what happened since last time, in the caregiver's words
    agenda TEXT NOT NULL DEFAULT '',          -- step 1: today's agenda
    affirmed TEXT NOT NULL DEFAULT '',        -- step 5: what the therapist affirmed
    suggested TEXT NOT NULL DEFAULT '',       -- step 5: what the therapist suggested
    information TEXT NOT NULL DEFAULT '',     -- step 5: information shared
    summary TEXT NOT NULL DEFAULT '',         -- the summary for the guardians
    summary_shared BIGINT NOT NULL DEFAULT 0 CHECK (summary_shared IN (0, 1)),
    revision BIGINT NOT NULL DEFAULT 1,
    scheduled_visit_id TEXT,
    plan_version_id TEXT,                -- the practice plan the visit ended with
    ended_at TEXT,
    signed_by TEXT,
    signed_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, coaching_session_id),
    CONSTRAINT coaching_session_child FOREIGN KEY (clinic_id, child_id) REFERENCES child (clinic_id, child_id),
    CONSTRAINT coaching_session_therapist FOREIGN KEY (clinic_id, therapist_id) REFERENCES person (clinic_id, person_id),
    CONSTRAINT coaching_session_signed_by FOREIGN KEY (clinic_id, signed_by) REFERENCES person (clinic_id, person_id),
    CONSTRAINT coaching_session_scheduled FOREIGN KEY (clinic_id, child_id, scheduled_visit_id)
        REFERENCES scheduled_visit (clinic_id, child_id, scheduled_visit_id),
    CONSTRAINT coaching_session_plan FOREIGN KEY (clinic_id, child_id, plan_version_id)
        REFERENCES plan_version (clinic_id, child_id, plan_version_id),
    CONSTRAINT coaching_session_signed CHECK ((signed_at IS NULL) = (signed_by IS NULL)
        AND (signed_at IS NULL OR ended_at IS NOT NULL))
);
-- One open record per child at a time.
CREATE UNIQUE INDEX coaching_session_one_open ON coaching_session (clinic_id, child_id) WHERE ended_at IS NULL;
CREATE INDEX coaching_session_by_therapist ON coaching_session (clinic_id, therapist_id, held_at);

-- The caregivers of the household who attended.
CREATE TABLE coaching_session_attendee (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    coaching_session_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, coaching_session_id, person_id),
    CONSTRAINT coaching_session_attendee_session FOREIGN KEY (clinic_id, child_id, coaching_session_id)
        REFERENCES coaching_session (clinic_id, child_id, coaching_session_id),
    CONSTRAINT coaching_session_attendee_person FOREIGN KEY (clinic_id, person_id) REFERENCES person (clinic_id, person_id)
);

-- Step 1: the goals addressed today.
CREATE TABLE coaching_session_goal (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    coaching_session_id TEXT NOT NULL,
    goal_id TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, coaching_session_id, goal_id),
    CONSTRAINT coaching_session_goal_session FOREIGN KEY (clinic_id, child_id, coaching_session_id)
        REFERENCES coaching_session (clinic_id, child_id, coaching_session_id),
    CONSTRAINT coaching_session_goal_goal FOREIGN KEY (clinic_id, child_id, goal_id)
        REFERENCES goal (clinic_id, child_id, goal_id)
);

-- The entries of steps 2 to 5: observations (modelled / observed), the
-- caregiver's practice (action), reflective questions and answers, and
-- modifications of a strategy with their reasons.
CREATE TABLE coaching_entry (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    coaching_entry_id TEXT NOT NULL,
    coaching_session_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('modelled', 'observed', 'action', 'reflection', 'modification')),
    assignment_id TEXT,                  -- the strategy, as the child's plan holds it
    routine TEXT,                        -- a standard routine's code or a household routine's id
    question TEXT NOT NULL DEFAULT '',   -- reflection: the question asked
    notes TEXT NOT NULL DEFAULT '',      -- notes / how it went / the answer / the change
    reason TEXT NOT NULL DEFAULT '',     -- modification: why
    confidence BIGINT CHECK (confidence BETWEEN 0 AND 10), -- action: the caregiver's confidence
    created_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, coaching_entry_id),
    CONSTRAINT coaching_entry_session FOREIGN KEY (clinic_id, child_id, coaching_session_id)
        REFERENCES coaching_session (clinic_id, child_id, coaching_session_id),
    CONSTRAINT coaching_entry_assignment FOREIGN KEY (clinic_id, child_id, assignment_id)
        REFERENCES assignment (clinic_id, child_id, assignment_id)
);
CREATE INDEX coaching_entry_by_session ON coaching_entry (clinic_id, child_id, coaching_session_id);

-- A save refused because another tab saved first: the text is kept here,
-- shown on the record beside the saved one, so nothing typed is lost.
CREATE TABLE coaching_kept_text (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    coaching_kept_text_id TEXT NOT NULL,
    coaching_session_id TEXT NOT NULL,
    field TEXT NOT NULL,
    text TEXT NOT NULL,
    written_by TEXT NOT NULL,
    written_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, coaching_kept_text_id),
    CONSTRAINT coaching_kept_text_session FOREIGN KEY (clinic_id, child_id, coaching_session_id)
        REFERENCES coaching_session (clinic_id, child_id, coaching_session_id),
    CONSTRAINT coaching_kept_text_by FOREIGN KEY (clinic_id, written_by) REFERENCES person (clinic_id, person_id)
);

-- A dated addendum under a signed note: later changes, never edits.
CREATE TABLE coaching_addendum (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    coaching_addendum_id TEXT NOT NULL,
    coaching_session_id TEXT NOT NULL,
    text TEXT NOT NULL,
    written_by TEXT NOT NULL,
    written_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, coaching_addendum_id),
    CONSTRAINT coaching_addendum_session FOREIGN KEY (clinic_id, child_id, coaching_session_id)
        REFERENCES coaching_session (clinic_id, child_id, coaching_session_id),
    CONSTRAINT coaching_addendum_by FOREIGN KEY (clinic_id, written_by) REFERENCES person (clinic_id, person_id)
);

-- The clinic's own list of reflective questions; a clinic without one uses
-- the four questions that ship with Carryover.
CREATE TABLE reflection_question (
    clinic_id TEXT NOT NULL,
    reflection_question_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, reflection_question_id),
    CONSTRAINT reflection_question_clinic FOREIGN KEY (clinic_id) REFERENCES clinic (clinic_id)
);
