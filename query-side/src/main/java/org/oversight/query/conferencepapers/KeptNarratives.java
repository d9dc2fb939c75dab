package org.oversight.query.conferencepapers;

import java.util.Optional;

/**
 * The chairs' narratives as the narrative store keeps them (outside the events, encrypted under the child's key):
 * read only to make a document, never copied into a projection.
 */
public interface KeptNarratives {

    /** The narrative's bytes (its JSON); empty once it, or the child's record, is destroyed. */
    Optional<byte[]> read(String childId, String narrativeId);
}
