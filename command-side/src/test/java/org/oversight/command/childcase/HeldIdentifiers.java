package org.oversight.command.childcase;

import java.util.HashMap;
import java.util.Map;

/** Identifiers held by cases, in memory: what {@code child_identifier} holds in the service. */
public final class HeldIdentifiers implements ChildIdentifiers {

    private final Map<String, String> held = new HashMap<>();

    @Override
    public boolean claim(String localAuthority, String localIdentifier, String childId) {
        return held.putIfAbsent(ChildIds.key(localAuthority) + "|" + ChildIds.key(localIdentifier), childId) == null;
    }

    /** The case holding the identifier, or null. */
    public String holder(String localAuthority, String localIdentifier) {
        return held.get(ChildIds.key(localAuthority) + "|" + ChildIds.key(localIdentifier));
    }
}
