package org.oversight.command.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The forms of the plan between conferences as their request records: the agreement's outcomes one a line and its
 * action rows renumbered without the blank ones; the core group's progress answers, named by their action, as the
 * request's list of progress in the order posted, and a problem with one of them shown beside its own action.
 */
class PlanBetweenConferencesFormsTest {

    @Test
    void theAgreementTakesOneOutcomeALineAndDropsBlankActionRows() {
        PlanAgreementForm form = new PlanAgreementForm();
        Map<String, List<String>> record = form.toRecord(posted("outcomes", " Safe at home\r\n\r\nAt school daily ",
                "actions[0].action", "", "actions[0].owner", " ", "actions[1].action", "Refer to parenting support",
                "actions[1].owner", "Social worker", "actions[1].dueOn-day", "3"), Map.of("childId", "c-1"));

        assertThat(record.get("outcomes")).containsExactly("Safe at home", "At school daily");
        assertThat(record.get("actions[0].action")).containsExactly("Refer to parenting support");
        assertThat(record.get("actions[0].dueOn-day")).containsExactly("3");
        assertThat(record).doesNotContainKeys("actions[1].action", "actions");
        assertThat(form.label("actions[0].dueOn")).isEqualTo("The date action {n} is due");
    }

    @Test
    void anAgreementWithEveryActionRowBlankHasNoActionsAndItsProblemIsShownOnTheFirstRow() {
        PlanAgreementForm form = new PlanAgreementForm();
        Map<String, List<String>> record = form.toRecord(posted("outcomes", "Safe", "actions[0].action", ""),
                Map.of());

        assertThat(record.get("actions")).isEmpty();
        assertThat(form.toInput("actions", Map.of())).isEqualTo("actions[0].action");
    }

    @Test
    void theCoreGroupTakesTheActionsWhoseProgressWasChosenInTheOrderPosted() {
        CoreGroupForm form = new CoreGroupForm();
        Map<String, String[]> posted = posted("heldOn-day", "3", "progress.a-1", "", "progress.a-2", "DELAYED",
                "progress.a-3", "ON_TRACK");
        Map<String, List<String>> record = form.toRecord(posted, Map.of());

        assertThat(record.get("actionProgress[0].actionId")).containsExactly("a-2");
        assertThat(record.get("actionProgress[0].progress")).containsExactly("DELAYED");
        assertThat(record.get("actionProgress[1].actionId")).containsExactly("a-3");
        assertThat(record).doesNotContainKeys("progress.a-2", "actionProgress[2].actionId");
        assertThat(form.toInput("actionProgress[1].actionId", posted)).isEqualTo("progress.a-3");
        assertThat(form.toInput("heldOn", posted)).isEqualTo("heldOn");
    }

    @Test
    void aCoreGroupWithNoActionDiscussedHasAnEmptyListOfProgress() {
        Map<String, List<String>> record = new CoreGroupForm().toRecord(posted("progress.a-1", ""), Map.of());
        assertThat(record.get("actionProgress")).isEmpty();
    }

    private static Map<String, String[]> posted(String... pairs) {
        Map<String, String[]> posted = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            posted.put(pairs[i], new String[] {pairs[i + 1]});
        }
        return posted;
    }
}
