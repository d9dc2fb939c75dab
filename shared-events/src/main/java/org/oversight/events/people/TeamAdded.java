package org.oversight.events.people;

/**
 * An administrator added a team to a local authority, so that people of that authority can be placed in it.
 *
 * @param localAuthority the code of the authority the team belongs to
 * @param name           the team's name, unique within the authority
 * @param reason         why, as the administrator put it
 */
public record TeamAdded(String localAuthority, String name, String reason) {
}
