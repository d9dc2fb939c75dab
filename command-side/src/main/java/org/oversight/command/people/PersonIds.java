package org.oversight.command.people;

import org.oversight.events.StreamIds;

/** A person's changes form one stream named after their username; an authority's teams one named after its code. */
public final class PersonIds {

    private PersonIds() {
    }

    public static String personId(String username) {
        return StreamIds.PERSON + (username == null ? "" : username.strip());
    }

    public static String teamsId(String localAuthority) {
        return StreamIds.TEAMS + (localAuthority == null ? "" : localAuthority.strip());
    }
}
