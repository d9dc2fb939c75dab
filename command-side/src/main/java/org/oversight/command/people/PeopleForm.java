package org.oversight.command.people;

import java.beans.PropertyEditorSupport;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.command.web.FormLayout;
import org.oversight.events.access.Role;
import org.oversight.events.access.Team;

/**
 * The people pages' forms. Chairing roles count only for a chair: the form shows them beneath the chair role,
 * ticked or not, so they are read only with it. A password is never kept for the form to show again.
 */
public final class PeopleForm implements FormLayout {

    static final String TEAM_SEPARATOR = "|";

    @Override
    public Map<String, List<String>> toRecord(Map<String, String[]> inputs, Map<String, String> pathVariables) {
        Map<String, List<String>> record = new LinkedHashMap<>();
        inputs.forEach((name, values) -> record.put(name, List.of(values)));
        String[] roles = inputs.get("roles");
        if (roles == null || Arrays.stream(roles).noneMatch(Role.CHAIR.name()::equals)) {
            record.remove("chairRoles");
        }
        return record;
    }

    @Override
    public String toInput(String field, Map<String, String[]> inputs) {
        return field;
    }

    @Override
    public Map<String, String[]> asTyped(Map<String, String[]> inputs) {
        Map<String, String[]> kept = new LinkedHashMap<>(inputs);
        kept.remove("initialPassword");
        return kept;
    }

    /** A team as the forms submit it: {@code <authority code>|<team name>} (codes and names cannot hold a bar). */
    static final class TeamChoice extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            int bar = text.indexOf(TEAM_SEPARATOR);
            if (bar <= 0 || bar == text.length() - 1) {
                throw new IllegalArgumentException("Not one of the teams listed");
            }
            setValue(new Team(text.substring(0, bar), text.substring(bar + 1)));
        }
    }
}
