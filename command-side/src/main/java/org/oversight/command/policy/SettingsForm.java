package org.oversight.command.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.command.web.FormLayout;

/**
 * The settings form: each timescale in an input of its own name and each escalation level's response time in
 * {@code response.<LEVEL>}, laid out onto the request's {@code settings}. A blank number is read as 0, which the
 * range rules then report in their own words.
 */
public final class SettingsForm implements FormLayout {

    private static final String RESPONSE = "response.";
    private static final String RESPONSES = "settings.escalationResponseWorkingDays";
    private static final Map<String, String> TIMESCALES = Map.ofEntries(
            Map.entry("iroAllocationWorkingDays", "The time to allocate an IRO"),
            Map.entry("preBirthConferenceByWeek", "The pre-birth conference week"),
            Map.entry("decisionsWorkingDays", "The time to send out decisions"),
            Map.entry("recordWorkingDays", "The time to distribute the record"),
            Map.entry("midwayCheckPercent", "The midway check point"),
            Map.entry("earlyReviewWorkingDays", "The time to hold an early review"),
            Map.entry("dentalCheckMonths", "The time between dental checks"),
            Map.entry("pepReviewMonths", "The time between PEP reviews"),
            Map.entry("preBirthReviewAfterBirthWorkingDays", "The first review after a pre-birth plan, from the birth"),
            Map.entry("preBirthReviewAfterConferenceMonths",
                    "The first review after a pre-birth plan, from the conference"),
            Map.entry("transferInConferenceWorkingDays", "The time to hold a transfer-in conference"));

    @Override
    public Map<String, List<String>> toRecord(Map<String, String[]> inputs, Map<String, String> pathVariables) {
        Map<String, List<String>> record = new LinkedHashMap<>();
        inputs.forEach((name, values) -> {
            if (TIMESCALES.containsKey(name)) {
                record.put("settings." + name, List.of(number(values)));
            } else if (name.startsWith(RESPONSE)) {
                record.put(RESPONSES + "[" + name.substring(RESPONSE.length()) + "]", List.of(number(values)));
            } else {
                record.put(name, List.of(values));
            }
        });
        for (String timescale : TIMESCALES.keySet()) {
            record.putIfAbsent("settings." + timescale, List.of("0"));
        }
        return record;
    }

    @Override
    public String toInput(String field, Map<String, String[]> inputs) {
        if (field.startsWith(RESPONSES + "[") && field.endsWith("]")) {
            return RESPONSE + field.substring(RESPONSES.length() + 1, field.length() - 1);
        }
        if (field.startsWith("escalationResponseWorkingDays.")) {
            return RESPONSE + field.substring("escalationResponseWorkingDays.".length());
        }
        return field.startsWith("settings.") ? field.substring("settings.".length()) : field;
    }

    @Override
    public String label(String path) {
        if (path.startsWith(RESPONSES)) {
            return "The response time for this level";
        }
        return path.startsWith("settings.") ? TIMESCALES.get(path.substring("settings.".length())) : null;
    }

    private static String number(String[] values) {
        return values.length == 0 || values[0].isBlank() ? "0" : values[0].strip();
    }
}
