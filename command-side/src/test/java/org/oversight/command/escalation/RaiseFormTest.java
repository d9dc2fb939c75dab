package org.oversight.command.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The raise form as the raise's request record: the child of the address with the brothers and sisters ticked,
 * "formal" or "informal" as whether it is formal, and a level only for a formal escalation.
 */
class RaiseFormTest {

    private final RaiseForm form = new RaiseForm();

    @Test
    void theChildOfTheAddressComesFirstAndAnInformalAlertHasNoLevel() {
        Map<String, List<String>> record = form.toRecord(Map.of("siblingIds", new String[] {"c-2", "c-3"},
                "formal", new String[] {"informal"}, "level", new String[] {"STAGE_1"},
                "escalationId", new String[] {"chosen"}), Map.of("childId", "c-1"));

        assertThat(record.get("childIds")).containsExactly("c-1", "c-2", "c-3");
        assertThat(record.get("formal")).containsExactly("false");
        assertThat(record).doesNotContainKeys("level", "escalationId");
        assertThat(form.toInput("childIds[1]", Map.of())).isEqualTo("siblingIds");
    }

    @Test
    void aFormalEscalationKeepsItsLevelAndAnUnansweredKindIsMissing() {
        assertThat(form.toRecord(Map.of("formal", new String[] {"formal"}, "level", new String[] {"STAGE_1"}),
                Map.of("childId", "c-1"))).containsEntry("formal", List.of("true"))
                .containsEntry("level", List.of("STAGE_1"));
        assertThat(form.toRecord(Map.of("formal", new String[] {" "}), Map.of("childId", "c-1")))
                .doesNotContainKey("formal");
    }
}
