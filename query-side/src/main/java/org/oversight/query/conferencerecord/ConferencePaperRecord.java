package org.oversight.query.conferencerecord;

import org.oversight.query.conferencepapers.ConferencePapers;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.oversight.events.narratives.ConferenceNarrative;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ConferencePaper;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.ViewsConveyed;
import org.oversight.query.clocks.StatutoryClock;
import org.oversight.query.protection.ProtectionRecord;

/**
 * What a conference's letter and minutes say, from the recorded facts (type, date, outcome, category, agencies,
 * the child's views, the chair) and the chair's narrative. Built to grow: attendance, recommendations and the
 * plan's actions, once recorded, are further fields read by the same templates.
 *
 * @param narrative the chair's narrative, verified against its digest; {@code null} when none is written, or it
 *                  was destroyed, or it no longer matches its digest (see {@link #narrativeState})
 */
public record ConferencePaperRecord(String conferenceId, String childName, String childGivenName,
        String authorityName, String conferenceTitle, LocalDate heldOn, String chairName, String outcome,
        CategoryOfAbuse category, List<String> attendingAgencies, boolean quorate, String childsView,
        ConferenceNarrative narrative, NarrativeState narrativeState, LocalDate nextReviewDue,
        LocalDate outcomeLetterSentOn, LocalDate minutesSentOn, LocalDate parentsMinutesSentOn) {

    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** Where the chair's narrative stands. */
    public enum NarrativeState {
        WRITTEN,
        NOT_WRITTEN,
        /** Destroyed with the record, or redacted: the history still says it was written. */
        NOT_AVAILABLE,
        /** What the store holds does not match the digest the history recorded. */
        ALTERED
    }

    /**
     * The record of one conference of the child, or empty when the child has none with this reference.
     *
     * @param narrative the narrative as verified (empty when none could be read)
     */
    public static Optional<ConferencePaperRecord> of(String conferenceId, String givenName, String familyName,
            String authorityName, ProtectionRecord record, ConferencePapers papers,
            Optional<ConferenceNarrative> narrative, NarrativeState state, List<StatutoryClock> clocks) {
        return record.conferences().stream().filter(c -> c.conferenceId().equals(conferenceId)).findFirst()
                .map(conference -> {
                    CategoryOfAbuse category = conference.category() != null ? conference.category()
                            : record.plans().stream().filter(p -> p.startDate().equals(conference.heldOn())
                                    && "PLAN".equals(conference.decision())).map(ProtectionRecord.Plan::initialCategory)
                                    .findFirst().orElse(null);
                    LocalDate nextReview = clocks.stream()
                            .filter(c -> c.kind().equals("cp-review") && c.startedOn().equals(conference.heldOn())
                                    && c.metOn() == null)
                            .map(c -> c.due().date()).findFirst().orElse(null);
                    return new ConferencePaperRecord(conferenceId,
                            (givenName + " " + (familyName == null ? "" : familyName)).strip(), givenName,
                            authorityName, ConferenceType.valueOf(conference.type()).title(), conference.heldOn(),
                            conference.chairName(), outcome(conference.decision()), category,
                            conference.attendingAgencies(), conference.quorate(),
                            conference.viewsConveyed() == null ? "Not recorded"
                                    : ViewsConveyed.valueOf(conference.viewsConveyed()).title(),
                            narrative.orElse(null), state, nextReview,
                            papers.sentOn(conferenceId, ConferencePaper.OUTCOME_LETTER).orElse(null),
                            papers.sentOn(conferenceId, ConferencePaper.MINUTES).orElse(null),
                            papers.sentOn(conferenceId, ConferencePaper.PARENTS_MINUTES).orElse(null));
                });
    }

    private static String outcome(String decision) {
        return switch (decision == null ? "" : decision) {
            case "PLAN" -> "The child needs a child protection plan";
            case "NO_PLAN" -> "The child does not need a child protection plan";
            case "CONTINUE" -> "The child protection plan continues";
            case "END" -> "The child protection plan ends";
            default -> "Not recorded";
        };
    }

    public String day(LocalDate date) {
        return date == null ? "" : SPOKEN.format(date);
    }

    public String heldOnText() {
        return day(heldOn);
    }

    public String categoryText() {
        return category == null ? null : category.title();
    }

    /** The passages the parents' version shows: every passage the chair did not withhold. */
    public List<ConferenceNarrative.Passage> passagesFor(boolean abridged) {
        if (narrative == null) {
            return List.of();
        }
        return narrative.passages().stream().filter(p -> !abridged || !p.withheldFromParents()).toList();
    }

    public int withheldPassages() {
        return narrative == null ? 0 : narrative.withheld();
    }

    public String narrativeNote() {
        return switch (narrativeState) {
            case WRITTEN -> null;
            case NOT_WRITTEN -> "The chair has not yet written the summary and analysis of this conference.";
            case NOT_AVAILABLE -> "The chair's summary and analysis are no longer held.";
            case ALTERED -> "The chair's summary and analysis could not be shown: what is held no longer matches what "
                    + "was recorded. The integrity of the record is being checked.";
        };
    }

    /** What the parents' version says of itself: how much is left out, never what. */
    public String abridgedNote() {
        int withheld = withheldPassages();
        return "This version is for the parents. " + (withheld == 0 ? "Nothing has been left out of it."
                : withheld + (withheld == 1 ? " passage holds" : " passages hold")
                        + " information about other people and " + (withheld == 1 ? "is" : "are")
                        + " left out of it.");
    }

    public String sentText(LocalDate sentOn) {
        return sentOn == null ? "Not yet sent" : "Sent on " + day(sentOn);
    }
}
