package org.oversight.events.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultEscalationPolicyTest {

    private final EscalationPolicy policy = new DefaultEscalationPolicy();

    @Test
    void theDefaultLevelsRunFromTeamManagerToTheDirectorOfChildrensServices() {
        assertThat(policy.levels("LA1")).containsExactly("TEAM_MANAGER", "SERVICE_MANAGER", "HEAD_OF_SERVICE",
                "DIRECTOR_OF_CHILDRENS_SERVICES");
        assertThat(policy.title("DIRECTOR_OF_CHILDRENS_SERVICES")).isEqualTo("Director of children's services");
    }

    @Test
    void theDefaultConcernCategoriesIncludeTheThemesTheAnnualIroReportCounts() {
        assertThat(policy.concernCategories("LA1")).contains("CARE_PLANNING_DRIFT", "PERMANENCE",
                "UNALLOCATED_SOCIAL_WORKER", "CARE_PLAN_NOT_UPDATED", "HEALTH", "EDUCATION").hasSize(12);
        assertThat(policy.title("UNALLOCATED_SOCIAL_WORKER")).isEqualTo("No allocated social worker");
    }

    @Test
    void aCodeWithoutATitleIsReadableFromTheCodeItself() {
        assertThat(policy.title("PRACTICE_MANAGER")).isEqualTo("Practice manager");
    }
}
