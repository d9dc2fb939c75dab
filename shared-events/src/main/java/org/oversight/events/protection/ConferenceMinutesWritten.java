package org.oversight.events.protection;

import org.oversight.events.fields.FieldRule;

/**
 * The chair wrote (or rewrote) the summary and analysis of a conference for its letter and minutes. The words
 * themselves are kept outside the event, in the narrative store, encrypted under the child's key: the event holds
 * only the narrative's reference and the SHA-256 digest of what was kept, so that the narrative can be redacted
 * or destroyed while every seal of the history still verifies, and a narrative altered in the store is told apart.
 *
 * @param childId          the child ({@link FieldRule#IDENTIFIER})
 * @param conferenceId     the conference ({@link FieldRule#IDENTIFIER})
 * @param narrativeId      the narrative in the store ({@link FieldRule#IDENTIFIER})
 * @param narrativeSha256  the digest of the narrative as kept, in hexadecimal ({@link FieldRule#CODE})
 * @param passages         how many passages of analysis the minutes hold
 * @param withheldPassages how many of them the chair withheld from the parents' minutes
 * @param chairId          the chair who wrote it ({@link FieldRule#USERNAME})
 */
public record ConferenceMinutesWritten(
        String childId,
        String conferenceId,
        String narrativeId,
        String narrativeSha256,
        int passages,
        int withheldPassages,
        String chairId) {
}
