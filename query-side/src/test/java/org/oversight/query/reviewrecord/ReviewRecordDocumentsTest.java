package org.oversight.query.reviewrecord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.oversight.events.lookedafter.AdvocacyStep;
import org.oversight.events.lookedafter.ChildChairing;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.HealthCheck;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.query.calendar.DueDate;
import org.oversight.query.clocks.StatutoryClock;
import org.oversight.query.documents.TaggedPdf;
import org.oversight.query.lookedafter.ChildVoiceRecord;
import org.oversight.query.lookedafter.HealthAndEducationRecord;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.policy.ChildrensContacts;
import org.oversight.query.socialwork.SocialWorkRecord;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * A review's two documents rendered from one fixed record and read back: both tagged, in British English, titled,
 * fonts embedded; the full record holds every recorded fact; the child's version speaks to the child and leaves
 * out what is for the professionals.
 */
class ReviewRecordDocumentsTest {

    private static final LocalDate STARTED = LocalDate.of(2026, 1, 5);
    private static final LocalDate HELD = LocalDate.of(2026, 2, 2);
    private static final String RECOMMENDATION = "The service manager confirms funding for school transport";
    private static final String DECISION = "Robin stays with the Hill family";
    private static final String ACTION = "Arrange weekly contact with Robin's brother";

    private static ReviewRecord fixedRecord() {
        LookedAfterRecord care = new LookedAfterRecord(HELD.plusDays(20),
                List.of(new LookedAfterRecord.Period("p-1", STARTED, LegalStatus.C2, LegalStatus.C2, "U4", null, null,
                        List.of())),
                List.of(new LookedAfterRecord.Review("r-1", "p-1", HELD, ParticipationCode.PN1, true, true,
                        List.of(DECISION), List.of(RECOMMENDATION), "Aisha Ahmed", HELD.plusDays(8), true,
                        HELD.plusDays(1))),
                List.of(new LookedAfterRecord.Action("a-1", "r-1", ACTION, "Social worker", LocalDate.of(2026, 3, 1),
                        HELD, LookedAfterRecord.ActionStatus.OPEN, null, null, 0)),
                List.of(new LookedAfterRecord.Consultation(HELD.minusDays(5), ConsultationMethod.IN_PERSON, true,
                        "Aisha Ahmed", PrivateConversation.SPOKE_IN_PRIVATE)),
                List.of(), List.of(), List.of(),
                List.of(new LookedAfterRecord.PermanencePlanEntry("p-1", STARTED.plusDays(15),
                        PermanencePlan.LONG_TERM_FOSTERING, null)),
                List.of(), 0);
        ChildVoiceRecord voice = new ChildVoiceRecord(
                List.of(new ChildVoiceRecord.Advocacy(HELD.minusDays(5), AdvocacyStep.REFERRED_FOR_ADVOCACY,
                        "Aisha Ahmed")),
                List.of(), List.of(new ChildVoiceRecord.Chairing("r-1", ChildChairing.CO_CHAIRED)), List.of());
        SocialWorkRecord work = new SocialWorkRecord(
                List.of(new SocialWorkRecord.Allocation("p-1", STARTED.plusDays(1), "Sam Patel", "Children in care team")),
                List.of(), List.of());
        HealthAndEducationRecord health = new HealthAndEducationRecord(
                List.of(new HealthAndEducationRecord.Check("p-1", HealthCheck.INITIAL_HEALTH_ASSESSMENT,
                        LocalDate.of(2026, 1, 25), "Aisha Ahmed")),
                List.of(new HealthAndEducationRecord.EducationPlan("p-1", LocalDate.of(2026, 1, 30), "Aisha Ahmed")));
        List<StatutoryClock> clocks = List.of(
                new StatutoryClock("lac-review", "First looked-after review", "Within 20 working days", STARTED,
                        new DueDate(LocalDate.of(2026, 2, 2), false), HELD, false),
                new StatutoryClock("lac-review", "Second looked-after review",
                        "Within 3 months of the first review (reg 33(2))", HELD,
                        new DueDate(LocalDate.of(2026, 5, 2), false), null, false));
        return ReviewRecord.of("r-1", "Robin", "Jones", "Northmoor", care, voice, work, health, clocks).orElseThrow();
    }

    private static TaggedPdf renderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return new TaggedPdf(engine);
    }

    /** The words of the PDF, with every run of white space (line ends included) as one space. */
    private static String text(PDDocument pdf) throws IOException {
        return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }

    private static void assertAccessible(PDDocument pdf, String title) throws IOException {
        assertThat(pdf.getDocumentCatalog().getMarkInfo()).isNotNull();
        assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).as("marked as tagged").isTrue();
        assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).as("structure tree").isNotNull();
        List<String> tags = new ArrayList<>();
        collectTags(pdf.getDocumentCatalog().getStructureTreeRoot().getKids(), tags);
        assertThat(tags).as("structure a screen reader follows").contains("H1", "H2", "P", "L", "LI");
        assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
        assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(title);
        assertThat(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
        for (PDPage page : pdf.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
            }
        }
    }

    private static void collectTags(List<Object> kids, List<String> tags) {
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement element) {
                tags.add(element.getStructureType());
                collectTags(element.getKids(), tags);
            }
        }
    }

    @Test
    void theFullRecordHoldsEveryRecordedFactOfTheReviewAsATaggedPdf() throws IOException {
        byte[] bytes = renderer().render(ReviewRecordDocuments.full(fixedRecord()));

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String title = "Record of the looked-after review of Robin Jones on 2 February 2026";
            assertAccessible(pdf, title);
            assertThat(text(pdf)).contains(title, "Northmoor", "Aisha Ahmed", "PN1: Attended and spoke for themselves",
                    "Spoke to the child in private", "The child co-chaired their review with the IRO",
                    "Referred to the advocacy service (28 January 2026)", DECISION, RECOMMENDATION, ACTION,
                    "Social worker", "1 March 2026", "Long-term fostering",
                    "2 May 2026 (Within 3 months of the first review (reg 33(2)))",
                    "Sam Patel, Children in care team", "25 January 2026", "30 January 2026",
                    "Full record Sent on 10 February 2026", "Version for the child Sent on 10 February 2026");
        }
    }

    @Test
    void theChildsVersionSpeaksToTheChildAndLeavesOutWhatIsForTheProfessionals() throws IOException {
        byte[] bytes = renderer().render(ReviewRecordDocuments.forChild(fixedRecord()));

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertAccessible(pdf, "Your review on 2 February 2026: a letter for Robin");
            String text = text(pdf);
            assertThat(text).contains("Dear Robin,", "I am Aisha Ahmed. I am your Independent Reviewing Officer",
                    "You told us", "You came to your review and told us what you think.",
                    "Before your review, Aisha Ahmed talked with you on your own",
                    "You chaired your review together with your IRO.", "We agreed", DECISION,
                    "The plan is for you to stay with a foster family while you grow up.",
                    ACTION + ". Social worker will do this by 1 March 2026.",
                    "Your next review will be by 2 May 2026.", "Your social worker is Sam Patel.",
                    "We asked the advocacy service to find you an advocate.",
                    "You can ask for one at any time", "you can complain",
                    "complaints team at Northmoor");
            assertThat(text).as("the recommendations are for the professionals")
                    .doesNotContain(RECOMMENDATION).doesNotContainIgnoringCase("recommendation");
            assertThat(text).as("no professional codes or regulations")
                    .doesNotContain("PN1").doesNotContain("reg 33").doesNotContain("Permanence")
                    .doesNotContain("Open").doesNotContain("Children in care team");
            assertThat(text).as("addressed to the child, not about them").doesNotContainPattern("\\bthe child\\b")
                    .doesNotContain("Robin Jones");
        }
    }

    @Test
    void theChildsVersionNamesTheAuthoritysAdvocacyServiceAndComplaintsTeamWhereTheyAreRecorded()
            throws IOException {
        ChildrensContacts contacts = new ChildrensContacts("Brightside Advocacy", "0800 1111", null,
                "the Children's Complaints Team", "01632 960001", "https://complaints.example.org.uk", "Commissioned");
        byte[] bytes = renderer().render(ReviewRecordDocuments.forChild(fixedRecord(), contacts));

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(text(pdf)).contains("You can contact Brightside Advocacy yourself, on 0800 1111, or tell me,",
                    "you can complain. You can contact the Children's Complaints Team at Northmoor yourself, on "
                            + "01632 960001 or at https://complaints.example.org.uk.")
                    .doesNotContain("You can ask for one at any time: tell me").doesNotContain("Commissioned");
        }
    }

    @Test
    void aReviewWithNothingAroundItRecordedStillGivesBothDocuments() throws IOException {
        LookedAfterRecord care = new LookedAfterRecord(HELD,
                List.of(new LookedAfterRecord.Period("p-1", STARTED, LegalStatus.C2, LegalStatus.C2, null, null, null,
                        List.of())),
                List.of(new LookedAfterRecord.Review("r-1", "p-1", HELD, ParticipationCode.PN0, false, false,
                        List.of(), List.of(), "Aisha Ahmed", null, null, null)),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0);
        ReviewRecord bare = ReviewRecord.of("r-1", "Robin", "Jones", "Northmoor", care, ChildVoiceRecord.empty(),
                SocialWorkRecord.empty(), HealthAndEducationRecord.EMPTY, List.of()).orElseThrow();

        try (PDDocument full = Loader.loadPDF(renderer().render(ReviewRecordDocuments.full(bare)))) {
            assertThat(text(full)).contains("PN0: Child under 4 at the review", "No decisions were recorded.",
                    "No further review is due", "Full record Not yet sent");
        }
        try (PDDocument forChild = Loader.loadPDF(renderer().render(ReviewRecordDocuments.forChild(bare)))) {
            assertThat(text(forChild)).contains("Dear Robin,", "We did not need to change anything this time.")
                    .doesNotContain("Your social worker is").doesNotContain("Your next review");
        }
    }

    @Test
    void theNextReviewOfAPeriodThatEndedIsNotTheFirstReviewOfTheNext() {
        LocalDate ended = HELD.plusDays(10);
        LocalDate again = HELD.plusDays(40);
        LookedAfterRecord care = new LookedAfterRecord(again.plusDays(5), List.of(
                new LookedAfterRecord.Period("p-2", again, LegalStatus.C2, LegalStatus.C2, null, null, null, List.of()),
                new LookedAfterRecord.Period("p-1", STARTED, LegalStatus.C2, LegalStatus.C2, null, ended, null,
                        List.of())),
                List.of(new LookedAfterRecord.Review("r-1", "p-1", HELD, ParticipationCode.PN1, true, true,
                        List.of(), List.of(), "Aisha Ahmed", null, null, null)),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), 0);
        List<StatutoryClock> clocks = List.of(
                new StatutoryClock("lac-review", "First looked-after review", "Within 20 working days", STARTED,
                        new DueDate(HELD, false), HELD, false),
                new StatutoryClock("lac-review", "First looked-after review", "Within 20 working days", again,
                        new DueDate(again.plusDays(28), false), null, false));

        ReviewRecord record = ReviewRecord.of("r-1", "Robin", "Jones", "Northmoor", care, ChildVoiceRecord.empty(),
                SocialWorkRecord.empty(), HealthAndEducationRecord.EMPTY, clocks).orElseThrow();

        assertThat(record.nextReviewDue()).isNull();
    }

    @Test
    void everyWayOfTakingPartFromFourIsToldToTheChildInTheSecondPerson() {
        for (ParticipationCode code : ParticipationCode.values()) {
            String words = ChildWords.participation(code);
            if (code.forChildUnderFour()) {
                assertThat(words).as(code.name()).isNull();
            } else {
                assertThat(words).as(code.name()).startsWith("You ").doesNotContain(code.name());
            }
        }
    }
}
