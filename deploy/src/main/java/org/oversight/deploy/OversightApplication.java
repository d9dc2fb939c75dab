package org.oversight.deploy;

import org.oversight.deploy.embedded.EmbeddedDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The all-in-one launcher: command side and query side in one JVM. Without a configured database it starts
 * the embedded PostgreSQL and the demo (see {@link EmbeddedDatabase}); with {@code SPRING_DATASOURCE_URL} it
 * runs against that database instead.
 */
@SpringBootApplication(scanBasePackages = {"org.oversight.command", "org.oversight.query",
        "org.oversight.deploy.platform", "org.oversight.deploy.identity", "org.oversight.deploy.embedded",
        "org.oversight.deploy.access"})
public class OversightApplication {

    public static void main(String[] args) {
        Launch.run(OversightApplication.class, args, new EmbeddedDatabase());
    }
}
