-- A conference known only from a statutory return (the CIN census) is held for every clock, but its quoracy is not
-- known: the column says so with no value rather than a false one, and the return it came from is kept to label it.
ALTER TABLE protection_conference ALTER COLUMN quorate DROP NOT NULL;
ALTER TABLE protection_conference ADD COLUMN reported_in TEXT;
