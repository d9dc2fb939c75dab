package org.oversight.command.protection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oversight.command.web.FormLayout;
import org.oversight.events.protection.ConferenceOutcome;

/**
 * The conference forms on a child's record decide for that child (inputs without a prefix) and for up to three
 * other children of the family in rows ({@code sibling1-childId}, {@code sibling1-outcome}, ...); a row that
 * names no child is not a decision. The request records hold them as {@code decisions[0]} (the record's own
 * child, from the address) and {@code decisions[1..]} in row order. Yes/no radios are answers of true or false;
 * a category is read only with the outcome or answer it belongs to, as the form reveals it.
 */
public final class SiblingRows implements FormLayout {

    private static final int ROWS = 3;
    private static final Pattern PER_CHILD = Pattern.compile("decisions\\[(\\d+)]\\.(.+)");

    @Override
    public Map<String, List<String>> toRecord(Map<String, String[]> inputs, Map<String, String> pathVariables) {
        Map<String, List<String>> record = new LinkedHashMap<>();
        inputs.forEach((name, values) -> record.put(name, List.of(values)));
        List<String> rows = rows(inputs);
        for (int k = 0; k < rows.size(); k++) {
            String row = rows.get(k);
            String decision = "decisions[" + k + "].";
            String childId = row.isEmpty() ? pathVariables.get("childId") : first(inputs, row + "childId");
            put(record, decision + "childId", childId);
            put(record, decision + "enquiryId", first(inputs, row.isEmpty() ? "enquiryId" : "enquiry-" + childId));
            String outcome = first(inputs, row + "outcome");
            put(record, decision + "outcome", outcome);
            if (ConferenceOutcome.PLAN.name().equals(outcome)) {
                put(record, decision + "initialCategory", first(inputs, row + "initialCategory"));
            }
            put(record, decision + "previousPlans", first(inputs, row + "previousPlans"));
            String continues = yesNo(first(inputs, row + "planContinues"));
            put(record, decision + "planContinues", continues);
            if ("false".equals(continues)) {
                put(record, decision + "endReason", first(inputs, row + "endReason"));
            } else {
                put(record, decision + "latestCategory", first(inputs, row + "latestCategory"));
            }
            put(record, decision + "childsView.attended", yesNo(first(inputs, row + "childAttended")));
            put(record, decision + "childsView.conveyed", first(inputs, row + "viewsConveyed"));
        }
        return record;
    }

    /**
     * A decision's field as its row's input ({@code decisions[1].initialCategory} is {@code sibling2-...} when
     * the first row was left empty); identifiers the form carries hidden have no input to point at.
     */
    @Override
    public String toInput(String field, Map<String, String[]> inputs) {
        Matcher perChild = PER_CHILD.matcher(field);
        if (!perChild.matches()) {
            return field;
        }
        List<String> rows = rows(inputs);
        int index = Integer.parseInt(perChild.group(1));
        String row = index < rows.size() ? rows.get(index) : "";
        String own = perChild.group(2);
        if (own.startsWith("childsView")) {
            return own.equals("childsView.attended") ? row + "childAttended" : row + "viewsConveyed";
        }
        return switch (own) {
            case "enquiryId" -> null;
            case "childId" -> row.isEmpty() ? null : row + "childId";
            default -> row + own;
        };
    }

    /** The input-name prefix of each decision, in order: "" for the form's own child, then each named row. */
    private static List<String> rows(Map<String, String[]> inputs) {
        List<String> rows = new ArrayList<>(List.of(""));
        for (int n = 1; n <= ROWS; n++) {
            if (first(inputs, "sibling" + n + "-childId") != null) {
                rows.add("sibling" + n + "-");
            }
        }
        return rows;
    }

    private static String yesNo(String answer) {
        return answer == null ? null : String.valueOf("yes".equals(answer));
    }

    private static String first(Map<String, String[]> inputs, String name) {
        String[] values = inputs.get(name);
        return values == null || values.length == 0 || values[0].isBlank() ? null : values[0].strip();
    }

    private static void put(Map<String, List<String>> record, String path, String value) {
        if (value != null) {
            record.put(path, List.of(value));
        }
    }
}
