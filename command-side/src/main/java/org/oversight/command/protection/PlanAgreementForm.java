package org.oversight.command.protection;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oversight.command.web.FormLayout;

/**
 * The form agreeing a child protection plan: its outcomes in a text area, one a line, the contingency plan, and a
 * fixed number of rows for the SMART actions. Fixed rows rather than "add another": the form works without
 * scripts and with one post, a plan agreed at a conference rarely has more actions than the rows offered (more go
 * in by a second agreement at a later conference, or the JSON API), and a refused form comes back with every row
 * as typed. Rows left blank are taken out and the rest renumbered before anything is bound, so that a problem
 * with the command's {@code actions[i]} points at the i-th row the form shows when it comes back.
 */
public final class PlanAgreementForm implements FormLayout {

    /** How many action rows the form offers; the query side's page draws the same number. */
    public static final int ACTION_ROWS = 5;

    private static final Pattern ROW = Pattern.compile("actions\\[(\\d+)]\\.(.+)");
    private static final List<String> PARTS = List.of("action", "owner", "dueOn-day", "dueOn-month", "dueOn-year");

    @Override
    public Map<String, List<String>> toRecord(Map<String, String[]> inputs, Map<String, String> pathVariables) {
        Map<String, List<String>> record = new LinkedHashMap<>();
        Map<String, String[]> typed = asTyped(inputs);
        typed.forEach((name, values) -> record.put(name, List.of(values)));
        String[] outcomes = inputs.get("outcomes");
        record.put("outcomes", outcomes == null || outcomes.length == 0 ? List.of()
                : Arrays.stream(outcomes[0].split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList());
        if (typed.keySet().stream().noneMatch(name -> name.startsWith("actions["))) {
            // no row filled in: an empty list, which the plan's own rule then reports on the first row
            record.put("actions", List.of());
        }
        return record;
    }

    @Override
    public String toInput(String field, Map<String, String[]> inputs) {
        return "actions".equals(field) ? "actions[0].action" : field;
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

    @Override
    public String label(String path) {
        return path.matches("actions\\[\\d+]\\.dueOn") ? "The date action {n} is due" : null;
    }

    private static boolean blank(String[] values) {
        return values == null || values.length == 0 || values[0].isBlank();
    }
}
