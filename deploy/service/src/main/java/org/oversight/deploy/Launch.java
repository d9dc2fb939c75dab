package org.oversight.deploy;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/** What every launcher does before and after Spring starts. */
public final class Launch {

    private Launch() {
    }

    /**
     * Starts {@code application}; {@code listener}, if any, hears Spring's start-up from its first event (the
     * developer's launcher starts its embedded database there, before anything reads the settings).
     */
    public static ConfigurableApplicationContext run(Class<?> application, String[] args,
            ApplicationListener<?> listener, String... profiles) {
        // Axon reports usage to its vendor at start-up unless this is set; Oversight makes no outbound calls.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication app = new SpringApplication(application);
        if (listener != null) {
            app.addListeners(listener);
        }
        app.setAdditionalProfiles(profiles);
        try {
            return app.run(args);
        } catch (RuntimeException failed) {
            // Spring has logged why and closed what it had started; a thread it did not start (a library's
            // scheduler) must not keep a process that will never serve anything alive, looking healthy to
            // whatever watches it.
            System.exit(1);
            throw failed;
        }
    }
}
