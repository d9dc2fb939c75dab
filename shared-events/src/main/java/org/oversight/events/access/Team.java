package org.oversight.events.access;

/** A team within a local authority; two authorities may each have a team of the same name. */
public record Team(String localAuthority, String name) {
}
