package org.oversight.command.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The settings form as the request's settings: each timescale and each level's response time in its place, a
 * blank number as 0 for the range rules to report, and every problem back on the input it was typed into.
 */
class SettingsFormTest {

    private final SettingsForm form = new SettingsForm();

    @Test
    void timescalesAndResponseTimesAreLaidOntoTheSettings() {
        Map<String, List<String>> record = form.toRecord(Map.of("iroAllocationWorkingDays", new String[] {" 5 "},
                "response.STAGE_1", new String[] {""}, "reason", new String[] {"Annual review"}),
                Map.of("localAuthority", "LA1"));

        assertThat(record).containsEntry("settings.iroAllocationWorkingDays", List.of("5"))
                .containsEntry("settings.escalationResponseWorkingDays[STAGE_1]", List.of("0"))
                .containsEntry("settings.midwayCheckPercent", List.of("0"))
                .containsEntry("settings.earlyReviewWorkingDays", List.of("0"))
                .containsEntry("settings.dentalCheckMonths", List.of("0"))
                .containsEntry("settings.pepReviewMonths", List.of("0"))
                .containsEntry("reason", List.of("Annual review"));
    }

    @Test
    void aProblemIsShownOnTheInputAndNamedAsTheChairKnowsIt() {
        assertThat(form.toInput("escalationResponseWorkingDays.STAGE_1", Map.of())).isEqualTo("response.STAGE_1");
        assertThat(form.toInput("settings.escalationResponseWorkingDays[STAGE_2]", Map.of()))
                .isEqualTo("response.STAGE_2");
        assertThat(form.toInput("settings.recordWorkingDays", Map.of())).isEqualTo("recordWorkingDays");
        assertThat(form.toInput("effectiveFrom", Map.of())).isEqualTo("effectiveFrom");
        assertThat(form.label("settings.midwayCheckPercent")).isEqualTo("The midway check point");
        assertThat(form.label("settings.earlyReviewWorkingDays")).isEqualTo("The time to hold an early review");
        assertThat(form.label("settings.dentalCheckMonths")).isEqualTo("The time between dental checks");
        assertThat(form.label("settings.pepReviewMonths")).isEqualTo("The time between PEP reviews");
        assertThat(form.label("settings.escalationResponseWorkingDays[STAGE_2]"))
                .isEqualTo("The response time for this level");
    }
}
