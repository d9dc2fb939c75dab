package org.oversight.query.conferencerecord;

import org.oversight.query.conferencepapers.ConferencePaperQueries;
import org.oversight.query.conferencepapers.ConferencePapers;
import org.oversight.query.conferencepapers.KeptNarratives;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.events.narratives.ConferenceNarrative;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.query.audit.ReadAs;
import org.oversight.query.audit.ReadLog;
import org.oversight.query.calendar.England;
import org.oversight.query.child.ChildSummary;
import org.oversight.query.child.Children;
import org.oversight.query.clocks.ChildClocks;
import org.oversight.query.conference.ConferenceRecordQueries;
import org.oversight.query.conferencerecord.ConferencePaperRecord.NarrativeState;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.documents.Document;
import org.oversight.query.documents.TaggedPdf;
import org.oversight.query.protection.ProtectionQueries;
import org.oversight.query.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A child protection conference's papers as accessible PDFs: the outcome letter to the parents, the full minutes,
 * and the minutes abridged for the parents, from which the passages the chair withheld (third parties'
 * information) are left out. Each download is a read of the child, logged as one; the file names carry only the
 * conference's reference. The chair's narrative is read from the narrative store and checked against the digest
 * the history recorded before it is shown.
 */
@Controller
public class ConferencePaperDocuments {

    static final String LETTER_TEMPLATE = "documents/conference-outcome-letter";
    static final String MINUTES_TEMPLATE = "documents/conference-minutes";
    private static final Logger LOG = LoggerFactory.getLogger(ConferencePaperDocuments.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFERENCE = "/children/{childId}/protection/conferences/{conferenceId}/";

    private final Children children;
    private final StaffDirectory directory;
    private final ProtectionQueries protection;
    private final ConferencePaperQueries papers;
    private final KeptNarratives narratives;
    private final ChildClocks clocks;
    private final TaggedPdf pdf;
    private final Clock clock;
    private final ConferenceRecordQueries asItHappened;

    public ConferencePaperDocuments(Children children, StaffDirectory directory, ProtectionQueries protection,
            ConferencePaperQueries papers, KeptNarratives narratives, ChildClocks clocks, TaggedPdf pdf,
            Clock clock, ConferenceRecordQueries asItHappened) {
        this.children = children;
        this.directory = directory;
        this.protection = protection;
        this.papers = papers;
        this.narratives = narratives;
        this.clocks = clocks;
        this.pdf = pdf;
        this.clock = clock;
        this.asItHappened = asItHappened;
    }

    @Access(Operation.READ_CONFERENCE_PAPERS)
    @ReadAs(ReadLog.How.CONFERENCE_OUTCOME_LETTER)
    @GetMapping(CONFERENCE + "outcome-letter.pdf")
    ResponseEntity<byte[]> outcomeLetter(@PathVariable String childId, @PathVariable String conferenceId) {
        return attachment("conference-outcome-letter-" + conferenceId + ".pdf",
                pdf.render(outcomeLetter(record(childId, conferenceId))));
    }

    @Access(Operation.READ_CONFERENCE_PAPERS)
    @ReadAs(ReadLog.How.CONFERENCE_MINUTES)
    @GetMapping(CONFERENCE + "minutes.pdf")
    ResponseEntity<byte[]> minutes(@PathVariable String childId, @PathVariable String conferenceId) {
        return attachment("conference-minutes-" + conferenceId + ".pdf",
                pdf.render(minutes(record(childId, conferenceId), false, recommendations(childId, conferenceId))));
    }

    @Access(Operation.READ_CONFERENCE_PAPERS)
    @ReadAs(ReadLog.How.CONFERENCE_PARENTS_MINUTES)
    @GetMapping(CONFERENCE + "parents-minutes.pdf")
    ResponseEntity<byte[]> parentsMinutes(@PathVariable String childId, @PathVariable String conferenceId) {
        return attachment("conference-minutes-for-parents-" + conferenceId + ".pdf",
                pdf.render(minutes(record(childId, conferenceId), true, recommendations(childId, conferenceId))));
    }

    /** The letter to the parents: the outcome, the category, what happens next and the chair's summary. */
    public static Document outcomeLetter(ConferencePaperRecord record) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("r", record);
        return Document.of(LETTER_TEMPLATE, model, "Outcome of the " + record.conferenceTitle().toLowerCase(
                java.util.Locale.UK) + " about " + record.childName() + " on " + record.heldOnText());
    }

    /**
     * The minutes: the facts, the chair's summary and every passage of analysis; abridged for the parents, the
     * withheld passages are left out altogether (the version says how many), never blacked out in place.
     */
    public static Document minutes(ConferencePaperRecord record, boolean abridged) {
        return minutes(record, abridged, List.of());
    }

    /**
     * The minutes with each agency's recommendation and any dissent from the chair's decision. A dissent is the
     * agency's professional view, not information about a third party, so the parents' version keeps it.
     */
    public static Document minutes(ConferencePaperRecord record, boolean abridged,
            List<AgencyRecommendation> recommendations) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("r", record);
        model.put("abridged", abridged);
        model.put("recommendations", recommendations);
        model.put("passages", record.passagesFor(abridged));
        return Document.of(MINUTES_TEMPLATE, model, (abridged ? "Minutes for the parents of the " : "Minutes of the ")
                + record.conferenceTitle().toLowerCase(java.util.Locale.UK) + " about " + record.childName() + " on "
                + record.heldOnText());
    }

    /** One agency's recommendation to the conference, in the words the minutes print. */
    public record AgencyRecommendation(String agency, String recommended, String dissent) {

        static AgencyRecommendation of(ConferenceRecordQueries.Recommendation recommendation) {
            String recommended = "PLAN".equals(recommendation.recommended())
                    ? recommendation.category() == null ? "A child protection plan"
                            : "A child protection plan under "
                                    + CategoryOfAbuse.valueOf(recommendation.category()).title().toLowerCase(
                                            java.util.Locale.UK)
                    : "No plan";
            return new AgencyRecommendation(recommendation.agency(), recommended,
                    recommendation.dissents() ? "Dissented: " + recommendation.dissentReason() : "Agreed");
        }
    }

    private List<AgencyRecommendation> recommendations(String childId, String conferenceId) {
        ConferenceRecordQueries.ConferenceAsItHappened recorded = asItHappened.conferences(childId).get(conferenceId);
        return recorded == null ? List.of()
                : recorded.recommendations().stream().map(AgencyRecommendation::of).toList();
    }

    private ConferencePaperRecord record(String childId, String conferenceId) {
        ChildSummary child = children.child(childId).orElseThrow(NotFound::new);
        LocalDate today = LocalDate.now(clock.withZone(England.ZONE));
        String authority = directory.localAuthorities().getOrDefault(child.localAuthority(), child.localAuthority());
        ConferencePapers recorded = papers.of(childId);
        Optional<ConferencePapers.Minutes> minutes = recorded.minutesOf(conferenceId);
        Optional<ConferenceNarrative> narrative = Optional.empty();
        NarrativeState state = NarrativeState.NOT_WRITTEN;
        if (minutes.isPresent()) {
            Optional<byte[]> kept;
            boolean opens = true;
            try {
                kept = narratives.read(childId, minutes.get().narrativeId());
            } catch (KeptNarratives.Unreadable altered) {
                kept = Optional.empty();
                opens = false;
            }
            if (!opens) {
                LOG.warn("A conference narrative no longer opens with its key");
                state = NarrativeState.ALTERED;
            } else if (kept.isEmpty()) {
                state = NarrativeState.NOT_AVAILABLE;
            } else if (!sha256(kept.get()).equals(minutes.get().narrativeSha256())) {
                LOG.warn("A conference narrative does not match the digest its event recorded");
                state = NarrativeState.ALTERED;
            } else {
                narrative = Optional.of(parse(kept.get()));
                state = NarrativeState.WRITTEN;
            }
        }
        return ConferencePaperRecord.of(conferenceId, child.givenName(), child.familyName(), authority,
                protection.record(childId), recorded, narrative, state, clocks.derive(child, today).clocks())
                .orElseThrow(NotFound::new);
    }

    private static ConferenceNarrative parse(byte[] bytes) {
        try {
            return JSON.readValue(bytes, ConferenceNarrative.class);
        } catch (IOException e) {
            throw new IllegalStateException("A verified narrative could not be read", e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static ResponseEntity<byte[]> attachment(String filename, byte[] document) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(document);
    }
}
