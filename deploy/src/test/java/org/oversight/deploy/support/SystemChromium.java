package org.oversight.deploy.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * The machine's own Chromium (Debian package {@code chromium}, or {@code CHROMIUM_PATH}) driven headless by
 * Playwright, which never downloads a browser here. Chromium is started without background networking, since
 * the machines this runs on reach no network but the package registries.
 */
public final class SystemChromium implements AutoCloseable {

    private final Playwright playwright;
    private final Browser browser;
    private final AccessibilityCheck accessibility;

    private SystemChromium(Playwright playwright, Browser browser, AccessibilityCheck accessibility) {
        this.playwright = playwright;
        this.browser = browser;
        this.accessibility = accessibility;
    }

    public static SystemChromium launch() {
        Path executable = executable();
        AccessibilityCheck accessibility = AccessibilityCheck.load();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setHeadless(true)
                .setExecutablePath(executable)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        return new SystemChromium(playwright, browser, accessibility);
    }

    /**
     * A fresh browser profile (no cookies, no session) whose relative addresses resolve against the app, in
     * British English (the pages format dates in the browser's language) and a desktop-sized window.
     */
    public BrowserContext newContext(String baseUrl) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl)
                .setLocale("en-GB").setViewportSize(1280, 900));
        accessibility.watch(context, baseUrl);
        return context;
    }

    /** Every page of the service the contexts reached is checked with axe-core (see {@link AccessibilityCheck}). */
    public AccessibilityCheck accessibility() {
        return accessibility;
    }

    /** Closes the browser, failing if any page the journey reached had a serious or critical accessibility fault. */
    @Override
    public void close() {
        try {
            accessibility.checkOpenPages(browser.contexts());
            browser.close();
            playwright.close();
        } finally {
            System.out.println(accessibility.tally());
            accessibility.assertNone();
        }
    }

    private static Path executable() {
        String configured = System.getenv("CHROMIUM_PATH");
        Path path = Paths.get(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("No Chromium at " + path + " for the browser journey tests: install it "
                    + "with `apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium executable");
        }
        return path;
    }
}
