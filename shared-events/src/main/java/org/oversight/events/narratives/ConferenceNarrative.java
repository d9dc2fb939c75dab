package org.oversight.events.narratives;

import org.oversight.events.protection.ConferenceMinutesWritten;

import java.util.List;

/**
 * The chair's own words about a conference: a summary, read in the outcome letter and in both versions of the
 * minutes, and the passages of analysis in the minutes, each marked whether it is withheld from the parents'
 * version (third parties' information). Never an event: it is kept in the narrative store, encrypted under the
 * child's key, and named by {@link ConferenceMinutesWritten} with its digest.
 */
public record ConferenceNarrative(String summary, List<Passage> passages) {

    public ConferenceNarrative {
        passages = passages == null ? List.of() : List.copyOf(passages);
    }

    /** One passage of the minutes' analysis. */
    public record Passage(String text, boolean withheldFromParents) {
    }

    public int withheld() {
        return (int) passages.stream().filter(Passage::withheldFromParents).count();
    }
}
