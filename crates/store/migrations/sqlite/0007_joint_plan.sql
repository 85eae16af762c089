-- The joint plan (issue 11): a household's routines, a child's goals with
-- their COPM and GAS ratings, the clinic's own strategy library, and the
-- versions of a child's plan that a family agrees to.
--
-- Rows about one child are keyed (clinic_id, child_id, <id>), and rows that
-- point at each other carry the same child_id in their foreign keys: a goal
-- of one child can never be rated, planned or assigned for another, and a
-- lookup with another child's id finds nothing.

-- A household's own routines ("walk to the bus"), and the usual time of day
-- of a standard routine (bath, bedtime, …) where the family gave one.
CREATE TABLE household_routine (
    clinic_id TEXT NOT NULL,
    household_routine_id TEXT NOT NULL,
    household_id TEXT NOT NULL,
    standard_routine TEXT,               -- code of a standard routine (waking_up, bath, …); NULL for the household's own
    name TEXT,                           -- the household's own routine, in its words; NULL for a standard one
    usual_time TEXT,                     -- HH:MM on the family's clock; NULL when not given
    created_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, household_routine_id),
    CONSTRAINT household_routine_standard_once UNIQUE (clinic_id, household_id, standard_routine),
    CONSTRAINT household_routine_household FOREIGN KEY (clinic_id, household_id)
        REFERENCES household (clinic_id, household_id),
    CONSTRAINT household_routine_kind CHECK ((standard_routine IS NULL) <> (name IS NULL))
);

-- A child's goal, in the family's own words.
CREATE TABLE goal (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    goal_id TEXT NOT NULL,
    words TEXT NOT NULL,                 -- the goal as the family says it
    area TEXT NOT NULL CHECK (area IN ('dressing', 'feeding', 'sleep', 'toileting', 'play',
        'fine_motor', 'sensory_regulation', 'transitions_behaviour', 'social_participation',
        'school_readiness', 'other')),
    status TEXT NOT NULL CHECK (status IN ('active', 'achieved', 'paused', 'discontinued')),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, goal_id),
    CONSTRAINT goal_child FOREIGN KEY (clinic_id, child_id) REFERENCES child (clinic_id, child_id),
    CONSTRAINT goal_created_by FOREIGN KEY (clinic_id, created_by) REFERENCES person (clinic_id, person_id)
);

-- One COPM rating occasion: the first rating, or a re-rating.
CREATE TABLE copm_occasion (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    copm_occasion_id TEXT NOT NULL,
    rated_on TEXT NOT NULL,              -- YYYY-MM-DD, the clinic's date of the interview
    respondent TEXT NOT NULL CHECK (respondent IN ('caregiver', 'therapist')), -- who answered
    rated_by TEXT NOT NULL,              -- the therapist who recorded it
    created_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, copm_occasion_id),
    CONSTRAINT copm_occasion_child FOREIGN KEY (clinic_id, child_id) REFERENCES child (clinic_id, child_id),
    CONSTRAINT copm_occasion_rated_by FOREIGN KEY (clinic_id, rated_by) REFERENCES person (clinic_id, person_id)
);

-- One problem (a goal) at one occasion: its importance, and for the (up to
-- five) problems rated this time, performance and satisfaction.
CREATE TABLE copm_rating (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    copm_occasion_id TEXT NOT NULL,
    goal_id TEXT NOT NULL,
    importance BIGINT NOT NULL CHECK (importance BETWEEN 1 AND 10),
    performance BIGINT CHECK (performance BETWEEN 1 AND 10),   -- NULL: not among the problems rated this time
    satisfaction BIGINT CHECK (satisfaction BETWEEN 1 AND 10), -- NULL exactly when performance is
    PRIMARY KEY (clinic_id, child_id, copm_occasion_id, goal_id),
    CONSTRAINT copm_rating_occasion FOREIGN KEY (clinic_id, child_id, copm_occasion_id)
        REFERENCES copm_occasion (clinic_id, child_id, copm_occasion_id),
    CONSTRAINT copm_rating_goal FOREIGN KEY (clinic_id, child_id, goal_id)
        REFERENCES goal (clinic_id, child_id, goal_id),
    CONSTRAINT copm_rating_both CHECK ((performance IS NULL) = (satisfaction IS NULL))
);

-- A goal's GAS scale: each level described in words, the baseline, and an
-- optional weight (importance × difficulty).
CREATE TABLE gas_scale (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    goal_id TEXT NOT NULL,
    six_level BIGINT NOT NULL CHECK (six_level IN (0, 1)), -- 1: the variant with -3, worse than baseline
    level_minus_3 TEXT,                  -- set exactly in the six-level variant
    level_minus_2 TEXT NOT NULL,
    level_minus_1 TEXT NOT NULL,
    level_0 TEXT NOT NULL,               -- the expected outcome
    level_plus_1 TEXT NOT NULL,
    level_plus_2 TEXT NOT NULL,
    baseline BIGINT NOT NULL CHECK (baseline IN (-2, -1)),
    importance BIGINT CHECK (importance BETWEEN 0 AND 3), -- NULL with difficulty: unweighted
    difficulty BIGINT CHECK (difficulty BETWEEN 0 AND 3),
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, goal_id),
    CONSTRAINT gas_scale_goal FOREIGN KEY (clinic_id, child_id, goal_id)
        REFERENCES goal (clinic_id, child_id, goal_id),
    CONSTRAINT gas_scale_updated_by FOREIGN KEY (clinic_id, updated_by) REFERENCES person (clinic_id, person_id),
    CONSTRAINT gas_scale_weight CHECK ((importance IS NULL) = (difficulty IS NULL)),
    CONSTRAINT gas_scale_minus_3 CHECK ((six_level = 1) = (level_minus_3 IS NOT NULL))
);

-- One attainment rating of a goal, by the therapist or by a guardian (kept apart).
CREATE TABLE gas_rating (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    gas_rating_id TEXT NOT NULL,
    goal_id TEXT NOT NULL,
    rated_on TEXT NOT NULL,              -- YYYY-MM-DD, the clinic's date
    level BIGINT NOT NULL CHECK (level BETWEEN -3 AND 2),
    rater TEXT NOT NULL CHECK (rater IN ('therapist', 'guardian')),
    rated_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, gas_rating_id),
    CONSTRAINT gas_rating_scale FOREIGN KEY (clinic_id, child_id, goal_id)
        REFERENCES gas_scale (clinic_id, child_id, goal_id),
    CONSTRAINT gas_rating_rated_by FOREIGN KEY (clinic_id, rated_by) REFERENCES person (clinic_id, person_id)
);
CREATE INDEX gas_rating_by_goal ON gas_rating (clinic_id, child_id, goal_id);

-- The clinic's own strategies: copied from the starter library and edited,
-- or written here. The starter library itself ships in the binary.
CREATE TABLE clinic_strategy (
    clinic_id TEXT NOT NULL,
    clinic_strategy_id TEXT NOT NULL,
    starter_slug TEXT,                   -- the starter strategy it was copied from; NULL when written here
    areas TEXT NOT NULL,                 -- area codes, separated by spaces
    age_min_months BIGINT NOT NULL,
    age_max_months BIGINT NOT NULL,
    text_en TEXT,                        -- JSON {title, why, steps, tips, signs, adaptations}; NULL when not written in English
    text_es TEXT,                        -- the same in Spanish
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, clinic_strategy_id),
    CONSTRAINT clinic_strategy_ages CHECK (age_min_months >= 0 AND age_min_months < age_max_months
        AND age_max_months <= 216),
    CONSTRAINT clinic_strategy_some_text CHECK (text_en IS NOT NULL OR text_es IS NOT NULL),
    CONSTRAINT clinic_strategy_created_by FOREIGN KEY (clinic_id, created_by) REFERENCES person (clinic_id, person_id),
    CONSTRAINT clinic_strategy_updated_by FOREIGN KEY (clinic_id, updated_by) REFERENCES person (clinic_id, person_id)
);

-- One version of a child's joint plan. Its status follows from its dates:
-- a draft until shared_at, shared until agreed_at; agreed versions never
-- change, and caregivers see the newest of them.
CREATE TABLE plan_version (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    plan_version_id TEXT NOT NULL,
    number BIGINT NOT NULL,              -- 1, 2, 3 … per child
    priorities TEXT NOT NULL DEFAULT '', -- what matters most to the family, in their words
    based_on_id TEXT,                    -- the agreed version this one was drafted from
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    shared_at TEXT,                      -- when the therapist confirmed it and shared it with the guardians
    therapist_confirmed_by TEXT,
    therapist_confirmed_at TEXT,
    guardian_confirmed_by TEXT,
    guardian_confirmed_at TEXT,
    agreed_where TEXT CHECK (agreed_where IN ('in_session', 'own_device')), -- with the guardian present, or from their own device
    agreed_at TEXT,                      -- when both had confirmed
    PRIMARY KEY (clinic_id, child_id, plan_version_id),
    CONSTRAINT plan_version_number UNIQUE (clinic_id, child_id, number),
    CONSTRAINT plan_version_child FOREIGN KEY (clinic_id, child_id) REFERENCES child (clinic_id, child_id),
    CONSTRAINT plan_version_based_on FOREIGN KEY (clinic_id, child_id, based_on_id)
        REFERENCES plan_version (clinic_id, child_id, plan_version_id),
    CONSTRAINT plan_version_created_by FOREIGN KEY (clinic_id, created_by) REFERENCES person (clinic_id, person_id),
    CONSTRAINT plan_version_therapist FOREIGN KEY (clinic_id, therapist_confirmed_by)
        REFERENCES person (clinic_id, person_id),
    CONSTRAINT plan_version_guardian FOREIGN KEY (clinic_id, guardian_confirmed_by)
        REFERENCES person (clinic_id, person_id),
    CONSTRAINT plan_version_agreed CHECK ((agreed_at IS NULL) = (agreed_where IS NULL)
        AND (agreed_at IS NULL OR (therapist_confirmed_at IS NOT NULL AND guardian_confirmed_at IS NOT NULL)))
);
-- At most one version of a child is open (not yet agreed) at a time.
CREATE UNIQUE INDEX plan_version_one_open ON plan_version (clinic_id, child_id) WHERE agreed_at IS NULL;

-- The goals a version works on.
CREATE TABLE plan_goal (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    plan_version_id TEXT NOT NULL,
    goal_id TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, plan_version_id, goal_id),
    CONSTRAINT plan_goal_version FOREIGN KEY (clinic_id, child_id, plan_version_id)
        REFERENCES plan_version (clinic_id, child_id, plan_version_id),
    CONSTRAINT plan_goal_goal FOREIGN KEY (clinic_id, child_id, goal_id)
        REFERENCES goal (clinic_id, child_id, goal_id)
);

-- The practice plan: a strategy practised in some routines, so many times a
-- week, by any caregiver or a named one, with the family's changes.
CREATE TABLE assignment (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    assignment_id TEXT NOT NULL,
    plan_version_id TEXT NOT NULL,
    position BIGINT NOT NULL,            -- order within the version
    starter_slug TEXT,                   -- the strategy: a starter one …
    clinic_strategy_id TEXT,             -- … or the clinic's own (exactly one is set)
    strategy_text TEXT NOT NULL,         -- JSON {en, es}: the strategy's text as this version uses it; editing the library never changes it
    times_per_week BIGINT NOT NULL CHECK (times_per_week BETWEEN 1 AND 14),
    practised_by TEXT,                   -- a caregiver of the household; NULL: any caregiver
    changes TEXT NOT NULL DEFAULT '',    -- the family's changes to the strategy's steps
    carried_from_id TEXT,                -- the same assignment in the version this one was drafted from
    created_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, assignment_id),
    CONSTRAINT assignment_version FOREIGN KEY (clinic_id, child_id, plan_version_id)
        REFERENCES plan_version (clinic_id, child_id, plan_version_id),
    CONSTRAINT assignment_clinic_strategy FOREIGN KEY (clinic_id, clinic_strategy_id)
        REFERENCES clinic_strategy (clinic_id, clinic_strategy_id),
    CONSTRAINT assignment_practised_by FOREIGN KEY (clinic_id, practised_by)
        REFERENCES person (clinic_id, person_id),
    CONSTRAINT assignment_carried_from FOREIGN KEY (clinic_id, child_id, carried_from_id)
        REFERENCES assignment (clinic_id, child_id, assignment_id),
    CONSTRAINT assignment_one_strategy CHECK ((starter_slug IS NULL) <> (clinic_strategy_id IS NULL))
);
CREATE INDEX assignment_by_version ON assignment (clinic_id, child_id, plan_version_id);

-- The goals an assignment works towards.
CREATE TABLE assignment_goal (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    assignment_id TEXT NOT NULL,
    goal_id TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, assignment_id, goal_id),
    CONSTRAINT assignment_goal_assignment FOREIGN KEY (clinic_id, child_id, assignment_id)
        REFERENCES assignment (clinic_id, child_id, assignment_id),
    CONSTRAINT assignment_goal_goal FOREIGN KEY (clinic_id, child_id, goal_id)
        REFERENCES goal (clinic_id, child_id, goal_id)
);

-- The routines an assignment lives in, in the order the family chose.
CREATE TABLE assignment_routine (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    assignment_id TEXT NOT NULL,
    position BIGINT NOT NULL,
    standard_routine TEXT,               -- a standard routine's code …
    household_routine_id TEXT,           -- … or one of the household's own (exactly one is set)
    PRIMARY KEY (clinic_id, child_id, assignment_id, position),
    CONSTRAINT assignment_routine_assignment FOREIGN KEY (clinic_id, child_id, assignment_id)
        REFERENCES assignment (clinic_id, child_id, assignment_id),
    CONSTRAINT assignment_routine_own FOREIGN KEY (clinic_id, household_routine_id)
        REFERENCES household_routine (clinic_id, household_routine_id),
    CONSTRAINT assignment_routine_one CHECK ((standard_routine IS NULL) <> (household_routine_id IS NULL))
);
