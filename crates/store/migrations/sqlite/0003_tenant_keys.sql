-- SQLite checks foreign keys at commit, not while the tables are swapped.
PRAGMA defer_foreign_keys = ON;

-- Tenant-ready keys. Every table that holds a clinic's data gets clinic_id
-- leading its primary key, and every foreign key between such tables carries
-- clinic_id too, so that a clinic's rows can live together on one node of a
-- distributed PostgreSQL (Citus: create_distributed_table(…, 'clinic_id')).
-- Sign-in needs one lookup before the clinic is known: sign_in_email, a
-- global table. The tables are rebuilt: their data is kept.

CREATE TEMP TABLE keep_person AS SELECT * FROM person;
CREATE TEMP TABLE keep_household AS SELECT * FROM household;
CREATE TEMP TABLE keep_household_member AS SELECT * FROM household_member;
CREATE TEMP TABLE keep_child AS SELECT * FROM child;
CREATE TEMP TABLE keep_care_team_member AS SELECT * FROM care_team_member;
CREATE TEMP TABLE keep_login_session AS SELECT * FROM login_session;
CREATE TEMP TABLE keep_invitation AS SELECT * FROM invitation;
CREATE TEMP TABLE keep_audit_event AS SELECT * FROM audit_event;
CREATE TEMP TABLE keep_audit_chain_head AS SELECT * FROM audit_chain_head;

DROP TABLE audit_chain_head;
DROP TABLE audit_event;
DROP TABLE invitation;
DROP TABLE login_session;
DROP TABLE care_team_member;
DROP TABLE child;
DROP TABLE household_member;
DROP TABLE household;
DROP TABLE person;

-- Anyone who signs in: clinic staff and caregivers. Children never sign in.
-- A parent seen by two clinics has one person row, and one address, at each.
CREATE TABLE person (
    clinic_id TEXT NOT NULL REFERENCES clinic (clinic_id),
    person_id TEXT NOT NULL,             -- UUIDv7, text
    email TEXT NOT NULL,                 -- trimmed, lower-case
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'therapist', 'caregiver')),
    password_hash TEXT,                  -- Argon2id PHC string; NULL until the invitation is accepted
    lang TEXT NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'es')),
    is_active BIGINT NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1)), -- 0 once deactivated
    created_at TEXT NOT NULL,            -- UTC, fixed-width text (see time_text.rs)
    PRIMARY KEY (clinic_id, person_id),
    CONSTRAINT person_email_unique UNIQUE (clinic_id, email)
);

-- The one lookup made before the clinic is known: which account signs in
-- with an address. An address appears here once, for the clinic whose
-- invitation claimed it first; another clinic's person with the same
-- address is asked to pick another one when they accept their invitation.
CREATE TABLE sign_in_email (
    email TEXT PRIMARY KEY,
    clinic_id TEXT NOT NULL,
    person_id TEXT NOT NULL
);

CREATE TABLE household (
    clinic_id TEXT NOT NULL REFERENCES clinic (clinic_id),
    household_id TEXT NOT NULL,
    name TEXT NOT NULL,                  -- how the clinic calls the family, e.g. "Rivera family"
    created_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, household_id)
);

-- A caregiver's place in a household; one caregiver may be in several.
CREATE TABLE household_member (
    clinic_id TEXT NOT NULL,
    household_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    relationship TEXT NOT NULL CHECK (relationship IN
        ('mother', 'father', 'grandparent', 'nanny', 'daycare_teacher', 'other')),
    access TEXT NOT NULL CHECK (access IN ('guardian', 'helper')),
    created_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, household_id, person_id),
    CONSTRAINT household_member_household FOREIGN KEY (clinic_id, household_id)
        REFERENCES household (clinic_id, household_id),
    CONSTRAINT household_member_person FOREIGN KEY (clinic_id, person_id)
        REFERENCES person (clinic_id, person_id)
);
CREATE INDEX household_member_by_person ON household_member (clinic_id, person_id);

CREATE TABLE child (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    household_id TEXT NOT NULL,
    preferred_name TEXT NOT NULL,
    date_of_birth TEXT,                  -- YYYY-MM-DD, optional
    home_languages TEXT NOT NULL DEFAULT '', -- free text, e.g. "Spanish, English"
    notes TEXT NOT NULL DEFAULT '',      -- guardians and the care team only
    created_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id),
    CONSTRAINT child_household FOREIGN KEY (clinic_id, household_id)
        REFERENCES household (clinic_id, household_id)
);
CREATE INDEX child_by_household ON child (clinic_id, household_id);

-- The therapists who work with a child; one of them is primary.
CREATE TABLE care_team_member (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    is_primary BIGINT NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
    created_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id, person_id),
    CONSTRAINT care_team_member_child FOREIGN KEY (clinic_id, child_id)
        REFERENCES child (clinic_id, child_id),
    CONSTRAINT care_team_member_person FOREIGN KEY (clinic_id, person_id)
        REFERENCES person (clinic_id, person_id)
);
CREATE INDEX care_team_member_by_person ON care_team_member (clinic_id, person_id);

-- Server-side sessions. The cookie carries the clinic id beside the secret,
-- so the lookup goes to one clinic's rows.
CREATE TABLE login_session (
    clinic_id TEXT NOT NULL,
    token_hash TEXT NOT NULL,            -- SHA-256 of the cookie's secret; the secret is never stored
    person_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,          -- moved at most once a minute
    ended_at TEXT,                       -- set by sign-out, password change, deactivation
    PRIMARY KEY (clinic_id, token_hash),
    CONSTRAINT login_session_person FOREIGN KEY (clinic_id, person_id)
        REFERENCES person (clinic_id, person_id)
);
CREATE INDEX login_session_by_person ON login_session (clinic_id, person_id);

-- Single-use links to join (set a first password) or to reset a password.
-- The link carries the clinic id beside the secret.
CREATE TABLE invitation (
    clinic_id TEXT NOT NULL,
    invitation_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    token_hash TEXT NOT NULL,            -- SHA-256 of the secret in the link
    purpose TEXT NOT NULL CHECK (purpose IN ('join', 'reset')),
    created_by TEXT,                     -- a person of the clinic; NULL when made on the command line
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT,
    PRIMARY KEY (clinic_id, invitation_id),
    CONSTRAINT invitation_token_unique UNIQUE (clinic_id, token_hash),
    CONSTRAINT invitation_person FOREIGN KEY (clinic_id, person_id)
        REFERENCES person (clinic_id, person_id),
    CONSTRAINT invitation_created_by FOREIGN KEY (clinic_id, created_by)
        REFERENCES person (clinic_id, person_id)
);
CREATE INDEX invitation_by_person ON invitation (clinic_id, person_id);

-- One row per read or write of a child's information, and per sign-in.
-- IDs only, never note text. Each clinic's rows form one hash chain; rows
-- of sign-ins with unknown addresses form the 'system' chain, filed under
-- the nil clinic id. Rows can be neither changed nor removed (triggers).
CREATE TABLE audit_event (
    clinic_id TEXT NOT NULL,             -- the clinic, or 00000000-0000-0000-0000-000000000000 for 'system'
    seq BIGINT NOT NULL,                 -- 1, 2, 3 … within the chain
    audit_event_id TEXT NOT NULL,
    chain TEXT NOT NULL,                 -- the clinic id as text, or 'system'; hashed as written
    occurred_at TEXT NOT NULL,
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
    PRIMARY KEY (clinic_id, seq),
    CONSTRAINT audit_event_id_unique UNIQUE (clinic_id, audit_event_id)
);
CREATE INDEX audit_event_by_child ON audit_event (clinic_id, child_id);
CREATE INDEX audit_event_by_actor ON audit_event (clinic_id, actor_id);

-- The children a list view showed (a therapist's caseload, say): one chained
-- row for the view, and its children here, so that "who accessed this
-- child" finds list views too. The chained row's hash covers these ids.
CREATE TABLE audit_event_child (
    clinic_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    child_id TEXT NOT NULL,
    PRIMARY KEY (clinic_id, seq, child_id),
    CONSTRAINT audit_event_child_event FOREIGN KEY (clinic_id, seq)
        REFERENCES audit_event (clinic_id, seq)
);
CREATE INDEX audit_event_child_by_child ON audit_event_child (clinic_id, child_id);

-- The newest row of each chain, locked by each writer in turn.
CREATE TABLE audit_chain_head (
    clinic_id TEXT PRIMARY KEY,          -- as in audit_event
    chain TEXT NOT NULL,
    last_seq BIGINT NOT NULL,
    last_hash TEXT NOT NULL
);

INSERT INTO person (clinic_id, person_id, email, display_name, role, password_hash, lang, is_active, created_at)
    SELECT clinic_id, person_id, email, display_name, role, password_hash, lang, is_active, created_at FROM keep_person;
INSERT INTO sign_in_email (email, clinic_id, person_id)
    SELECT email, clinic_id, person_id FROM keep_person;
INSERT INTO household (clinic_id, household_id, name, created_at)
    SELECT clinic_id, household_id, name, created_at FROM keep_household;
INSERT INTO household_member (clinic_id, household_id, person_id, relationship, access, created_at)
    SELECT clinic_id, household_id, person_id, relationship, access, created_at FROM keep_household_member;
INSERT INTO child (clinic_id, child_id, household_id, preferred_name, date_of_birth, home_languages, notes, created_at)
    SELECT clinic_id, child_id, household_id, preferred_name, date_of_birth, home_languages, notes, created_at FROM keep_child;
INSERT INTO care_team_member (clinic_id, child_id, person_id, is_primary, created_at)
    SELECT clinic_id, child_id, person_id, is_primary, created_at FROM keep_care_team_member;
INSERT INTO login_session (clinic_id, token_hash, person_id, created_at, last_seen_at, ended_at)
    SELECT clinic_id, token_hash, person_id, created_at, last_seen_at, ended_at FROM keep_login_session;
INSERT INTO invitation (clinic_id, invitation_id, person_id, token_hash, purpose, created_by, created_at, expires_at, used_at)
    SELECT clinic_id, invitation_id, person_id, token_hash, purpose, created_by, created_at, expires_at, used_at FROM keep_invitation;
INSERT INTO audit_event (clinic_id, seq, audit_event_id, chain, occurred_at, actor_id, actor_role, action,
        resource_type, resource_id, child_id, outcome, request_id, client_addr, prev_hash, row_hash)
    SELECT COALESCE(clinic_id, '00000000-0000-0000-0000-000000000000'), seq, audit_event_id, chain, occurred_at,
        actor_id, actor_role, action, resource_type, resource_id, child_id, outcome, request_id, client_addr,
        prev_hash, row_hash FROM keep_audit_event;
INSERT INTO audit_chain_head (clinic_id, chain, last_seq, last_hash)
    SELECT CASE WHEN chain = 'system' THEN '00000000-0000-0000-0000-000000000000' ELSE chain END,
        chain, last_seq, last_hash FROM keep_audit_chain_head;

DROP TABLE keep_person;
DROP TABLE keep_household;
DROP TABLE keep_household_member;
DROP TABLE keep_child;
DROP TABLE keep_care_team_member;
DROP TABLE keep_login_session;
DROP TABLE keep_invitation;
DROP TABLE keep_audit_event;
DROP TABLE keep_audit_chain_head;

CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit rows cannot be changed');
END;

CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit rows cannot be removed');
END;

CREATE TRIGGER audit_event_child_no_update BEFORE UPDATE ON audit_event_child
BEGIN
    SELECT RAISE(ABORT, 'audit rows cannot be changed');
END;

CREATE TRIGGER audit_event_child_no_delete BEFORE DELETE ON audit_event_child
BEGIN
    SELECT RAISE(ABORT, 'audit rows cannot be removed');
END;
