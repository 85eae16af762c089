-- The people side of a child's record: details that can be changed (and by
-- whom, last), discharge and re-admission, one primary therapist, and the
-- clinic's settings for what happens after discharge.

-- Languages at home become a list of codes chosen from a list (ISO 639-1 where
-- one exists, else ISO 639-2/3: 'hmn' Hmong, 'ase' American Sign Language),
-- comma-separated, e.g. 'es,en'; each reader sees the names in their own
-- language. Free text written before is matched by the names it contains, in
-- English or Spanish. Text that names no language on the list is not lost:
-- it is added to the child's notes, for the care team to read and redo.
CREATE TEMP TABLE language_codes AS SELECT clinic_id, child_id, home_languages AS old_text,
    SUBSTR(
            CASE WHEN LOWER(home_languages) LIKE '%english%' OR LOWER(home_languages) LIKE '%inglés%' OR LOWER(home_languages) LIKE '%ingles%' THEN ',en' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%spanish%' OR LOWER(home_languages) LIKE '%español%' OR LOWER(home_languages) LIKE '%espanol%' THEN ',es' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%chinese%' OR LOWER(home_languages) LIKE '%mandarin%' OR LOWER(home_languages) LIKE '%cantonese%' OR LOWER(home_languages) LIKE '%chino%' OR LOWER(home_languages) LIKE '%mandarín%' OR LOWER(home_languages) LIKE '%cantonés%' THEN ',zh' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%vietnam%' THEN ',vi' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%arabic%' OR LOWER(home_languages) LIKE '%árabe%' OR LOWER(home_languages) LIKE '%arabe%' THEN ',ar' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%somali%' OR LOWER(home_languages) LIKE '%somalí%' THEN ',so' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%haitian%' OR LOWER(home_languages) LIKE '%creole%' OR LOWER(home_languages) LIKE '%criollo%' OR LOWER(home_languages) LIKE '%kreyol%' OR LOWER(home_languages) LIKE '%kreyòl%' THEN ',ht' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%portugu%' THEN ',pt' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%french%' OR LOWER(home_languages) LIKE '%francés%' OR LOWER(home_languages) LIKE '%frances%' THEN ',fr' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%russian%' OR LOWER(home_languages) LIKE '%ruso%' THEN ',ru' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%korean%' OR LOWER(home_languages) LIKE '%coreano%' THEN ',ko' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%tagalog%' OR LOWER(home_languages) LIKE '%filipino%' THEN ',tl' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%hindi%' THEN ',hi' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%urdu%' THEN ',ur' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%bengali%' OR LOWER(home_languages) LIKE '%bangla%' THEN ',bn' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%persian%' OR LOWER(home_languages) LIKE '%farsi%' OR LOWER(home_languages) LIKE '%persa%' THEN ',fa' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%pashto%' THEN ',ps' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%swahili%' OR LOWER(home_languages) LIKE '%suajili%' THEN ',sw' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%amharic%' OR LOWER(home_languages) LIKE '%amárico%' THEN ',am' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%nepali%' OR LOWER(home_languages) LIKE '%nepalí%' THEN ',ne' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%burmese%' OR LOWER(home_languages) LIKE '%birmano%' THEN ',my' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%ukrainian%' OR LOWER(home_languages) LIKE '%ucraniano%' THEN ',uk' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%polish%' OR LOWER(home_languages) LIKE '%polaco%' THEN ',pl' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%japanese%' OR LOWER(home_languages) LIKE '%japonés%' THEN ',ja' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%german%' OR LOWER(home_languages) LIKE '%alemán%' OR LOWER(home_languages) LIKE '%aleman%' THEN ',de' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%hmong%' THEN ',hmn' ELSE '' END ||
            CASE WHEN LOWER(home_languages) LIKE '%sign language%' OR LOWER(home_languages) LIKE '%asl%' OR LOWER(home_languages) LIKE '%señas%' THEN ',ase' ELSE '' END,
        2) AS codes
    FROM child;
UPDATE child SET notes = CASE WHEN notes = '' THEN '' ELSE notes || '

' END
        || 'Languages at home, as written before the list: '
        || (SELECT l.old_text FROM language_codes l WHERE l.clinic_id = child.clinic_id AND l.child_id = child.child_id)
    WHERE TRIM(home_languages) <> ''
      AND (SELECT l.codes FROM language_codes l WHERE l.clinic_id = child.clinic_id AND l.child_id = child.child_id) = '';
UPDATE child SET home_languages =
    (SELECT l.codes FROM language_codes l WHERE l.clinic_id = child.clinic_id AND l.child_id = child.child_id);
DROP TABLE language_codes;

-- Who changed a child's details last, and when; shown on the child's page.
ALTER TABLE child ADD COLUMN updated_at TEXT;  -- NULL until the details are first changed after the family was added
ALTER TABLE child ADD COLUMN updated_by TEXT;  -- the person id of that change (people are never deleted)

-- Discharge. A discharged child's record is read-only for everyone; the
-- guardians keep reading it for the clinic's guardian_read_days, and the
-- record is purged retention_years after the discharge date.
ALTER TABLE child ADD COLUMN discharged_on TEXT; -- YYYY-MM-DD on the clinic's calendar; NULL while the child is seen
ALTER TABLE child ADD COLUMN discharge_reason TEXT
    CHECK (discharge_reason IN ('goals_met', 'moved', 'family_choice', 'transferred', 'no_coverage', 'other'));
ALTER TABLE child ADD COLUMN discharge_note TEXT NOT NULL DEFAULT ''; -- the care team's words; guardians and the care team only
ALTER TABLE child ADD COLUMN discharged_by TEXT; -- the person id of whoever recorded the discharge

-- One primary therapist per child at most.
CREATE UNIQUE INDEX care_team_one_primary ON care_team_member (clinic_id, child_id) WHERE is_primary = 1;

ALTER TABLE clinic ADD COLUMN guardian_read_days BIGINT NOT NULL DEFAULT 90
    CHECK (guardian_read_days BETWEEN 0 AND 3650); -- days after discharge that guardians may still read the record
ALTER TABLE clinic ADD COLUMN retention_years BIGINT NOT NULL DEFAULT 7
    CHECK (retention_years BETWEEN 1 AND 100); -- years after discharge that the record is kept, then purged
