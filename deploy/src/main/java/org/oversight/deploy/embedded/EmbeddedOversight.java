package org.oversight.deploy.embedded;

import org.oversight.deploy.Launch;
import org.oversight.deploy.OversightApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The developer's launcher ({@code ./mvnw -pl deploy -am spring-boot:run}): the service a council runs ({@link
 * OversightApplication}) plus, unless a database is configured, an embedded PostgreSQL with demo accounts and
 * synthetic demo children (see {@link EmbeddedDatabase}). It lives apart from the service so that none of this
 * reaches a council's deployment.
 */
@SpringBootApplication
@Import(OversightApplication.class)
public class EmbeddedOversight {

    public static void main(String[] args) {
        Launch.run(EmbeddedOversight.class, args, new EmbeddedDatabase());
    }
}
