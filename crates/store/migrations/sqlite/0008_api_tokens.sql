-- Personal access tokens for the JSON API: a person makes one on their
-- account page, sees it once, and sends it as "Authorization: Bearer …".
-- Like a session, it carries the person's own rights and no more.
CREATE TABLE api_token (
    clinic_id TEXT NOT NULL,
    api_token_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100), -- the person's label, e.g. "school report script"
    token_hash TEXT NOT NULL,            -- SHA-256 of the secret; the secret is never stored
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    last_used_at TEXT,                   -- moved at most once a minute
    revoked_at TEXT,
    PRIMARY KEY (clinic_id, api_token_id),
    CONSTRAINT api_token_hash_unique UNIQUE (clinic_id, token_hash),
    CONSTRAINT api_token_person FOREIGN KEY (clinic_id, person_id)
        REFERENCES person (clinic_id, person_id)
);
CREATE INDEX api_token_by_person ON api_token (clinic_id, person_id);
