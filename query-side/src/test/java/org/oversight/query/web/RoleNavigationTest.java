package org.oversight.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** The header's links follow each role's access: every role sees what it may use and nothing else. */
class RoleNavigationTest {

    private static List<String> labels(String role, String path) {
        return RoleNavigation.shownTo(new CurrentUser("someone", "Someone", Set.of(role)), path).stream()
                .map(RoleNavigation.Shown::label).toList();
    }

    @Test
    void eachRoleSeesTheLinksOfItsWork() {
        assertThat(labels("CHAIR", "/")).contains("My caseload", "Team caseload", "Find a child")
                .doesNotContain("Escalations", "People", "Subject access", "Returns");
        assertThat(labels("QA_LEAD", "/")).contains("Escalations", "IRO report", "Returns", "Timeliness")
                .doesNotContain("My caseload", "People");
        assertThat(labels("AUDITOR", "/")).contains("Find a child", "Read log").doesNotContain("Returns", "People");
        assertThat(labels("DATA_OFFICER", "/")).contains("Subject access", "Retention", "Dead letters")
                .doesNotContain("My caseload", "Escalations");
        assertThat(labels("ADMIN", "/")).contains("Local timescales", "People", "Returns")
                .doesNotContain("Find a child", "My caseload");
        assertThat(labels("REGIONAL_VIEWER", "/")).containsExactly("Report by authority", "Figures");
    }

    @Test
    void theLinkOfThePartOfTheServiceYouAreInIsCurrent() {
        List<RoleNavigation.Shown> shown = RoleNavigation.shownTo(
                new CurrentUser("someone", "Someone", Set.of("CHAIR")), "/caseload/team");

        assertThat(shown).filteredOn(RoleNavigation.Shown::current).extracting(RoleNavigation.Shown::label)
                .containsExactly("Team caseload");
    }

    @Test
    void theOfficersWhoBringAnAuthoritysHistoryInSeeTheImportAndNobodyElseDoes() {
        assertThat(labels("DATA_OFFICER", "/")).contains("Import history");
        assertThat(labels("ADMIN", "/")).contains("Import history");
        assertThat(labels("CHAIR", "/")).doesNotContain("Import history");
        assertThat(labels("AUDITOR", "/")).doesNotContain("Import history");
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPageGetsTheLinksAndAnAnswerOfTheApiIsSparedWorkingThemOut() {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("someone", "", "ROLE_CHAIR"));

        assertThat(new RoleNavigation().navigation(new MockHttpServletRequest("GET", "/children/new")))
                .extracting(RoleNavigation.Shown::label).contains("My caseload", "Register a child");
        assertThat(new RoleNavigation().navigation(new MockHttpServletRequest("POST", "/api/children"))).isEmpty();
        assertThat(PageShell.rendersPage(new MockHttpServletRequest("POST", "/children"))).isTrue();
        assertThat(PageShell.rendersPage(new MockHttpServletRequest("POST", "/api/children"))).isFalse();
    }
}
