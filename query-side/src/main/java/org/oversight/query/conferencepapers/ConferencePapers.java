package org.oversight.query.conferencepapers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.oversight.events.protection.ConferenceMinutesWritten;
import org.oversight.events.protection.ConferencePaper;
import org.oversight.events.protection.ConferencePaperSent;

/**
 * A child's conference papers as recorded: which paper of which conference went when, and the chair's latest
 * narrative of each conference (its reference and digest; the words stay in the narrative store).
 */
public record ConferencePapers(List<Sent> sent, List<Minutes> minutes) {

    public ConferencePapers {
        sent = List.copyOf(sent);
        minutes = List.copyOf(minutes);
    }

    public record Sent(String conferenceId, ConferencePaper paper, LocalDate sentOn) {
    }

    public record Minutes(String conferenceId, String narrativeId, String narrativeSha256, int passages,
            int withheldPassages, String chairId) {
    }

    public static ConferencePapers none() {
        return new ConferencePapers(List.of(), List.of());
    }

    /** The day the paper of the conference was sent, if it was. */
    public Optional<LocalDate> sentOn(String conferenceId, ConferencePaper paper) {
        return sent.stream().filter(s -> s.conferenceId().equals(conferenceId) && s.paper() == paper)
                .map(Sent::sentOn).findFirst();
    }

    public Optional<Minutes> minutesOf(String conferenceId) {
        return minutes.stream().filter(m -> m.conferenceId().equals(conferenceId)).findFirst();
    }

    /**
     * The same record folded from a child's events in the order they were stored, as the as-at view builds it:
     * a later narrative of a conference replaces the earlier one, as the projection's upsert does.
     */
    public static ConferencePapers fold(List<?> payloads) {
        List<Sent> sent = new ArrayList<>();
        List<Minutes> minutes = new ArrayList<>();
        for (Object payload : payloads) {
            if (payload instanceof ConferencePaperSent e) {
                sent.add(new Sent(e.conferenceId(), e.paper(), e.sentOn()));
            } else if (payload instanceof ConferenceMinutesWritten e) {
                minutes.removeIf(m -> m.conferenceId().equals(e.conferenceId()));
                minutes.add(new Minutes(e.conferenceId(), e.narrativeId(), e.narrativeSha256(), e.passages(),
                        e.withheldPassages(), e.chairId()));
            }
        }
        return new ConferencePapers(sent, minutes);
    }
}
