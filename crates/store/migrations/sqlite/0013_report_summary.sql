-- Issue 14: the therapist's summary for a child's progress report, written
-- in the app; one per child, the latest wins.
CREATE TABLE report_summary (
    clinic_id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    summary TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (clinic_id, child_id),
    CONSTRAINT report_summary_child FOREIGN KEY (clinic_id, child_id) REFERENCES child (clinic_id, child_id),
    CONSTRAINT report_summary_updated_by FOREIGN KEY (clinic_id, updated_by) REFERENCES person (clinic_id, person_id)
);
