package org.oversight.command.protection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rows of inputs on a conference form ({@code list[i].part}): the rows the chair left empty are taken out and
 * the rest renumbered from 0, so that the command's {@code list[i]} is the i-th row the form shows again.
 */
final class FormRows {

    private static final Pattern ROW = Pattern.compile("(\\w+)\\[(\\d+)]\\.(.+)");

    private FormRows() {
    }

    /**
     * The inputs with the list's rows renumbered, leaving out each row in which none of {@code telling} was
     * given: a ticked box or a question answered by default does not make a row of an empty one.
     */
    static Map<String, String[]> compacted(String list, List<String> parts, List<String> telling,
            Map<String, String[]> inputs) {
        Map<String, String[]> compacted = new LinkedHashMap<>();
        TreeSet<Integer> rows = new TreeSet<>();
        inputs.forEach((name, values) -> {
            Matcher row = ROW.matcher(name);
            if (row.matches() && row.group(1).equals(list)) {
                rows.add(Integer.parseInt(row.group(2)));
            } else {
                compacted.put(name, values);
            }
        });
        int next = 0;
        for (int row : rows) {
            String from = list + "[" + row + "].";
            if (telling.stream().allMatch(part -> blank(inputs.get(from + part)))) {
                continue;
            }
            String to = list + "[" + next++ + "].";
            for (String part : parts) {
                if (inputs.get(from + part) != null) {
                    compacted.put(to + part, inputs.get(from + part));
                }
            }
        }
        return compacted;
    }

    /** How many rows of the list the (compacted) inputs hold. */
    static int count(String list, Map<String, String[]> inputs) {
        int rows = 0;
        for (String name : inputs.keySet()) {
            Matcher row = ROW.matcher(name);
            if (row.matches() && row.group(1).equals(list)) {
                rows = Math.max(rows, Integer.parseInt(row.group(2)) + 1);
            }
        }
        return rows;
    }

    static boolean isRowInput(String list, String name) {
        Matcher row = ROW.matcher(name);
        return row.matches() && row.group(1).equals(list);
    }

    static String first(Map<String, String[]> inputs, String name) {
        String[] values = inputs.get(name);
        return values == null || values.length == 0 || values[0].isBlank() ? null : values[0];
    }

    static void put(Map<String, List<String>> record, String path, String value) {
        if (value != null) {
            record.put(path, List.of(value));
        }
    }

    private static boolean blank(String[] values) {
        return values == null || values.length == 0 || values[0].isBlank();
    }
}
