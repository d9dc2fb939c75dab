package org.oversight.events.people;

/**
 * An administrator let a disabled person sign in again, with the roles, authorities and teams they had.
 *
 * @param username who can sign in again
 * @param reason   why, as the administrator put it
 */
public record PersonEnabled(String username, String reason) {
}
