package org.oversight.events.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A change of local timescales as it is stored: it reads back equal and its field names are pinned. */
class PolicyEventJsonTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final PolicySettingsChanged changed = new PolicySettingsChanged("LA1", LocalDate.of(2026, 4, 1),
            new PolicySettings(5, 32, 1, 15, 50, 10, 9, 3, Map.of("TEAM_MANAGER", 3, "DIRECTOR_OF_CHILDRENS_SERVICES", 10)),
            "New dispute resolution protocol agreed with the DCS");

    @Test
    void aChangeReadsBackEqual() throws Exception {
        assertThat(json.readValue(json.writeValueAsString(changed), PolicySettingsChanged.class)).isEqualTo(changed);
    }

    @Test
    void aChangeIsStoredWithItsSettingsByName() throws Exception {
        String stored = json.writeValueAsString(changed);

        assertThat(stored).contains("\"localAuthority\":\"LA1\"", "\"effectiveFrom\":\"2026-04-01\"",
                "\"iroAllocationWorkingDays\":5", "\"preBirthConferenceByWeek\":32", "\"decisionsWorkingDays\":1",
                "\"recordWorkingDays\":15", "\"midwayCheckPercent\":50",
                "\"earlyReviewWorkingDays\":10", "\"dentalCheckMonths\":9", "\"pepReviewMonths\":3",
                "\"TEAM_MANAGER\":3");
    }

    @Test
    void aLevelWithoutItsOwnSettingAnswersInTheDefaultFiveWorkingDays() {
        assertThat(changed.settings().escalationResponseWorkingDays("TEAM_MANAGER")).isEqualTo(3);
        assertThat(changed.settings().escalationResponseWorkingDays("SERVICE_MANAGER")).isEqualTo(5);
        assertThat(PolicySettings.DEFAULTS.escalationResponseWorkingDays("ANY")).isEqualTo(5);
    }
}
