package org.oversight.deploy;

import org.oversight.deploy.embedded.EmbeddedDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** What every launcher does before and after Spring starts. */
final class Launch {

    private Launch() {
    }

    static ConfigurableApplicationContext run(Class<?> application, String[] args, EmbeddedDatabase embedded,
            String... profiles) {
        // Axon reports usage to its vendor at start-up unless this is set; Oversight makes no outbound calls.
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        SpringApplication app = new SpringApplication(application);
        if (embedded != null) {
            app.addListeners(embedded);
        }
        app.setAdditionalProfiles(profiles);
        return app.run(args);
    }
}
