package org.oversight.command.protection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oversight.command.web.FormLayout;

/**
 * The core group form: the agencies that attended as ticks and, for each action of the plan open on the page, a
 * radio named by the action ({@code progress.<actionId>}). An action whose progress is not chosen was not
 * discussed and is left out; the others become the request's {@code actionProgress} in the order the page drew
 * them, so a problem with {@code actionProgress[k]} is shown beside the action it is about. Naming the inputs by
 * action rather than by row keeps each answer on its own action when the form comes back refused.
 */
public final class CoreGroupForm implements FormLayout {

    private static final String PROGRESS = "progress.";
    private static final Pattern STEP = Pattern.compile("actionProgress\\[(\\d+)]\\.(.+)");

    @Override
    public Map<String, List<String>> toRecord(Map<String, String[]> inputs, Map<String, String> pathVariables) {
        Map<String, List<String>> record = new LinkedHashMap<>();
        inputs.forEach((name, values) -> {
            if (!name.startsWith(PROGRESS)) {
                record.put(name, List.of(values));
            }
        });
        List<String> discussed = discussed(inputs);
        for (int k = 0; k < discussed.size(); k++) {
            String actionId = discussed.get(k);
            record.put("actionProgress[" + k + "].actionId", List.of(actionId));
            record.put("actionProgress[" + k + "].progress", List.of(inputs.get(PROGRESS + actionId)[0].strip()));
        }
        if (discussed.isEmpty()) {
            record.put("actionProgress", List.of());
        }
        return record;
    }

    @Override
    public String toInput(String field, Map<String, String[]> inputs) {
        Matcher step = STEP.matcher(field);
        if (!step.matches()) {
            return field;
        }
        List<String> discussed = discussed(inputs);
        int k = Integer.parseInt(step.group(1));
        return k < discussed.size() ? PROGRESS + discussed.get(k) : null;
    }

    /** The actions whose progress was chosen, in the order the page posted them. */
    private static List<String> discussed(Map<String, String[]> inputs) {
        List<String> discussed = new ArrayList<>();
        inputs.forEach((name, values) -> {
            if (name.startsWith(PROGRESS) && values.length > 0 && !values[0].isBlank()) {
                discussed.add(name.substring(PROGRESS.length()));
            }
        });
        return discussed;
    }
}
