-- Failed attempts to sign in with a password, counted per account name as typed, so that guessing a password is
-- slowed to a handful of tries per quarter of an hour and an account under attack is locked for a while. Names
-- that match no account are counted too: the answer must not tell which accounts exist. The name is kept only
-- as a SHA-256 digest of its lower-case form, since a mistyped username may be someone's name or e-mail address.
CREATE TABLE sign_in_attempt (
    account_digest  CHAR(64)    PRIMARY KEY,
    failures        INTEGER     NOT NULL,
    first_failed_at TIMESTAMPTZ NOT NULL,
    locked_until    TIMESTAMPTZ
);
