-- Whether the IRO spoke to the child in private before the review (reg 36 of SI 2010/959), from revision 2 of
-- ChildConsultedBeforeReview. Every row already here came from a consultation stored before the question was
-- asked, which the event store reads as NOT_ASKED_WHEN_RECORDED: the same value, so a replay rewrites the same rows.
ALTER TABLE looked_after_consultation
    ADD COLUMN private_conversation TEXT NOT NULL DEFAULT 'NOT_ASKED_WHEN_RECORDED';
ALTER TABLE looked_after_consultation ALTER COLUMN private_conversation DROP DEFAULT;
