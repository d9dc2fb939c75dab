package org.oversight.events.unlisted;

/** An event of the published language's package that was never given a revision (for the resolver's test). */
public record UnlistedEvent(String childId) {
}
