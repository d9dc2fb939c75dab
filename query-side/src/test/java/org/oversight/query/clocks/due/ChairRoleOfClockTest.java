package org.oversight.query.clocks.due;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oversight.events.childcase.ChairRole;

/** Whose caseload each clock falls on: every conference clock is the child protection chair's. */
class ChairRoleOfClockTest {

    @ParameterizedTest
    @ValueSource(strings = {"icpc", "pre-birth-conference", "pre-birth-first-review", "cp-review",
            "transfer-in-conference", "core-group", "cp-plan-action"})
    void conferencesCoreGroupsAndPlanActionsAreTheChildProtectionChairs(String kind) {
        assertThat(DueItems.chairRole(kind)).isEqualTo(ChairRole.CP_CHAIR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lac-review", "early-review", "consultation", "midway-check", "decisions-sent",
            "record-distribution", "care-plan-action", "iro-allocation", "escalation-response"})
    void reviewsOfLookedAfterChildrenAndWhatSurroundsThemAreTheIros(String kind) {
        assertThat(DueItems.chairRole(kind)).isEqualTo(ChairRole.IRO);
    }
}
