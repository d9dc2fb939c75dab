package org.oversight.command.protection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rows of the conference-as-it-happened and minutes forms as the request records' lists: rows left empty
 * are taken out and the rest renumbered, so that a refusal about the command's i-th entry lands on the i-th row
 * the form shows again; each form's one question that is two answers in the command is split as the command
 * reads it.
 */
class ConferenceFormRowsTest {

    @Test
    void anEmptyAttendanceRowIsNobodyAndTheRowsAfterItMoveUp() {
        Map<String, String[]> form = form("attendees[0].role", "PARENT", "attendees[0].attendance", "PART",
                "attendees[0].invited", "true", "attendees[0].report", "NONE",
                "attendees[1].role", "", "attendees[1].invited", "true", "attendees[1].report", "NONE",
                "attendees[2].role", "AGENCY", "attendees[2].agency", "Police", "attendees[2].attendance", "ALL",
                "attendees[2].report", "NOT_SHARED");

        Map<String, List<String>> record = new AttendanceRows().toRecord(form, Map.of());

        assertThat(record).containsEntry("attendees[0].role", List.of("PARENT"))
                .containsEntry("attendees[0].invited", List.of("true"))
                .containsEntry("attendees[0].reportBeforeConference", List.of("false"))
                .doesNotContainKey("attendees[0].reportSharedInTime")
                .containsEntry("attendees[1].role", List.of("AGENCY"))
                .containsEntry("attendees[1].agency", List.of("Police"))
                .containsEntry("attendees[1].invited", List.of("false"))
                .containsEntry("attendees[1].reportBeforeConference", List.of("true"))
                .containsEntry("attendees[1].reportSharedInTime", List.of("false"))
                .doesNotContainKey("attendees[2].role")
                .doesNotContainKey("attendees[1].report");
    }

    @Test
    void aReportSharedInTimeIsAReportReceivedAndAProblemWithEitherIsShownOnTheOneQuestion() {
        AttendanceRows rows = new AttendanceRows();
        Map<String, List<String>> record = rows.toRecord(form("attendees[0].role", "AGENCY",
                "attendees[0].report", "SHARED"), Map.of());

        assertThat(record).containsEntry("attendees[0].reportBeforeConference", List.of("true"))
                .containsEntry("attendees[0].reportSharedInTime", List.of("true"));
        assertThat(rows.toInput("attendees[3].reportSharedInTime", Map.of())).isEqualTo("attendees[3].report");
        assertThat(rows.toInput("attendees", Map.of())).isEqualTo("attendees[0].role");
        assertThat(rows.toInput("attendees[1].agency", Map.of())).isEqualTo("attendees[1].agency");
    }

    @Test
    void aChosenAttendanceWithoutARoleIsStillARowSoItsMissingRoleIsReported() {
        Map<String, List<String>> record = new AttendanceRows().toRecord(form("attendees[4].attendance", "ALL"),
                Map.of());

        assertThat(record).containsEntry("attendees[0].attendance", List.of("ALL"))
                .doesNotContainKey("attendees[0].role");
    }

    @Test
    void aRecommendationOfNoPlanCarriesNoCategoryAndEmptyRowsAreLeftOut() {
        Map<String, String[]> form = form("chairDecision", "NO_PLAN", "chairCategory", "NEGLECT",
                "recommendations[0].agency", "", "recommendations[0].recommended", "",
                "recommendations[1].agency", "School", "recommendations[1].recommended", "NO_PLAN",
                "recommendations[1].category", "NEGLECT",
                "recommendations[2].agency", "Police", "recommendations[2].recommended", "PLAN",
                "recommendations[2].category", "NEGLECT", "recommendations[2].dissentReason", "Risk remains");

        Map<String, List<String>> record = new RecommendationRows().toRecord(form, Map.of());

        assertThat(record).containsEntry("chairDecision", List.of("NO_PLAN")).doesNotContainKey("chairCategory")
                .containsEntry("recommendations[0].agency", List.of("School"))
                .doesNotContainKey("recommendations[0].category")
                .containsEntry("recommendations[1].category", List.of("NEGLECT"))
                .containsEntry("recommendations[1].dissentReason", List.of("Risk remains"))
                .doesNotContainKey("recommendations[2].agency");
        assertThat(new RecommendationRows().toRecord(form("chairDecision", "PLAN", "chairCategory", "NEGLECT"),
                Map.of())).containsEntry("chairCategory", List.of("NEGLECT"));
        assertThat(new RecommendationRows().toInput("recommendations", Map.of()))
                .isEqualTo("recommendations[0].agency");
    }

    @Test
    void aPassageIsWithheldOnlyWhenItsBoxIsTickedAndEmptyPassagesAreLeftOut() {
        Map<String, String[]> form = form("summary", "Summary", "passages[0].text", "",
                "passages[1].text", "Shared", "passages[2].text", "Withheld",
                "passages[2].withheldFromParents", "true", "passages[3].text", "");

        Map<String, List<String>> record = new PassageRows().toRecord(form, Map.of());

        assertThat(record).containsEntry("summary", List.of("Summary"))
                .containsEntry("passages[0].text", List.of("Shared"))
                .containsEntry("passages[0].withheldFromParents", List.of("false"))
                .containsEntry("passages[1].text", List.of("Withheld"))
                .containsEntry("passages[1].withheldFromParents", List.of("true"))
                .doesNotContainKey("passages[2].text");
        assertThat(new PassageRows().asTyped(form)).containsKeys("passages[0].text", "passages[1].withheldFromParents")
                .doesNotContainKey("passages[2].text");
    }

    private static Map<String, String[]> form(String... pairs) {
        Map<String, String[]> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], new String[] {pairs[i + 1]});
        }
        return form;
    }
}
