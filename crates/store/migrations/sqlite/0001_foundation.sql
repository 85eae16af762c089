-- The tenant. Every table that holds a clinic's data carries clinic_id, and
-- every query filters by it.
CREATE TABLE clinic (
    clinic_id TEXT PRIMARY KEY,          -- UUIDv7, text
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    is_demo BIGINT NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)), -- filled by `serve --demo`
    created_at TEXT NOT NULL             -- UTC, fixed-width text (see time_text.rs)
);

-- At most one demo clinic, even when two processes start with --demo at once.
CREATE UNIQUE INDEX clinic_one_demo ON clinic (is_demo) WHERE is_demo = 1;
