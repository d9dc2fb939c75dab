package org.oversight.query.subjectaccess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.escalation.DefaultEscalationPolicy;
import org.oversight.events.lookedafter.CarePlanActionAgreed;
import org.oversight.events.subjectaccess.RequesterRelationship;
import org.oversight.events.subjectaccess.SubjectAccessRequested;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.documents.Document;
import org.oversight.query.documents.TaggedPdf;
import org.oversight.query.history.PlainWords;
import org.oversight.query.history.RecordedEvent;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The copy's PDF, read back: tagged, in British English, titled, its font embedded, with the withheld words absent. */
class TaggedPdfTest {

    private static TaggedPdf renderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return new TaggedPdf(engine);
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
    void theCopyIsATaggedPdfWithItsLanguageTitleAndFontsAndWithoutWhatIsWithheld() throws IOException {
        Staff staff = new Staff();
        List<RecordedEvent> events = new ArrayList<>();
        events.add(new RecordedEvent("c-1", 0, 1, "e0", ChildRegistered.class.getName(), new ChildRegistered("c-1",
                "DEMO-N", "N1", "Robin", "Jones", LocalDate.of(2015, 2, 2), null, LocalDate.of(2026, 1, 5)),
                "data.dee", "Dee Data", Instant.parse("2026-01-05T10:00:00Z"), "x"));
        events.add(new RecordedEvent("care-c-1", 0, 2, "e1", CarePlanActionAgreed.class.getName(),
                new CarePlanActionAgreed("c-1", "a-1", "r-1", "Arrange contact", "Sam Jones (father)",
                        LocalDate.of(2026, 4, 1), LocalDate.of(2026, 3, 1)),
                "iro.ahmed", "Aisha Ahmed", Instant.parse("2026-03-01T10:00:00Z"), "y"));
        events.add(new RecordedEvent("c-1", 1, 3, "e2", SubjectAccessRequested.class.getName(),
                new SubjectAccessRequested("c-1", "req-1", "Alex Jones", RequesterRelationship.PARENT,
                        LocalDate.of(2026, 3, 2)),
                "data.dee", "Dee Data", Instant.parse("2026-03-02T10:00:00Z"), "z"));
        RequestView request = RequestView.of(events, new WorkingDayCalendar(List.of(), 2026)).get(0);
        SubjectAccessCopy copy = SubjectAccessCopy.of("c-1", events, request, true, 3, Map.of(),
                new PlainWords(staff, new DefaultEscalationPolicy()), new WhoseInformation(staff));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("copy", copy);
        model.put("receivedOn", "2 March 2026");
        model.put("preparedOn", "3 March 2026");
        model.put("authority", "Oversight");

        byte[] bytes = renderer().render(Document.of("documents/subject-access-copy", model,
                "A copy of the record about Robin Jones"));

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("A copy of the record about Robin Jones", "Registered with Northshire",
                    "Alex Jones", "owned by [withheld]", "Whose information: The child's own information")
                    .doesNotContain("Sam Jones (father)").doesNotContain("Arrange contact");
            assertThat(pdf.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).as("marked as tagged").isTrue();
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).as("structure tree").isNotNull();
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot().getKids()).isNotEmpty();
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("A copy of the record about Robin Jones");
            assertThat(pdf.getDocumentCatalog().getViewerPreferences()).isNotNull();
            assertThat(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
            List<String> tags = new ArrayList<>();
            collectTags(pdf.getDocumentCatalog().getStructureTreeRoot().getKids(), tags);
            assertThat(tags).as("structure elements a screen reader follows").contains("H1", "H2", "H3", "P",
                    "Table", "TH", "TD", "L", "LI");
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("font %s embedded", font.getName()).isTrue();
                }
            }
        }
    }
}
