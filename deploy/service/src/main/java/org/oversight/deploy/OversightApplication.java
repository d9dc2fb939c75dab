package org.oversight.deploy;

import org.oversight.deploy.importing.ImportConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The all-in-one launcher: command side and query side in one JVM, against the PostgreSQL named by {@code
 * SPRING_DATASOURCE_URL}. This is what a council runs; it brings no database and no accounts of its own (the
 * developer's launcher, {@code EmbeddedOversight} in deploy/, adds an embedded PostgreSQL and the demo). It serves
 * the import of an authority's history from its returns too ({@link ImportConfiguration}).
 */
@SpringBootApplication(scanBasePackages = {"org.oversight.command", "org.oversight.query",
        "org.oversight.deploy.platform", "org.oversight.deploy.identity", "org.oversight.deploy.access"})
@Import(ImportConfiguration.class)
public class OversightApplication {

    public static void main(String[] args) {
        Launch.run(OversightApplication.class, args, null);
    }
}
