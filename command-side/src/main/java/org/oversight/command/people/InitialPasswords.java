package org.oversight.command.people;

/**
 * Sets the first password of a person just added, in the transaction that adds them. A password is never an
 * event: it is kept, hashed, beside the account and nowhere else.
 */
public interface InitialPasswords {

    /** Hashes and keeps {@code password} for a person who has none yet. */
    void set(String username, String password);
}
