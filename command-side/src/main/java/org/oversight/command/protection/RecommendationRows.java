package org.oversight.command.protection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.command.web.FormLayout;
import org.oversight.events.protection.ConferenceOutcome;

/**
 * The recommendations form: one row of inputs an agency ({@code recommendations[i].agency}, {@code .recommended},
 * {@code .category}, {@code .dissentReason}). A row with nothing in it is taken out and the rest renumbered
 * before anything is bound. A category is read only with the recommendation of a plan it belongs to, and the
 * chair's category only with the chair's decision of a plan, as the form asks for them.
 */
public final class RecommendationRows implements FormLayout {

    private static final String LIST = "recommendations";
    private static final List<String> PARTS = List.of("agency", "recommended", "category", "dissentReason");
    private static final String PLAN = ConferenceOutcome.PLAN.name();

    @Override
    public Map<String, List<String>> toRecord(Map<String, String[]> inputs, Map<String, String> pathVariables) {
        Map<String, String[]> typed = asTyped(inputs);
        Map<String, List<String>> record = new LinkedHashMap<>();
        typed.forEach((name, values) -> {
            if (!FormRows.isRowInput(LIST, name) && !"chairCategory".equals(name)) {
                record.put(name, List.of(values));
            }
        });
        if (PLAN.equals(FormRows.first(typed, "chairDecision"))) {
            FormRows.put(record, "chairCategory", FormRows.first(typed, "chairCategory"));
        }
        for (int row = 0; row < FormRows.count(LIST, typed); row++) {
            String at = LIST + "[" + row + "].";
            String recommended = FormRows.first(typed, at + "recommended");
            FormRows.put(record, at + "agency", FormRows.first(typed, at + "agency"));
            FormRows.put(record, at + "recommended", recommended);
            if (PLAN.equals(recommended)) {
                FormRows.put(record, at + "category", FormRows.first(typed, at + "category"));
            }
            FormRows.put(record, at + "dissentReason", FormRows.first(typed, at + "dissentReason"));
        }
        return record;
    }

    @Override
    public String toInput(String field, Map<String, String[]> inputs) {
        return LIST.equals(field) ? LIST + "[0].agency" : field;
    }

    @Override
    public Map<String, String[]> asTyped(Map<String, String[]> inputs) {
        return FormRows.compacted(LIST, PARTS, PARTS, inputs);
    }
}
