package org.oversight.deploy.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import java.time.LocalDate;

/**
 * What a browser journey needs around it: the whole application on a fresh PostgreSQL with a clock the journey
 * moves, the system Chromium, and the steps every journey takes the same way (signing in, filling a GOV.UK date).
 */
public final class BrowserJourney implements AutoCloseable {

    private final MovableClock clock;
    private final OversightTestApp app;
    private final SystemChromium chromium;

    private BrowserJourney(MovableClock clock, OversightTestApp app, SystemChromium chromium) {
        this.clock = clock;
        this.app = app;
        this.chromium = chromium;
    }

    /** Starts the application (clock starting now, with any extra arguments) and the browser. */
    public static BrowserJourney start(String... appArguments) {
        MovableClock clock = MovableClock.startingNow();
        OversightTestApp app = OversightTestApp.start(clock, TestPostgres.freshDatabase(), appArguments);
        try {
            return new BrowserJourney(clock, app, SystemChromium.launch());
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /**
     * Starts the application exactly as the embedded demo does, synthetic demo children included, on the system
     * clock (the demo's histories are dated from today), and the browser.
     */
    public static BrowserJourney startWithDemoChildren() {
        OversightTestApp app = OversightTestApp.startWithDemoChildren(TestPostgres.freshDatabase());
        try {
            return new BrowserJourney(null, app, SystemChromium.launch());
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }

    /** The clock the application runs on; there is none to move when it started with the demo children. */
    public MovableClock clock() {
        if (clock == null) {
            throw new IllegalStateException("this journey runs on the system clock");
        }
        return clock;
    }

    public OversightTestApp app() {
        return app;
    }

    public SystemChromium chromium() {
        return chromium;
    }

    /** A page in a fresh browser context, signed in as the demo user. */
    public Page signedInAs(String username) {
        Page page = chromium.newContext(app.baseUrl()).newPage();
        signIn(page, username);
        return page;
    }

    public static void signIn(Page page, String username) {
        page.navigate("/login");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(ApiClient.DEMO_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByTestId("signed-in-as")).isVisible();
    }

    /** Fills the day, month and year of the GOV.UK date input whose legend is exactly {@code legend}. */
    public static void fillDate(Page page, String legend, LocalDate date) {
        Locator group = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true));
        group.getByLabel("Day").fill(String.valueOf(date.getDayOfMonth()));
        group.getByLabel("Month").fill(String.valueOf(date.getMonthValue()));
        group.getByLabel("Year").fill(String.valueOf(date.getYear()));
    }

    /** The same, for a date input inside a part of the page, e.g. one of several repeated groups of fields. */
    public static void fillDate(Locator within, String legend, LocalDate date) {
        Locator group = within.getByRole(AriaRole.GROUP,
                new Locator.GetByRoleOptions().setName(legend).setExact(true));
        group.getByLabel("Day").fill(String.valueOf(date.getDayOfMonth()));
        group.getByLabel("Month").fill(String.valueOf(date.getMonthValue()));
        group.getByLabel("Year").fill(String.valueOf(date.getYear()));
    }

    /**
     * Presses Enter on a link or button as a keyboard user would, once the page has loaded (the accessibility
     * check runs on each page's load) and the control holds the focus.
     */
    public static void pressEnterOn(Page page, Locator control) {
        page.waitForLoadState(LoadState.LOAD);
        control.focus();
        assertThat(control).isFocused();
        page.keyboard().press("Enter");
    }

    /** Follows a link of the service's main navigation. */
    public static void navigateTo(Page page, String link) {
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(link)).click();
    }

    /**
     * Fails at once, listing rule ids and selectors, if axe-core finds a serious or critical violation on the page
     * as it is now (every page reached is checked anyway, and reported when the journey closes).
     */
    public void assertAccessible(Page page) {
        chromium.accessibility().assertAccessible(page);
    }

    @Override
    public void close() {
        try {
            chromium.close();
        } finally {
            app.close();
        }
    }
}
