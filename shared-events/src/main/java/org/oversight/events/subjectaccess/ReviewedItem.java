package org.oversight.events.subjectaccess;

/**
 * One piece of other people's information in a copy, as the person preparing it decided: released or withheld,
 * and why. Named by its key (derived from the information, which the event does not repeat) and by whose it is.
 */
public record ReviewedItem(String key, Whose whose, boolean released, String reason) {
}
