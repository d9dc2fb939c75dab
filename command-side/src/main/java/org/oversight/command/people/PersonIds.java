package org.oversight.command.people;

/** A person's changes form one stream named after their username; an authority's teams one named after its code. */
public final class PersonIds {

    private PersonIds() {
    }

    public static String personId(String username) {
        return "person-" + (username == null ? "" : username.strip());
    }

    public static String teamsId(String localAuthority) {
        return "teams-" + (localAuthority == null ? "" : localAuthority.strip());
    }
}
