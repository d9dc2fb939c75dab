package org.oversight.command.lookedafter;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oversight.command.web.FormLayout;

/**
 * The review form: decisions and recommendations in text areas, one a line, and rows for the actions agreed.
 * Rows left blank are taken out and the rest renumbered before anything is bound, so that a problem with the
 * command's {@code actions[i]} points at the i-th row the form shows when it comes back.
 */
public final class ReviewForm implements FormLayout {

    private static final Pattern ROW = Pattern.compile("actions\\[(\\d+)]\\.(.+)");
    private static final List<String> PARTS = List.of("action", "owner", "dueOn-day", "dueOn-month", "dueOn-year");

    @Override
    public Map<String, List<String>> toRecord(Map<String, String[]> inputs, Map<String, String> pathVariables) {
        Map<String, List<String>> record = new LinkedHashMap<>();
        asTyped(inputs).forEach((name, values) -> record.put(name, List.of(values)));
        for (String lines : List.of("decisions", "recommendations")) {
            String[] typed = inputs.get(lines);
            record.put(lines, typed == null || typed.length == 0 ? List.of()
                    : Arrays.stream(typed[0].split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList());
        }
        return record;
    }

    @Override
    public String toInput(String field, Map<String, String[]> inputs) {
        return field;
    }

    @Override
    public Map<String, String[]> asTyped(Map<String, String[]> inputs) {
        Map<String, String[]> compacted = new LinkedHashMap<>();
        TreeSet<Integer> rows = new TreeSet<>();
        inputs.forEach((name, values) -> {
            Matcher row = ROW.matcher(name);
            if (row.matches()) {
                rows.add(Integer.parseInt(row.group(1)));
            } else {
                compacted.put(name, values);
            }
        });
        int next = 0;
        for (int row : rows) {
            String from = "actions[" + row + "].";
            if (PARTS.stream().allMatch(part -> blank(inputs.get(from + part)))) {
                continue;
            }
            String to = "actions[" + next++ + "].";
            for (String part : PARTS) {
                if (inputs.get(from + part) != null) {
                    compacted.put(to + part, inputs.get(from + part));
                }
            }
        }
        return compacted;
    }

    private static boolean blank(String[] values) {
        return values == null || values.length == 0 || values[0].isBlank();
    }
}
