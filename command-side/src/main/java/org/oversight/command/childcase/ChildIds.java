package org.oversight.command.childcase;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * A child's case identifier is a name-based UUID of the local authority code and the authority's own
 * identifier for the child. The same child always gets the same case, so a second registration collides in
 * the event store instead of creating a duplicate case; and no name or identifier appears in URLs or logs.
 */
public final class ChildIds {

    private ChildIds() {
    }

    public static String forLocalIdentifier(String localAuthority, String localIdentifier) {
        String key = "oversight-child|" + normalise(localAuthority) + "|" + normalise(localIdentifier);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String normalise(String value) {
        return value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    }
}
