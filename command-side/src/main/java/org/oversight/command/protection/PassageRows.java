package org.oversight.command.protection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.command.web.FormLayout;

/**
 * The form for the chair's summary and analysis: the summary, then one row an analysis passage
 * ({@code passages[i].text} and a box {@code passages[i].withheldFromParents} ticked to leave it out of the
 * parents' minutes). Empty rows are taken out and the rest renumbered; an unticked box says the parents see it.
 */
public final class PassageRows implements FormLayout {

    private static final String LIST = "passages";
    private static final List<String> PARTS = List.of("text", "withheldFromParents");

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
            FormRows.put(record, at + "text", FormRows.first(typed, at + "text"));
            FormRows.put(record, at + "withheldFromParents",
                    String.valueOf("true".equals(FormRows.first(typed, at + "withheldFromParents"))));
        }
        return record;
    }

    @Override
    public String toInput(String field, Map<String, String[]> inputs) {
        return field;
    }

    @Override
    public Map<String, String[]> asTyped(Map<String, String[]> inputs) {
        return FormRows.compacted(LIST, PARTS, PARTS, inputs);
    }
}
