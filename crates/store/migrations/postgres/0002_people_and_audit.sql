-- People, households and children; sign-in; and the audit trail.

-- Anyone who signs in: clinic staff and caregivers. Children never sign in.
CREATE TABLE person (
    person_id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL REFERENCES clinic (clinic_id),
    email TEXT NOT NULL,                 -- trimmed, lower-case; one account per address
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'therapist', 'caregiver')),
    password_hash TEXT,                  -- Argon2id PHC string; NULL until the invitation is accepted
    lang TEXT NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'es')),
    is_active BIGINT NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)), -- 0 once deactivated
    created_at TEXT NOT NULL,
    CONSTRAINT person_email_unique UNIQUE (email)
);
CREATE INDEX person_clinic ON person (clinic_id);

CREATE TABLE household (
    household_id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL REFERENCES clinic (clinic_id),
    name TEXT NOT NULL,                  -- how the clinic calls the family, e.g. "Rivera family"
    created_at TEXT NOT NULL
);
CREATE INDEX household_clinic ON household (clinic_id);

-- A caregiver's place in a household; one caregiver may be in several.
CREATE TABLE household_member (
    household_id TEXT NOT NULL REFERENCES household (household_id),
    person_id TEXT NOT NULL REFERENCES person (person_id),
    clinic_id TEXT NOT NULL REFERENCES clinic (clinic_id),
    relationship TEXT NOT NULL CHECK (relationship IN
        ('mother', 'father', 'grandparent', 'nanny', 'daycare_teacher', 'other')),
    access TEXT NOT NULL CHECK (access IN ('guardian', 'helper')),
    created_at TEXT NOT NULL,
    PRIMARY KEY (household_id, person_id)
);
CREATE INDEX household_member_person ON household_member (person_id);

CREATE TABLE child (
    child_id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL REFERENCES clinic (clinic_id),
    household_id TEXT NOT NULL REFERENCES household (household_id),
    preferred_name TEXT NOT NULL,
    date_of_birth TEXT,                  -- YYYY-MM-DD, optional
    home_languages TEXT NOT NULL DEFAULT '', -- free text, e.g. "Spanish, English"
    notes TEXT NOT NULL DEFAULT '',      -- guardians and the care team only
    created_at TEXT NOT NULL
);
CREATE INDEX child_household ON child (household_id);
CREATE INDEX child_clinic ON child (clinic_id);

-- The therapists who work with a child; one of them is primary.
CREATE TABLE care_team_member (
    child_id TEXT NOT NULL REFERENCES child (child_id),
    person_id TEXT NOT NULL REFERENCES person (person_id),
    clinic_id TEXT NOT NULL REFERENCES clinic (clinic_id),
    is_primary BIGINT NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    created_at TEXT NOT NULL,
    PRIMARY KEY (child_id, person_id)
);
CREATE INDEX care_team_member_person ON care_team_member (person_id);

-- Server-side sessions, so that any process on a shared PostgreSQL accepts them.
CREATE TABLE login_session (
    token_hash TEXT PRIMARY KEY,         -- SHA-256 of the cookie value; the value itself is never stored
    person_id TEXT NOT NULL REFERENCES person (person_id),
    clinic_id TEXT NOT NULL REFERENCES clinic (clinic_id),
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,          -- moved at most once a minute
    ended_at TEXT                        -- set by sign-out, password change, deactivation
);
CREATE INDEX login_session_person ON login_session (person_id);

-- Single-use links to join (set a first password) or to reset a password.
CREATE TABLE invitation (
    invitation_id TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL REFERENCES clinic (clinic_id),
    person_id TEXT NOT NULL REFERENCES person (person_id),
    token_hash TEXT NOT NULL,            -- SHA-256 of the token in the link
    purpose TEXT NOT NULL CHECK (purpose IN ('join', 'reset')),
    created_by TEXT REFERENCES person (person_id), -- NULL when made on the command line
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    CONSTRAINT invitation_token_unique UNIQUE (token_hash)
);
CREATE INDEX invitation_person ON invitation (person_id);

-- Failed sign-ins, per account (by email, known or not) and per client address.
CREATE TABLE sign_in_throttle (
    throttle_key TEXT PRIMARY KEY,       -- 'account:<email>' or 'address:<ip>'
    failures BIGINT NOT NULL,
    window_started_at TEXT NOT NULL,
    blocked_until TEXT
);

-- One row per read or write of a child's information, and per sign-in.
-- IDs only, never note text. Rows are chained by hash per clinic and can be
-- neither changed nor removed (triggers below).
CREATE TABLE audit_event (
    audit_event_id TEXT PRIMARY KEY,
    chain TEXT NOT NULL,                 -- the clinic id, or 'system' for sign-ins of unknown addresses
    seq BIGINT NOT NULL,                 -- 1, 2, 3 … within the chain
    occurred_at TEXT NOT NULL,
    clinic_id TEXT,
    actor_id TEXT,                       -- person id; NULL when nobody is signed in
    actor_role TEXT,
    action TEXT NOT NULL,                -- view, list, create, update, delete, export, sign_in, failed_sign_in, sign_out, denied
    resource_type TEXT NOT NULL,         -- child, household, person, audit_log, session …
    resource_id TEXT,
    child_id TEXT,
    outcome TEXT NOT NULL CHECK (outcome IN ('success', 'denied', 'failure')),
    request_id TEXT,
    client_addr TEXT,
    prev_hash TEXT NOT NULL,             -- row_hash of seq - 1 (zeros for the first row)
    row_hash TEXT NOT NULL,              -- SHA-256 over prev_hash and every field above
    CONSTRAINT audit_event_chain_seq UNIQUE (chain, seq)
);
CREATE INDEX audit_event_child ON audit_event (child_id);
CREATE INDEX audit_event_actor ON audit_event (actor_id);

-- The newest row of each chain, locked by each writer in turn.
CREATE TABLE audit_chain_head (
    chain TEXT PRIMARY KEY,
    last_seq BIGINT NOT NULL,
    last_hash TEXT NOT NULL
);

CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit rows cannot be changed or removed';
END;
$$;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();

CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();
