-- When a looked-after child who is a mother gave birth to her own child (MothersChildBirthRecorded), for the
-- SSDA903 header's MC_DOB; kept with her other characteristics by the same projection.
ALTER TABLE characteristics_child ADD COLUMN mothers_child_born_on DATE;
