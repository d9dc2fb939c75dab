package org.oversight.query.conferencepapers;

import java.util.Optional;

/**
 * The chairs' narratives as the narrative store keeps them (outside the events, encrypted under the child's key):
 * read only to make a document, never copied into a projection.
 */
public interface KeptNarratives {

    /**
     * The narrative's bytes (its JSON); empty once it, or the child's record, is destroyed.
     *
     * @throws Unreadable when what is kept no longer opens with the child's key (altered behind the service's back)
     */
    Optional<byte[]> read(String childId, String narrativeId);

    /** What is kept no longer opens: it says nothing of the content, nor of the key. */
    final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unreadable(Throwable cause) {
            super("A kept narrative could not be opened with its key", cause);
        }
    }
}
