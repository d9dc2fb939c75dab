package org.oversight.query.report;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oversight.query.documents.Document;

/** The report laid out as one document: what the page shows, without its chart and controls. */
final class ReportDocument {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.UK);

    private ReportDocument() {
    }

    static Document of(Report report, ReportQueries.Filter filter, boolean asRecordedNow,
            Map<String, String> authorityNames) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("report", report);
        model.put("sections", List.of(Figures.LOOKED_AFTER, Figures.PROTECTION));
        model.put("authorities", String.join(", ", filter.scope().authorities().stream()
                .map(a -> authorityNames.getOrDefault(a, a)).toList()));
        // a document's model holds no empty values: the template reads a missing one as none
        if (filter.team() != null) {
            model.put("team", filter.team());
        }
        if (filter.chair() != null) {
            model.put("chair", filter.chair());
        }
        model.put("recorded", asRecordedNow ? "As the record stands now."
                : "As the record stood at " + MOMENT.format(report.recordedBy().atZone(ReportQueries.LONDON))
                        + ": facts recorded after then are left out, and corrections made since are undone.");
        return Document.of("documents/iro-report", model, "IRO report: " + report.period().title());
    }
}
