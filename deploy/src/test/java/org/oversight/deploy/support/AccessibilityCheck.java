package org.oversight.deploy.support;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Every page of the service a browser journey reaches is checked with axe-core, and a serious or critical
 * violation fails the journey, listing each rule and the elements it found (selectors only: never the elements'
 * text, which may be a child's details).
 *
 * <p>axe-core is put into every document before the page's own scripts (as the browser's DevTools would, so the
 * page's content security policy is untouched) and run once per document when it has loaded, and on the pages
 * still open when the browser closes. The violations are gathered while the journey runs and reported when the
 * browser closes ({@link #assertNone()}), or at once through {@link #assertAccessible(Page)}.
 *
 * <p>One finding is let pass: {@code aria-expanded} on a GOV.UK radio that reveals a conditional question (axe's
 * {@code aria-allowed-attr}). GOV.UK Frontend sets it on purpose, its conditional reveal having been tested with
 * screen readers, and the service keeps to the design system's pattern; any other attribute, or the same one
 * anywhere else, still fails.
 *
 * <p>axe-core is not fetched by the build: {@code .ci/run} installs the npm package into {@value #DEFAULT_FOLDER}
 * (or {@code AXE_CORE_PATH} names its {@code axe.min.js}); without it the journeys fail and say how to install it.
 */
public final class AccessibilityCheck {

    static final String DEFAULT_FOLDER = "deploy/.axe";
    static final String INSTALL = "npm install --no-save --prefix " + DEFAULT_FOLDER + " axe-core@4.11.0";
    private static final String SCRIPT = "node_modules/axe-core/axe.min.js";

    /**
     * Runs axe once per document and hands its serious and critical findings to the first caller only; asked
     * {@code again}, runs it afresh on the page as it is now and always answers.
     */
    private static final String RUN = """
            async (again) => {
              if (typeof axe === 'undefined' || document.contentType !== 'text/html') { return null; }
              const designSystemReveal = (v, n) => {
                if (v.id !== 'aria-allowed-attr') { return false; }
                const element = n.target.length === 1 ? document.querySelector(n.target[0]) : null;
                const attributes = JSON.stringify(n.any.concat(n.all, n.none).map(c => c.data));
                return element !== null && element.matches('.govuk-radios__input[aria-controls]')
                  && /aria-expanded/.test(attributes) && !/aria-(?!expanded)/.test(attributes);
              };
              const serious = () => axe.run(document, { resultTypes: ['violations'] }).then(results =>
                results.violations
                  .filter(v => v.impact === 'serious' || v.impact === 'critical')
                  .map(v => ({ v, nodes: v.nodes.filter(n => !designSystemReveal(v, n)) }))
                  .filter(f => f.nodes.length > 0)
                  .map(f => f.v.id + ' (' + f.v.impact + '): ' + f.nodes.map(n => n.target.join(' ')).join(', ')));
              if (!window.__oversightAxe) { window.__oversightAxe = serious(); }
              const found = await window.__oversightAxe;
              if (again) { window.__oversightAxe = serious(); return await window.__oversightAxe; }
              if (window.__oversightAxeTaken) { return null; }
              window.__oversightAxeTaken = true;
              return found;
            }""";

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final String axeSource;
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger checked = new AtomicInteger();
    private final AtomicInteger missed = new AtomicInteger();
    private final Map<BrowserContext, String> watched = Collections.synchronizedMap(new IdentityHashMap<>());

    private AccessibilityCheck(String axeSource) {
        this.axeSource = axeSource;
    }

    /** Reads axe-core from where {@code .ci/run} installs it, failing with how to install it when it is not there. */
    public static AccessibilityCheck load() {
        Path script = location();
        if (!Files.isReadable(script)) {
            throw new IllegalStateException("axe-core is not installed, so the browser journeys cannot check each page's "
                    + "accessibility: install it from the repository's root with `" + INSTALL + "` (as .ci/run "
                    + "does), or set AXE_CORE_PATH to an axe-core 4.x axe.min.js; looked for " + script);
        }
        try {
            String source = Files.readString(script, StandardCharsets.UTF_8);
            if (!source.startsWith("/*! axe v4.")) {
                throw new IllegalStateException("The axe-core at " + script + " is not a 4.x version: install it with `"
                        + INSTALL + "`");
            }
            return new AccessibilityCheck(source);
        } catch (IOException e) {
            throw new IllegalStateException("axe-core could not be read from " + script, e);
        }
    }

    private static Path location() {
        String configured = System.getenv("AXE_CORE_PATH");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured);
        }
        // failsafe runs in the deploy module; an IDE may run from the repository's root
        Path fromModule = Paths.get(".axe").resolve(SCRIPT);
        Path fromRoot = Paths.get(DEFAULT_FOLDER).resolve(SCRIPT);
        return Files.exists(fromModule) || !Files.exists(fromRoot) ? fromModule.toAbsolutePath() : fromRoot;
    }

    /** The version installed, as the script names itself. */
    public String version() {
        int end = axeSource.indexOf('\n');
        return axeSource.substring("/*! axe v".length(), end < 0 ? 20 : end).strip();
    }

    /** Checks every page of the service ({@code baseUrl}) that the context's pages reach. */
    public void watch(BrowserContext context, String baseUrl) {
        watched.put(context, baseUrl);
        context.addInitScript(axeSource);
        context.onPage(page -> page.onLoad(loaded -> check(loaded, baseUrl)));
    }

    /** Checks the pages the journey left open, whose load may have come too late for the check on loading. */
    public void checkOpenPages(List<BrowserContext> contexts) {
        for (BrowserContext context : contexts) {
            String baseUrl = watched.get(context);
            if (baseUrl != null) {
                context.pages().forEach(page -> check(page, baseUrl));
            }
        }
    }

    /** Checks the page now and fails at once on a serious or critical violation, whatever was found before. */
    public void assertAccessible(Page page) {
        List<String> found = run(page, true);
        if (found == null) {
            throw new AssertionError("axe-core did not run on " + entry(page.url(), List.of()));
        }
        if (!found.isEmpty()) {
            throw new AssertionError(report(List.of(entry(page.url(), found))));
        }
    }

    /** How many pages were checked, and how many the journey left before axe-core had finished with them. */
    public String tally() {
        return "axe-core " + version() + " checked " + checked.get() + " pages; " + missed.get()
                + " were left before the check finished";
    }

    /** Fails listing every serious or critical violation found on the pages checked so far. */
    public void assertNone() {
        List<String> found;
        synchronized (violations) {
            found = List.copyOf(violations);
            violations.clear();
        }
        if (!found.isEmpty()) {
            throw new AssertionError(report(found));
        }
    }

    private void check(Page page, String baseUrl) {
        String url = page.url();
        if (url == null || !url.startsWith(baseUrl)) {
            return;
        }
        try {
            List<String> found = run(page, false);
            if (found != null) {
                checked.incrementAndGet();
            }
            if (found != null && !found.isEmpty()) {
                violations.add(entry(url, found));
            }
        } catch (PlaywrightException leftOrClosed) {
            // the journey left or closed the page while axe ran on it; counted, so that the report can say so
            missed.incrementAndGet();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> run(Page page, boolean again) {
        return (List<String>) page.evaluate(RUN, again);
    }

    private String report(List<String> entries) {
        return "Serious or critical accessibility violations found by axe-core " + version() + " (rule: elements):\n"
                + String.join("\n", entries);
    }

    /** The page by its path alone, ids in it and in the selectors replaced, so that no record is named. */
    private static String entry(String url, List<String> found) {
        String path = URI.create(url).getPath();
        StringBuilder entry = new StringBuilder(UUID.matcher(path).replaceAll("{id}")).append(':');
        for (String violation : found) {
            entry.append("\n  ").append(UUID.matcher(violation).replaceAll("{id}"));
        }
        return entry.toString();
    }
}
