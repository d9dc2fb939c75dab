package org.oversight.deploy.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.BrowserJourney;

/**
 * An IRO who uses no mouse records a looked-after review from the child's page to the notice that it was
 * recorded with the keyboard alone: Tab and Shift+Tab to move, the arrow keys and Space to choose in a group of
 * radios, typing into the fields and Enter to follow the link and send the form. No element is clicked. Where
 * the keyboard is, the page shows it: the link and the submit button are checked for a visible focus style.
 */
class KeyboardReviewBrowserIT {

    /** More presses than any page here needs to reach anything, so that a trap fails rather than hangs. */
    private static final int MOST_PRESSES = 150;

    private static BrowserJourney journey;
    private static String childId;

    @BeforeAll
    static void aLookedAfterChild() {
        journey = BrowserJourney.start();
        LocalDate today = journey.clock().today();
        ApiClient iro = ApiClient.as(journey.app().baseUrl(), "iro.ahmed");
        HttpResponse<String> registered = iro.post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"KEYS1","givenName":"Sam","familyName":"Keyboard",
                 "dateOfBirth":"%s"}""".formatted(today.minusYears(12)));
        org.assertj.core.api.Assertions.assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        childId = registered.body().replaceAll(".*\"childId\":\"([^\"]+)\".*", "$1");
        expectOk(iro.post("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"iro.ahmed\",\"allocatedFrom\":\"%s\"}".formatted(today.minusDays(20))));
        expectOk(iro.post("/api/children/" + childId + "/looked-after/periods",
                "{\"startedOn\":\"%s\",\"legalStatus\":\"C2\"}".formatted(today.minusDays(20))));
    }

    @AfterAll
    static void stop() {
        if (journey != null) {
            journey.close();
        }
    }

    @Test
    void anIroRecordsAReviewWithTheKeyboardAlone() {
        LocalDate today = journey.clock().today();
        Page page = journey.signedInAs("iro.ahmed");
        page.navigate("/children/" + childId);
        assertThat(page.getByTestId("looked-after-links")).isVisible();
        Keyboard keys = page.keyboard();

        Locator recordReview = page.getByTestId("looked-after-links").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Record a review").setExact(true));
        tabTo(page, recordReview);
        assertFocusIsVisible(recordReview);
        keys.press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Record a looked-after review");

        Locator date = group(page, "Date of the review");
        tabTo(page, date.getByLabel("Day"));
        keys.type(String.valueOf(today.getDayOfMonth()));
        keys.press("Tab");
        keys.type(String.valueOf(today.getMonthValue()));
        keys.press("Tab");
        keys.type(String.valueOf(today.getYear()));

        // into the group of codes: the arrow keys move along it and choose, Space confirms
        Locator attendedAndSpoke = radio(page, "How did the child take part in the review?",
                "PN1: Attended and spoke for themselves");
        tabTo(page, group(page, "How did the child take part in the review?").getByRole(AriaRole.RADIO).first());
        arrowTo(page, attendedAndSpoke);
        keys.press("Space");
        assertThat(attendedAndSpoke).isChecked();

        Locator spokeBeforehand = radio(page, "Did you speak to the child before the review?", "Yes");
        tabTo(page, group(page, "Did you speak to the child before the review?").getByRole(AriaRole.RADIO).first());
        arrowTo(page, spokeBeforehand);
        keys.press("Space");
        assertThat(spokeBeforehand).isChecked();

        tabTo(page, page.getByLabel("Decisions"));
        keys.type("Sam stays with the current foster carers");

        // back to check the year typed, then on again
        Locator year = date.getByLabel("Year");
        shiftTabTo(page, year);
        assertThat(year).hasValue(String.valueOf(today.getYear()));
        tabTo(page, page.getByLabel("Decisions"));
        assertThat(page.getByLabel("Decisions")).hasValue("Sam stays with the current foster carers");

        Locator save = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save review"));
        tabTo(page, save);
        assertFocusIsVisible(save);
        assertThat(save).hasCSS("background-color", "rgb(255, 221, 0)");
        keys.press("Enter");

        assertThat(page.locator(".govuk-notification-banner--success")).containsText("Review recorded");
        assertThat(page).hasURL(Pattern.compile(".*/children/" + childId + "(\\?.*)?(#.*)?$"));
        journey.assertAccessible(page);
        page.context().close();
    }

    /** Presses Tab until {@code target} has the focus; fails if it never does. */
    private static void tabTo(Page page, Locator target) {
        press(page, target, "Tab");
    }

    private static void shiftTabTo(Page page, Locator target) {
        press(page, target, "Shift+Tab");
    }

    /** Moves along a group of radios with the arrow key until {@code target} has the focus. */
    private static void arrowTo(Page page, Locator target) {
        for (int i = 0; i < 20 && !focused(target); i++) {
            page.keyboard().press("ArrowDown");
        }
        org.assertj.core.api.Assertions.assertThat(focused(target)).as("the arrow keys reach the choice").isTrue();
    }

    private static void press(Page page, Locator target, String key) {
        target.waitFor();
        for (int i = 0; i < MOST_PRESSES; i++) {
            if (focused(target)) {
                return;
            }
            page.keyboard().press(key);
        }
        org.assertj.core.api.Assertions.fail(key + " never reached the element within " + MOST_PRESSES + " presses");
    }

    private static boolean focused(Locator target) {
        return (Boolean) target.evaluate("element => element === document.activeElement");
    }

    /** The focused element shows it: it matches :focus-visible and the GOV.UK focus style draws something. */
    private static void assertFocusIsVisible(Locator target) {
        Object shown = target.evaluate("""
                element => {
                  const style = getComputedStyle(element);
                  return element.matches(':focus-visible') && (style.outlineStyle !== 'none'
                    || style.boxShadow !== 'none' || style.backgroundColor === 'rgb(255, 221, 0)');
                }""");
        org.assertj.core.api.Assertions.assertThat(shown).as("a visible focus").isEqualTo(Boolean.TRUE);
    }

    private static Locator group(Page page, String legend) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true));
    }

    private static Locator radio(Page page, String legend, String label) {
        return group(page, legend).getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(label)
                .setExact(true));
    }

    private static void expectOk(HttpResponse<String> response) {
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
