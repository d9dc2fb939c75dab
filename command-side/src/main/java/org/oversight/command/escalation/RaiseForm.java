package org.oversight.command.escalation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.command.web.FormLayout;

/**
 * The raise form on a child's record: the child is the one in the address, with any brothers and sisters
 * ticked ({@code siblingIds}); "formal" or "informal" answers whether it is formal; and the level is read only
 * for a formal escalation, as the form reveals it only then.
 */
public final class RaiseForm implements FormLayout {

    @Override
    public Map<String, List<String>> toRecord(Map<String, String[]> inputs, Map<String, String> pathVariables) {
        Map<String, List<String>> record = new LinkedHashMap<>();
        inputs.forEach((name, values) -> record.put(name, List.of(values)));
        List<String> children = new ArrayList<>(List.of(pathVariables.get("childId")));
        children.addAll(record.getOrDefault("siblingIds", List.of()));
        record.put("childIds", children);
        record.remove("escalationId");
        String kind = record.containsKey("formal") ? record.get("formal").get(0).strip() : "";
        if (kind.isEmpty()) {
            record.remove("formal");
        } else {
            record.put("formal", List.of(String.valueOf("formal".equals(kind))));
        }
        if (!"formal".equals(kind)) {
            record.remove("level");
        }
        return record;
    }

    @Override
    public String toInput(String field, Map<String, String[]> inputs) {
        return field.startsWith("childIds") ? "siblingIds" : field;
    }
}
