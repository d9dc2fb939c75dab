package org.oversight.deploy;

import org.oversight.deploy.importing.ImportOnTheCommandService;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The command side as a service of its own: accepts decisions and appends events to the shared PostgreSQL
 * named by {@code SPRING_DATASOURCE_URL}. Runs no projections. The import of an authority's history, which writes
 * through the aggregates and the event store, is served here too, pages and all ({@link ImportOnTheCommandService}).
 */
@SpringBootApplication(scanBasePackages = {"org.oversight.command", "org.oversight.deploy.platform",
        "org.oversight.deploy.access", "org.oversight.deploy.identity"})
@Import(ImportOnTheCommandService.class)
public class CommandServiceApplication {

    public static void main(String[] args) {
        Launch.run(CommandServiceApplication.class, args, null, "command-service");
    }
}
