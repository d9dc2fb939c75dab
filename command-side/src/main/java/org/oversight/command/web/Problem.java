package org.oversight.command.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One reason a command was refused: the rule's code, the input field it concerns (or {@code null}) and a
 * message a chair understands.
 */
public record Problem(String rule, String field, String message) {

    /** Plain JDK types only: forms carry problems across a redirect in the (possibly shared) session. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("rule", rule);
        map.put("field", field);
        map.put("message", message);
        return map;
    }
}
