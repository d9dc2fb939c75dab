package org.oversight.command.protection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oversight.command.web.FormLayout;

/**
 * The attendance form: one row of inputs a person ({@code attendees[i].role}, {@code .agency}, {@code .name},
 * {@code .invited}, {@code .attendance}, {@code .report}). A row with no role, agency, name or attendance is
 * nobody and is taken out, and the rest renumbered, before anything is bound, so that a problem with the
 * command's {@code attendees[i]} is shown on the i-th row the form shows when it comes back. The report is one
 * question on the form (none; received and shared in time; received and not shared in time) and two answers
 * in the command; a ticked "invited" box is its only way of saying yes, so an unticked one says no.
 */
public final class AttendanceRows implements FormLayout {

    /** The report question's answers. */
    public static final String NO_REPORT = "NONE";
    public static final String SHARED = "SHARED";
    public static final String NOT_SHARED = "NOT_SHARED";

    private static final String LIST = "attendees";
    private static final List<String> WHO = List.of("role", "agency", "name", "attendance");
    private static final List<String> PARTS = List.of("role", "agency", "name", "invited", "attendance", "report");
    private static final Pattern REPORT = Pattern.compile("(attendees\\[\\d+])\\.report(BeforeConference|SharedInTime)");

    @Override
    public Map<String, List<String>> toRecord(Map<String, String[]> inputs, Map<String, String> pathVariables) {
        Map<String, String[]> typed = asTyped(inputs);
        Map<String, List<String>> record = new LinkedHashMap<>();
        typed.forEach((name, values) -> {
            if (!FormRows.isRowInput(LIST, name)) {
                record.put(name, List.of(values));
            }
        });
        for (int row = 0; row < FormRows.count(LIST, typed); row++) {
            String at = LIST + "[" + row + "].";
            for (String part : List.of("role", "agency", "name", "attendance")) {
                FormRows.put(record, at + part, FormRows.first(typed, at + part));
            }
            FormRows.put(record, at + "invited", String.valueOf("true".equals(FormRows.first(typed, at + "invited"))));
            String report = FormRows.first(typed, at + "report");
            boolean received = SHARED.equals(report) || NOT_SHARED.equals(report);
            FormRows.put(record, at + "reportBeforeConference", String.valueOf(received));
            if (received) {
                FormRows.put(record, at + "reportSharedInTime", String.valueOf(SHARED.equals(report)));
            }
        }
        return record;
    }

    @Override
    public String toInput(String field, Map<String, String[]> inputs) {
        if (LIST.equals(field)) {
            return LIST + "[0].role";
        }
        Matcher report = REPORT.matcher(field);
        return report.matches() ? report.group(1) + ".report" : field;
    }

    @Override
    public Map<String, String[]> asTyped(Map<String, String[]> inputs) {
        return FormRows.compacted(LIST, PARTS, WHO, inputs);
    }
}
