package org.oversight.command.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The conference forms' rows as the request records' decisions: the form's own child first (from the
 * address), then each row that names a child, in order; and a refusal about a decision back on its row's input.
 */
class SiblingRowsTest {

    private final SiblingRows rows = new SiblingRows();

    @Test
    void theOwnChildAndEachNamedRowAreDecisionsInOrder() {
        Map<String, String[]> form = form("type", "INITIAL", "enquiryId", "e-own", "outcome", "PLAN",
                "initialCategory", "NEGLECT", "childAttended", "no", "viewsConveyed", "THROUGH_ADVOCATE",
                "sibling1-childId", "", "sibling2-childId", "c-two", "enquiry-c-two", "e-two",
                "sibling2-outcome", "NO_PLAN", "sibling2-initialCategory", "PHYSICAL_ABUSE",
                "sibling2-previousPlans", "2");

        Map<String, List<String>> record = rows.toRecord(form, Map.of("childId", "c-own"));

        assertThat(record).containsEntry("type", List.of("INITIAL"))
                .containsEntry("decisions[0].childId", List.of("c-own"))
                .containsEntry("decisions[0].enquiryId", List.of("e-own"))
                .containsEntry("decisions[0].initialCategory", List.of("NEGLECT"))
                .containsEntry("decisions[0].childsView.attended", List.of("false"))
                .containsEntry("decisions[0].childsView.conveyed", List.of("THROUGH_ADVOCATE"))
                .containsEntry("decisions[1].childId", List.of("c-two"))
                .containsEntry("decisions[1].enquiryId", List.of("e-two"))
                .containsEntry("decisions[1].previousPlans", List.of("2"))
                .doesNotContainKey("decisions[1].initialCategory")
                .doesNotContainKey("decisions[1].childsView.attended")
                .doesNotContainKey("decisions[2].childId");
    }

    @Test
    void aPlanThatEndsTakesAnEndReasonAndNoCategory() {
        Map<String, List<String>> record = rows.toRecord(form("planContinues", "no", "endReason", "CHILD_MOVED",
                "latestCategory", "NEGLECT"), Map.of("childId", "c-own"));

        assertThat(record).containsEntry("decisions[0].planContinues", List.of("false"))
                .containsEntry("decisions[0].endReason", List.of("CHILD_MOVED"))
                .doesNotContainKey("decisions[0].latestCategory");
        assertThat(rows.toRecord(form(), Map.of("childId", "c-own"))).doesNotContainKey("decisions[0].planContinues");
    }

    @Test
    void aProblemWithADecisionIsReportedOnItsRowsInput() {
        Map<String, String[]> form = form("sibling1-childId", "", "sibling2-childId", "c-two");

        assertThat(rows.toInput("decisions[1].outcome", form)).isEqualTo("sibling2-outcome");
        assertThat(rows.toInput("decisions[0].outcome", form)).isEqualTo("outcome");
        assertThat(rows.toInput("decisions[0].childsView", form)).isEqualTo("viewsConveyed");
        assertThat(rows.toInput("decisions[1].childsView.attended", form)).isEqualTo("sibling2-childAttended");
        assertThat(rows.toInput("decisions[0].enquiryId", form)).isNull();
        assertThat(rows.toInput("decisions[1].childId", form)).isEqualTo("sibling2-childId");
        assertThat(rows.toInput("heldOn", form)).isEqualTo("heldOn");
    }

    private static Map<String, String[]> form(String... pairs) {
        Map<String, String[]> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], new String[] {pairs[i + 1]});
        }
        return form;
    }
}
