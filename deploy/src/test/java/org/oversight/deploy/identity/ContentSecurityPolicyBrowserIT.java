package org.oversight.deploy.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.BrowserJourney;

/**
 * The pages work in a real browser under the Content-Security-Policy: GOV.UK Frontend starts, the charts are
 * drawn, and Chromium reports no script, style or other resource that the policy refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentSecurityPolicyBrowserIT {

    private BrowserJourney journey;

    @BeforeAll
    void start() {
        journey = BrowserJourney.startWithDemoChildren();
    }

    @AfterAll
    void stop() {
        if (journey != null) {
            journey.close();
        }
    }

    @Test
    void thePagesRunUnderThePolicyWithNothingRefused() {
        Page page = journey.chromium().newContext(journey.app().baseUrl()).newPage();
        List<String> problems = new CopyOnWriteArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) || message.text().contains("Content Security Policy")) {
                problems.add(message.text());
            }
        });
        page.onPageError(error -> problems.add(error));

        BrowserJourney.signIn(page, "qa.evans");
        assertGovukFrontendStarted(page);

        page.navigate("/service");
        assertGovukFrontendStarted(page);
        assertThat(page.locator("#team-chart")).isVisible();
        assertThat(drawn(page, "team-chart")).as("the chart of children by team was drawn").isTrue();

        page.navigate("/escalations");
        assertThat(page.locator("#quarter-chart")).isVisible();
        assertThat(drawn(page, "quarter-chart")).as("the chart of escalations by quarter was drawn").isTrue();

        page.navigate("/audit/reads");
        assertGovukFrontendStarted(page);

        assertThat(problems).as("what the browser refused or failed to run").isEmpty();
    }

    private static void assertGovukFrontendStarted(Page page) {
        assertThat(page.locator("body.govuk-frontend-supported.js-enabled")).hasCount(1);
        assertThat(page.locator("[data-module='govuk-skip-link'][data-govuk-skip-link-init]")).hasCount(1);
    }

    private static boolean drawn(Page page, String canvasId) {
        page.waitForFunction("id => typeof Chart !== 'undefined' && Chart.getChart(document.getElementById(id)) "
                + "!== undefined", canvasId);
        return Boolean.TRUE.equals(page.evaluate("id => Chart.getChart(document.getElementById(id)) !== undefined",
                canvasId));
    }
}
