package org.oversight.query.reviewrecord;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.query.audit.ReadAs;
import org.oversight.query.audit.ReadLog;
import org.oversight.query.calendar.England;
import org.oversight.query.child.ChildSummary;
import org.oversight.query.child.Children;
import org.oversight.query.clocks.ChildClocks;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.documents.Document;
import org.oversight.query.documents.TaggedPdf;
import org.oversight.query.lookedafter.ChildVoiceQueries;
import org.oversight.query.lookedafter.HealthAndEducationQueries;
import org.oversight.query.lookedafter.LookedAfterQueries;
import org.oversight.query.policy.ChildrensContacts;
import org.oversight.query.policy.ChildrensContactsProjection;
import org.oversight.query.socialwork.SocialWorkQueries;
import org.oversight.query.web.NotFound;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A looked-after review's two documents, as accessible PDFs: the full record, and the version written for the
 * child. Whoever may read the child's looked-after record may take either away; each download is a read of the
 * child, logged as one. The file names carry only the review's reference, never the child's name.
 */
@Controller
public class ReviewRecordDocuments {

    static final String FULL_TEMPLATE = "documents/review-record";
    static final String CHILD_TEMPLATE = "documents/review-record-for-child";

    private final Children children;
    private final StaffDirectory directory;
    private final LookedAfterQueries lookedAfter;
    private final ChildVoiceQueries voice;
    private final SocialWorkQueries socialWork;
    private final HealthAndEducationQueries healthAndEducation;
    private final ChildClocks clocks;
    private final TaggedPdf pdf;
    private final Clock clock;
    private final ChildrensContactsProjection childrensContacts;

    public ReviewRecordDocuments(Children children, StaffDirectory directory, LookedAfterQueries lookedAfter,
            ChildVoiceQueries voice, SocialWorkQueries socialWork, HealthAndEducationQueries healthAndEducation,
            ChildClocks clocks, TaggedPdf pdf, Clock clock, ChildrensContactsProjection childrensContacts) {
        this.children = children;
        this.directory = directory;
        this.lookedAfter = lookedAfter;
        this.voice = voice;
        this.socialWork = socialWork;
        this.healthAndEducation = healthAndEducation;
        this.clocks = clocks;
        this.pdf = pdf;
        this.clock = clock;
        this.childrensContacts = childrensContacts;
    }

    @Access(Operation.READ_CHILD)
    @ReadAs(ReadLog.How.REVIEW_RECORD)
    @GetMapping("/children/{childId}/looked-after/reviews/{reviewId}/record.pdf")
    ResponseEntity<byte[]> fullRecord(@PathVariable String childId, @PathVariable String reviewId) {
        ReviewRecord record = record(childId, reviewId);
        return attachment("review-record-" + reviewId + ".pdf", pdf.render(full(record)));
    }

    @Access(Operation.READ_CHILD)
    @ReadAs(ReadLog.How.REVIEW_FOR_CHILD)
    @GetMapping("/children/{childId}/looked-after/reviews/{reviewId}/child-friendly.pdf")
    ResponseEntity<byte[]> childFriendly(@PathVariable String childId, @PathVariable String reviewId) {
        ReviewRecord record = record(childId, reviewId);
        ChildrensContacts contacts = children.child(childId)
                .flatMap(child -> childrensContacts.of(child.localAuthority())).orElse(null);
        return attachment("review-for-the-child-" + reviewId + ".pdf", pdf.render(forChild(record, contacts)));
    }

    /** The full record: every recorded fact of the review, for the professionals and the child's file. */
    public static Document full(ReviewRecord record) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("r", record);
        return Document.of(FULL_TEMPLATE, model, "Record of the looked-after review of " + record.childName()
                + " on " + record.heldOnText());
    }

    /**
     * The version for the child. It leaves out the review's recommendations: they are addressed to the local
     * authority's managers and professionals, often as a challenge to them, and are theirs to act on and explain;
     * what the child is told is what was agreed, who will do it and by when. The participation code, the care
     * plan actions' status and the legal timescales are professional wording and are said in plain words or not
     * at all.
     */
    public static Document forChild(ReviewRecord record) {
        return forChild(record, null);
    }

    /**
     * The version for the child, naming the authority's advocacy service and complaints team where its
     * administrators recorded them; without them the child is told to go through their IRO, social worker or carer.
     */
    public static Document forChild(ReviewRecord record, ChildrensContacts contacts) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("r", record);
        if (contacts != null) {
            model.put("contacts", contacts);
        }
        // a sentence with nothing to say is left out of the model, and the template leaves out its paragraph
        putIfSaid(model, "participation", ChildWords.participation(record.participation()));
        putIfSaid(model, "conversation", record.privateConversation() == null ? null
                : ChildWords.conversation(record.privateConversation(), record.iroName()));
        putIfSaid(model, "chairing", ChildWords.chairing(record.chairing()));
        putIfSaid(model, "permanence", ChildWords.permanence(record.permanencePlan()));
        putIfSaid(model, "advocacy", ChildWords.advocacy(record.advocacy()));
        String name = record.childGivenName() == null ? "you" : record.childGivenName();
        return Document.of(CHILD_TEMPLATE, model, "Your review on " + record.heldOnText() + ": a letter for "
                + name);
    }

    private static void putIfSaid(Map<String, Object> model, String name, String sentence) {
        if (sentence != null) {
            model.put(name, sentence);
        }
    }

    private ReviewRecord record(String childId, String reviewId) {
        ChildSummary child = children.child(childId).orElseThrow(NotFound::new);
        LocalDate today = LocalDate.now(clock.withZone(England.ZONE));
        String authority = directory.localAuthorities().getOrDefault(child.localAuthority(), child.localAuthority());
        return ReviewRecord.of(reviewId, child.givenName(), child.familyName() == null ? "" : child.familyName(),
                        authority, lookedAfter.record(childId), voice.record(childId), socialWork.record(childId),
                        healthAndEducation.record(childId), clocks.derive(child, today).clocks())
                .orElseThrow(NotFound::new);
    }

    private static ResponseEntity<byte[]> attachment(String filename, byte[] document) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build()
                        .toString())
                .body(document);
    }
}
