package org.oversight.query.documents;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a {@link Document}'s template to a tagged PDF in the PDF/UA style: a structure tree a screen reader
 * follows (headings, paragraphs, lists, tables), the document's language, its title shown in place of the file
 * name, and every font embedded (Liberation Sans, metrically compatible with Arial, which PDFBox carries), so
 * the PDF reads the same wherever it is opened. Nothing is fetched while rendering: the template is expected to
 * be self-contained, with its styles inline.
 */
@Component
public class TaggedPdf {

    /** The one family every document uses; templates name it in their styles. */
    public static final String FONT_FAMILY = "Liberation Sans";
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    static {
        // the renderer reports its timings at INFO on every document; only its warnings belong in the service's log
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, Level.WARNING));
    }

    private final ITemplateEngine templates;

    public TaggedPdf(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** The document as PDF bytes. */
    public byte[] render(Document document) {
        Map<String, Object> variables = new HashMap<>(document.model());
        variables.put("documentTitle", document.title());
        variables.put("documentLanguage", document.language().toLanguageTag());
        String xhtml = templates.process(document.template(), new Context(document.language(), variables));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.useFont(TaggedPdf::font, FONT_FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("The document could not be rendered", e);
        }
        return pdf.toByteArray();
    }

    private static InputStream font() {
        InputStream font = TaggedPdf.class.getResourceAsStream(FONT);
        if (font == null) {
            throw new IllegalStateException("The embedded font is missing from the class path: " + FONT);
        }
        return font;
    }
}
