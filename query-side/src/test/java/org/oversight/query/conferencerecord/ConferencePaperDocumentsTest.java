package org.oversight.query.conferencerecord;

import org.oversight.query.conference.ConferenceRecordQueries;
import org.oversight.query.conferencepapers.ConferencePapers;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.oversight.events.narratives.ConferenceNarrative;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ConferencePaper;
import org.oversight.query.calendar.DueDate;
import org.oversight.query.clocks.StatutoryClock;
import org.oversight.query.conferencerecord.ConferencePaperRecord.NarrativeState;
import org.oversight.query.documents.TaggedPdf;
import org.oversight.query.protection.ProtectionRecord;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * A conference's letter and minutes rendered from one fixed record and read back: tagged, titled and in British
 * English; the full minutes hold the chair's summary and every passage; the parents' version leaves out the
 * passage the chair withheld and says that something was left out.
 */
class ConferencePaperDocumentsTest {

    private static final LocalDate HELD = LocalDate.of(2026, 3, 3);
    private static final String SUMMARY = "Robin is not safe from neglect at home without a plan";
    private static final String WITHHELD = "A neighbour told the police about shouting late at night";
    private static final String SHOWN = "School attendance has fallen to sixty per cent this term";

    private static ConferencePaperRecord fixedRecord(Optional<ConferenceNarrative> narrative, NarrativeState state) {
        ProtectionRecord record = new ProtectionRecord(List.of(),
                List.of(new ProtectionRecord.Conference("c-1", "INITIAL", HELD, null, true, "PLAN", null,
                        List.of("Children's social care", "Police", "Health visiting"), true,
                        "ATTENDED_SPOKE_FOR_SELF", "Ben Brown", List.of())),
                List.of(new ProtectionRecord.Plan("plan-1", HELD, CategoryOfAbuse.NEG, CategoryOfAbuse.NEG, 0, null, 0,
                        null, null)),
                List.of());
        ConferencePapers papers = new ConferencePapers(List.of(
                new ConferencePapers.Sent("c-1", ConferencePaper.OUTCOME_LETTER, HELD.plusDays(1))), List.of());
        List<StatutoryClock> clocks = List.of(new StatutoryClock("cp-review", "First review conference",
                "Within 3 months of the initial conference (Working Together)", HELD,
                new DueDate(LocalDate.of(2026, 6, 3), false), null, false));
        return ConferencePaperRecord.of("c-1", "Robin", "Jones", "Northmoor", record, papers, narrative, state, clocks)
                .orElseThrow();
    }

    private static ConferencePaperRecord written() {
        return fixedRecord(Optional.of(new ConferenceNarrative(SUMMARY, List.of(
                new ConferenceNarrative.Passage(WITHHELD, true),
                new ConferenceNarrative.Passage(SHOWN, false)))), NarrativeState.WRITTEN);
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

    private static String text(PDDocument pdf) throws IOException {
        return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }

    private static void assertAccessible(PDDocument pdf, String title) throws IOException {
        assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).as("marked as tagged").isTrue();
        assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).as("structure tree").isNotNull();
        assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
        assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(title);
        for (PDPage page : pdf.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
            }
        }
    }

    @Test
    void theFullMinutesHoldTheFactsTheSummaryAndEveryPassage() throws IOException {
        byte[] bytes = renderer().render(ConferencePaperDocuments.minutes(written(), false));

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String title = "Minutes of the initial child protection conference about Robin Jones on 3 March 2026";
            assertAccessible(pdf, title);
            assertThat(text(pdf)).contains(title, "Northmoor", "Ben Brown", "The child needs a child protection plan",
                    "Neglect", "Police", "Health visiting", "Attended and spoke for themselves", "3 June 2026",
                    SUMMARY, WITHHELD, SHOWN, "Outcome letter to the parents Sent on 4 March 2026",
                    "Full minutes Not yet sent");
        }
    }

    @Test
    void theParentsMinutesLeaveOutTheWithheldPassageAndSaySo() throws IOException {
        byte[] bytes = renderer().render(ConferencePaperDocuments.minutes(written(), true));

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String words = text(pdf);
            assertThat(words).contains("Minutes for the parents of the initial child protection conference", SUMMARY,
                    SHOWN, "1 passage holds information about other people and is left out of it");
            assertThat(words).doesNotContain(WITHHELD).doesNotContain("neighbour");
        }
    }

    @Test
    void theOutcomeLetterTellsTheParentsTheDecisionTheCategoryTheSummaryAndWhatNext() throws IOException {
        byte[] bytes = renderer().render(ConferencePaperDocuments.outcomeLetter(written()));

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String title = "Outcome of the initial child protection conference about Robin Jones on 3 March 2026";
            assertAccessible(pdf, title);
            assertThat(text(pdf)).contains("Dear parent or carer", "The child needs a child protection plan",
                    "category of neglect", SUMMARY, "held by 3 June 2026");
            assertThat(text(pdf)).doesNotContain(WITHHELD).doesNotContain(SHOWN);
        }
    }

    @Test
    void aNarrativeThatNoLongerMatchesItsDigestIsNotShownAndTheDocumentSaysWhy() throws IOException {
        byte[] bytes = renderer().render(ConferencePaperDocuments.minutes(
                fixedRecord(Optional.empty(), NarrativeState.ALTERED), false));

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(text(pdf)).contains("no longer matches what was recorded").doesNotContain(SUMMARY);
        }
    }

    @Test
    void bothMinutesNameEachAgencysRecommendationAndTheDissentingAgencysReason() throws IOException {
        List<ConferencePaperDocuments.AgencyRecommendation> recommendations = List.of(
                ConferencePaperDocuments.AgencyRecommendation.of(
                        new ConferenceRecordQueries.Recommendation("Police", "PLAN", "NEG", null)),
                ConferencePaperDocuments.AgencyRecommendation.of(
                        new ConferenceRecordQueries.Recommendation("School", "NO_PLAN", null,
                                "Attendance has improved all term")));

        for (boolean abridged : new boolean[] {false, true}) {
            byte[] bytes = renderer().render(ConferencePaperDocuments.minutes(written(), abridged, recommendations));
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                assertThat(text(pdf)).as("abridged %s", abridged).contains("The agencies' recommendations",
                        "Police A child protection plan under neglect Agreed",
                        "School No plan Dissented: Attendance has improved all term");
            }
        }
        try (PDDocument pdf = Loader.loadPDF(renderer().render(ConferencePaperDocuments.minutes(written(), false)))) {
            assertThat(text(pdf)).doesNotContain("The agencies' recommendations");
        }
    }
}
