package org.oversight.query.documents;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A document to render: the template that lays it out, what the template reads, and what the PDF says of itself.
 *
 * @param template the Thymeleaf template's name, as a controller names a page ({@code "documents/x"}); it must
 *                 produce well-formed XHTML with a {@code <title>} and {@code lang} on {@code <html>}
 * @param model    the variables the template reads
 * @param title    the document's title, shown by readers in place of the file name
 * @param language the language of its words, for screen readers
 */
public record Document(String template, Map<String, Object> model, String title, Locale language) {

    public Document {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(title, "title");
        model = Map.copyOf(model);
        language = language == null ? Locale.UK : language;
    }

    /** A document in British English. */
    public static Document of(String template, Map<String, Object> model, String title) {
        return new Document(template, model, title, Locale.UK);
    }
}
