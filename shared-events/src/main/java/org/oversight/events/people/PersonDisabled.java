package org.oversight.events.people;

/**
 * An administrator stopped a person signing in (they left, or are away); everything they recorded stays theirs.
 *
 * @param username who can no longer sign in
 * @param reason   why, as the administrator put it
 */
public record PersonDisabled(String username, String reason) {
}
