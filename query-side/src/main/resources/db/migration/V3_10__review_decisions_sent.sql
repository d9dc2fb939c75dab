-- The day a review's decisions were sent out (the decision letter), ahead of the full record.
ALTER TABLE looked_after_review ADD COLUMN decisions_sent_on DATE;
