package org.oversight.events.access;

/** The answer of the access rules, from the most to the least permissive. */
public enum Decision {
    /** Go ahead. */
    ALLOW,
    /** Go ahead once the person has said why; the reason is kept with the read or the decision. */
    ALLOW_WITH_REASON,
    /** Refused, and the person may know the record exists (HTTP 403). */
    FORBIDDEN,
    /** Refused as if there were no such record (HTTP 404): nothing of it, not even its existence, is shown. */
    NOT_FOUND;

    public boolean allowed() {
        return this == ALLOW || this == ALLOW_WITH_REASON;
    }

    /** The more permissive of two decisions, for a person who holds several roles. */
    public Decision or(Decision other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}
