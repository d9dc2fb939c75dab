package org.oversight.command.childcase;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * A child's case id. A new case gets a random (version 4) UUID, so that nobody can work out a child's id from
 * what they know of the child; one case per child is kept by {@link ChildIdentifiers} instead, and no name or
 * identifier appears in URLs or logs. Cases registered before carry a name-based UUID of the local authority and
 * its own identifier for the child, which anyone could compute: {@link #legacyId} still derives it, so that a
 * second registration of such a child is refused too.
 */
public final class ChildIds {

    private ChildIds() {
    }

    /** A new case's id. */
    public static String random() {
        return UUID.randomUUID().toString();
    }

    /**
     * An id of the same shape as {@link #random()}, drawn from {@code source}: for synthetic data that must come
     * out the same every time it is made from the same seed.
     */
    public static String drawnFrom(Random source) {
        long high = source.nextLong() & ~0xF000L | 0x4000L;
        long low = source.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    /** The id a case registered before ids became random was given: derived from the authority and identifier. */
    public static String legacyId(String localAuthority, String localIdentifier) {
        String key = "oversight-child|" + key(localAuthority) + "|" + key(localIdentifier);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * An authority code or identifier as one case holds it: trimmed and in upper case, exactly as legacy ids were
     * derived, so that both kinds of case hold the same identifiers.
     */
    public static String key(String value) {
        return value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    }
}
