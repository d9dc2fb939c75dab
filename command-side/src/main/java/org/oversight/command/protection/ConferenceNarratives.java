package org.oversight.command.protection;

/**
 * Where the chair's narrative of a conference is kept, outside the events: in the service's narrative store,
 * encrypted under the child's data key, so that it can be redacted or destroyed without touching a sealed event.
 * Written in the transaction of the command that records it, so a refused or failed command keeps nothing.
 */
public interface ConferenceNarratives {

    /**
     * Keeps the narrative's bytes (its JSON) for the child under {@code narrativeId}; the same id again is the same
     * narrative again, and is kept once.
     *
     * @throws IllegalStateException when the child's record has been destroyed
     */
    void keep(String childId, String conferenceId, String narrativeId, byte[] narrative);
}
