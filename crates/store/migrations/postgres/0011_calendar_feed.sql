-- Issue 12 part C: each caregiver's private calendar feed. The link is
-- "<clinic id>.<secret>"; only the SHA-256 of the secret is kept, so a copy
-- of the database opens no feed. Replacing a link revokes the old one; at
-- most one live link per person.
CREATE TABLE calendar_feed (
    clinic_id TEXT NOT NULL,
    calendar_feed_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    token_hash TEXT NOT NULL,            -- SHA-256 of the secret; the secret is never stored
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    PRIMARY KEY (clinic_id, calendar_feed_id),
    CONSTRAINT calendar_feed_hash_unique UNIQUE (clinic_id, token_hash),
    CONSTRAINT calendar_feed_person FOREIGN KEY (clinic_id, person_id)
        REFERENCES person (clinic_id, person_id)
);
CREATE UNIQUE INDEX calendar_feed_one_live ON calendar_feed (clinic_id, person_id)
    WHERE revoked_at IS NULL;
