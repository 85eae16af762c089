-- Issue 10: what an outside security test found, and two-factor sign-in.

-- A link ends when a newer one for the same person and purpose is issued or
-- used, so an older reset link cannot undo a newer password.
ALTER TABLE invitation ADD COLUMN ended_at TEXT; -- set when a newer link of the same person and purpose was issued or used

-- Staff must pass a second factor before seeing any child's information.
-- On for every clinic (new ones by this default), off for the demo clinic.
ALTER TABLE clinic ADD COLUMN require_second_factor BIGINT NOT NULL DEFAULT 1
    CHECK (require_second_factor IN (0, 1)); -- 1: therapists and admins must enrol a second factor
UPDATE clinic SET require_second_factor = 0 WHERE is_demo = 1;

-- A session made by the password step of a person who has a second factor:
-- it opens nothing; the code step ends it and starts a full session.
ALTER TABLE login_session ADD COLUMN awaiting_code BIGINT NOT NULL DEFAULT 0
    CHECK (awaiting_code IN (0, 1)); -- 1 until the second factor is passed

-- A person's authenticator app (TOTP, RFC 6238: SHA-1, 6 digits, 30 s).
CREATE TABLE second_factor (
    clinic_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    totp_secret TEXT NOT NULL,           -- base32 shared secret; the app holds the same one
    confirmed_at TEXT,                   -- NULL while enrolment waits for a first code
    last_used_step BIGINT,               -- 30-second step of the last code accepted: that code and older ones are refused
    created_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, person_id),
    CONSTRAINT second_factor_person FOREIGN KEY (clinic_id, person_id)
        REFERENCES person (clinic_id, person_id)
);

-- One-time codes for a lost phone, shown once at enrolment.
CREATE TABLE recovery_code (
    clinic_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    code_hash TEXT NOT NULL,             -- SHA-256 of the code (80 random bits); the code itself is never stored
    used_at TEXT,                        -- a used code never works again
    PRIMARY KEY (clinic_id, person_id, code_hash),
    CONSTRAINT recovery_code_person FOREIGN KEY (clinic_id, person_id)
        REFERENCES person (clinic_id, person_id)
);

-- The audit chain's head is signed with a key kept outside the database
-- (see `carryover audit verify`); the signature covers (clinic, seq, hash).
ALTER TABLE audit_chain_head ADD COLUMN signature TEXT; -- Ed25519 over the head, hex; NULL for heads written before signing began

-- The head moves forward one row at a time, and only onto the row that is
-- there: an unchanged head (how a writer takes its turn) or seq + 1 with
-- that row's hash. A new head starts empty, for a chain without rows.
CREATE FUNCTION audit_chain_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        -- A head that exists already stops this insert at its primary key
        -- (or ON CONFLICT DO NOTHING, when two writers open a chain at once).
        IF EXISTS (SELECT 1 FROM audit_chain_head h WHERE h.clinic_id = NEW.clinic_id) THEN
            RETURN NEW;
        END IF;
        IF NEW.last_seq = 0
            AND NEW.last_hash = '0000000000000000000000000000000000000000000000000000000000000000'
            AND NOT EXISTS (SELECT 1 FROM audit_event e WHERE e.clinic_id = NEW.clinic_id) THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'an audit chain head starts empty, once';
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.clinic_id = OLD.clinic_id AND NEW.chain = OLD.chain AND (
        (NEW.last_seq = OLD.last_seq AND NEW.last_hash = OLD.last_hash)
        OR (NEW.last_seq = OLD.last_seq + 1 AND NEW.last_hash IS NOT DISTINCT FROM (
            SELECT e.row_hash FROM audit_event e WHERE e.clinic_id = NEW.clinic_id AND e.seq = NEW.last_seq))) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'an audit chain head only moves forward, one row at a time';
END;
$$;

CREATE TRIGGER audit_chain_head_forward_only BEFORE INSERT OR UPDATE OR DELETE ON audit_chain_head
    FOR EACH ROW EXECUTE FUNCTION audit_chain_head_guard();
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_refuse_change();

-- A row is appended after the head and never over another row (PostgreSQL
-- has no REPLACE; ON CONFLICT DO UPDATE meets the update trigger).
CREATE FUNCTION audit_event_guard_append() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM audit_chain_head h WHERE h.clinic_id = NEW.clinic_id
            AND NEW.seq = h.last_seq + 1 AND NEW.prev_hash = h.last_hash) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit rows are only appended after the chain head';
END;
$$;

-- The children of a list view are written with their row, never later.
CREATE FUNCTION audit_event_child_guard_append() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM audit_chain_head h WHERE h.clinic_id = NEW.clinic_id
            AND NEW.seq = h.last_seq + 1) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit rows are only appended after the chain head';
END;
$$;

CREATE TRIGGER audit_event_append_only BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_guard_append();
CREATE TRIGGER audit_event_child_append_only BEFORE INSERT ON audit_event_child
    FOR EACH ROW EXECUTE FUNCTION audit_event_child_guard_append();
