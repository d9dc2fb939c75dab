package org.oversight.deploy;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The query side as a service of its own: runs the projections and serves the pages and read API from the
 * shared PostgreSQL named by {@code SPRING_DATASOURCE_URL}. Several may run at once; they share the
 * projections' segments between them.
 */
@SpringBootApplication(scanBasePackages = {"org.oversight.query", "org.oversight.deploy.platform",
        "org.oversight.deploy.access", "org.oversight.deploy.identity"})
public class QueryServiceApplication {

    public static void main(String[] args) {
        Launch.run(QueryServiceApplication.class, args, null, "query-service");
    }
}
