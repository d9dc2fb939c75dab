package org.oversight.deploy;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The command side as a service of its own: accepts decisions and appends events to the shared PostgreSQL
 * named by {@code SPRING_DATASOURCE_URL}. Runs no projections.
 */
@SpringBootApplication(scanBasePackages = {"org.oversight.command", "org.oversight.deploy.platform",
        "org.oversight.deploy.access", "org.oversight.deploy.identity"})
public class CommandServiceApplication {

    public static void main(String[] args) {
        Launch.run(CommandServiceApplication.class, args, null, "command-service");
    }
}
