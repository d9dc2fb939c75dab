package org.oversight.command.protection;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.oversight.command.rules.DecisionDates.spoken;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.protection.ConferenceDateCorrected;
import org.oversight.events.protection.ConferenceMinutesWritten;
import org.oversight.events.narratives.ConferenceNarrative;
import org.oversight.events.protection.ConferencePaper;
import org.oversight.events.protection.ConferencePaperSent;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.ReviewConferenceHeld;

/**
 * A conference's papers: the chair's summary and analysis, and the sending of the outcome letter, the decisions
 * to the agencies and the minutes (full and abridged for the parents). An aggregate member of the child's
 * protection journey; it follows the conferences itself, so it reads nothing of the journey's other state.
 */
final class ConferencePaperwork {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each conference's day, as held or as corrected. */
    private final Map<String, LocalDate> conferences = new HashMap<>();
    private final Map<String, EnumSet<ConferencePaper>> sent = new HashMap<>();
    private final Set<String> written = new HashSet<>();

    void send(RecordConferencePaperSent command, LocalDate today) {
        LocalDate heldOn = conference(command.conferenceId());
        ProtectionDates.notInFuture(command.sentOn(), today, "sentOn", "The date it was sent");
        if (command.sentOn().isBefore(heldOn)) {
            throw new RuleViolation(PaperworkRule.PAPER_SENT_AFTER_CONFERENCE, "sentOn",
                    "A paper cannot be sent before its conference on " + spoken(heldOn));
        }
        if (sent(command.conferenceId()).contains(command.paper())) {
            throw new RuleViolation(PaperworkRule.PAPER_SENT_ONCE, "paper",
                    "The " + command.paper().title().toLowerCase(java.util.Locale.UK)
                            + " of this conference is already recorded as sent");
        }
        if (!command.paper().decisions() && !written.contains(command.conferenceId())) {
            throw new RuleViolation(PaperworkRule.MINUTES_WRITTEN_BEFORE_SENT, "paper",
                    "Write the conference's summary and analysis first: the minutes are made from them");
        }
        apply(new ConferencePaperSent(command.childId(), command.conferenceId(), command.paper(), command.sentOn()));
    }

    void write(WriteConferenceMinutes command, ConferenceNarratives narratives) {
        conference(command.conferenceId());
        if (sent(command.conferenceId()).contains(ConferencePaper.MINUTES)
                || sent(command.conferenceId()).contains(ConferencePaper.PARENTS_MINUTES)) {
            throw new RuleViolation(PaperworkRule.MINUTES_FIXED_ONCE_SENT, "summary",
                    "The minutes of this conference have been sent: what they said stands");
        }
        if (command.summary() == null || command.summary().isBlank()) {
            throw new RuleViolation(PaperworkRule.NARRATIVE_HAS_SUMMARY, "summary",
                    "Enter the chair's summary of the conference");
        }
        for (int i = 0; i < command.passages().size(); i++) {
            WriteConferenceMinutes.Passage passage = command.passages().get(i);
            if (passage == null || passage.text() == null || passage.text().isBlank()) {
                throw new RuleViolation(PaperworkRule.NARRATIVE_HAS_SUMMARY, "passages[" + i + "].text",
                        "Enter the passage or remove it");
            }
        }
        ConferenceNarrative narrative = new ConferenceNarrative(command.summary().strip(),
                command.passages().stream()
                        .map(p -> new ConferenceNarrative.Passage(p.text().strip(), p.withheldFromParents()))
                        .toList());
        byte[] kept = bytes(narrative);
        String digest = sha256(kept);
        // named by what it says, so that the same words written again name the same stored narrative
        String narrativeId = UUID.nameUUIDFromBytes((command.childId() + "\n" + command.conferenceId() + "\n" + digest)
                .getBytes(StandardCharsets.UTF_8)).toString();
        narratives.keep(command.childId(), command.conferenceId(), narrativeId, kept);
        apply(new ConferenceMinutesWritten(command.childId(), command.conferenceId(), narrativeId, digest,
                narrative.passages().size(), narrative.withheld(), command.chairId()));
    }

    /** The digest the event carries: of the very bytes kept, so the store's copy can be checked against it. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    static byte[] bytes(ConferenceNarrative narrative) {
        try {
            return JSON.writeValueAsString(narrative).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A narrative could not be written as JSON", e);
        }
    }

    private LocalDate conference(String conferenceId) {
        LocalDate heldOn = conferences.get(conferenceId);
        if (heldOn == null) {
            throw new RuleViolation(PaperworkRule.PAPER_NAMES_CONFERENCE, "conferenceId",
                    "No conference with this reference is recorded for the child");
        }
        return heldOn;
    }

    private Set<ConferencePaper> sent(String conferenceId) {
        return sent.getOrDefault(conferenceId, EnumSet.noneOf(ConferencePaper.class));
    }

    @EventSourcingHandler
    void on(InitialConferenceHeld event) {
        conferences.put(event.conferenceId(), event.heldOn());
    }

    @EventSourcingHandler
    void on(ReviewConferenceHeld event) {
        conferences.put(event.conferenceId(), event.heldOn());
    }

    @EventSourcingHandler
    void on(ConferenceDateCorrected event) {
        conferences.put(event.conferenceId(), event.correctedTo());
    }

    @EventSourcingHandler
    void on(ConferenceMinutesWritten event) {
        written.add(event.conferenceId());
    }

    @EventSourcingHandler
    void on(ConferencePaperSent event) {
        sent.computeIfAbsent(event.conferenceId(), id -> EnumSet.noneOf(ConferencePaper.class)).add(event.paper());
    }
}
