-- Settings each clinic chooses for itself (the admin's settings page).
ALTER TABLE clinic ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC'; -- IANA name: "today" and weeks are counted there
ALTER TABLE clinic ADD COLUMN copm_threshold BIGINT NOT NULL DEFAULT 2
    CHECK (copm_threshold BETWEEN 1 AND 9); -- a COPM change of at least this much is clinically important
