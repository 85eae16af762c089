-- Guided reflections, flags and feedback threads (issue 12 part B).
--
-- A caregiver reflects on one assignment of the agreed plan, or on the week.
-- A reflection that asks for a change or rates the practice 4–5 to fit in
-- flags its assignment until the therapist handles it: by changing that
-- assignment (or its carried successor) in a new version, or by answering.
-- Threads hold the messages about a reflection, a practice log or the child.

CREATE TABLE reflection (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    reflection_id TEXT NOT NULL,
    assignment_id TEXT,                  -- the assignment reflected on; NULL: the week as a whole
    author_id TEXT NOT NULL,
    responded TEXT NOT NULL CHECK (responded IN ('yes', 'somewhat', 'no')),
    difficulty BIGINT NOT NULL CHECK (difficulty BETWEEN 1 AND 5),
    need TEXT NOT NULL CHECK (need IN ('keep_going', 'more_information', 'practice_together',
        'change_strategy', 'try_another_routine')),
    words TEXT NOT NULL DEFAULT '',      -- the caregiver's own words
    flagged BIGINT NOT NULL CHECK (flagged IN (0, 1)),
    handled_at TEXT,                     -- when the therapist handled the flag
    handled_by TEXT,
    handled_how TEXT CHECK (handled_how IN ('plan_changed', 'answered')),
    created_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, reflection_id),
    CONSTRAINT reflection_child FOREIGN KEY (clinic_id, child_id) REFERENCES child (clinic_id, child_id),
    CONSTRAINT reflection_assignment FOREIGN KEY (clinic_id, child_id, assignment_id)
        REFERENCES assignment (clinic_id, child_id, assignment_id),
    CONSTRAINT reflection_author FOREIGN KEY (clinic_id, author_id) REFERENCES person (clinic_id, person_id),
    CONSTRAINT reflection_handled_by FOREIGN KEY (clinic_id, handled_by) REFERENCES person (clinic_id, person_id),
    CONSTRAINT reflection_handled CHECK ((handled_at IS NULL) = (handled_how IS NULL)
        AND (handled_at IS NULL) = (handled_by IS NULL) AND (handled_at IS NULL OR flagged = 1))
);
CREATE INDEX reflection_open_flags ON reflection (clinic_id, child_id, flagged, handled_at);

-- A conversation about one thing: a reflection, a practice log, or the
-- child as a whole (one per child). awaiting_since is set when a caregiver
-- speaks (or reflects) and cleared when the care team answers: the inbox.
CREATE TABLE feedback_thread (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    subject TEXT NOT NULL CHECK (subject IN ('reflection', 'practice_log', 'child')),
    reflection_id TEXT,                  -- set exactly for a reflection's thread
    practice_log_id TEXT,                -- set exactly for a practice log's thread
    log_author_id TEXT,                  -- who logged it (logged_by): a helper sees the threads of their own logs only
    awaiting_since TEXT,                 -- the oldest caregiver word not yet answered by the care team
    last_message_at TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, thread_id),
    CONSTRAINT feedback_thread_reflection_once UNIQUE (clinic_id, child_id, reflection_id),
    CONSTRAINT feedback_thread_log_once UNIQUE (clinic_id, child_id, practice_log_id),
    CONSTRAINT feedback_thread_child FOREIGN KEY (clinic_id, child_id) REFERENCES child (clinic_id, child_id),
    CONSTRAINT feedback_thread_reflection FOREIGN KEY (clinic_id, child_id, reflection_id)
        REFERENCES reflection (clinic_id, child_id, reflection_id),
    CONSTRAINT feedback_thread_log FOREIGN KEY (clinic_id, child_id, practice_log_id)
        REFERENCES practice_log (clinic_id, child_id, practice_log_id),
    CONSTRAINT feedback_thread_log_author FOREIGN KEY (clinic_id, log_author_id)
        REFERENCES person (clinic_id, person_id),
    CONSTRAINT feedback_thread_kind CHECK ((subject = 'reflection') = (reflection_id IS NOT NULL)
        AND (subject = 'practice_log') = (practice_log_id IS NOT NULL))
);
-- One child-level thread per child.
CREATE UNIQUE INDEX feedback_thread_one_per_child ON feedback_thread (clinic_id, child_id) WHERE subject = 'child';

CREATE TABLE feedback_message (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    message_id TEXT NOT NULL,            -- UUIDv7: time-ordered, so "after the read marker" is "newer"
    thread_id TEXT NOT NULL,
    author_id TEXT NOT NULL,
    from_team BIGINT NOT NULL CHECK (from_team IN (0, 1)), -- written by the care team (or an admin)
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, message_id),
    CONSTRAINT feedback_message_thread FOREIGN KEY (clinic_id, child_id, thread_id)
        REFERENCES feedback_thread (clinic_id, child_id, thread_id),
    CONSTRAINT feedback_message_author FOREIGN KEY (clinic_id, author_id) REFERENCES person (clinic_id, person_id)
);
CREATE INDEX feedback_message_by_thread ON feedback_message (clinic_id, child_id, thread_id, message_id);

-- How far each person has read each thread.
CREATE TABLE feedback_read (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    thread_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    read_up_to TEXT NOT NULL,            -- the newest message_id they have seen
    read_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, thread_id, person_id),
    CONSTRAINT feedback_read_thread FOREIGN KEY (clinic_id, child_id, thread_id)
        REFERENCES feedback_thread (clinic_id, child_id, thread_id),
    CONSTRAINT feedback_read_person FOREIGN KEY (clinic_id, person_id) REFERENCES person (clinic_id, person_id)
);
