-- A therapist's caseload is read from their care-team rows in child order
-- (issue 15): with the child in the index, the list costs as many rows as
-- the caseload has, not as many as the clinic.
CREATE INDEX care_team_member_by_person_child ON care_team_member (clinic_id, person_id, child_id);
