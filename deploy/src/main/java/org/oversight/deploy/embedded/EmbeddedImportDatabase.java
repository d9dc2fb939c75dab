package org.oversight.deploy.embedded;

import java.nio.file.Path;
import org.oversight.deploy.generator.GenerateHistories;
import org.oversight.deploy.importing.ImportHistory;

/**
 * The command line import's {@code --data-dir} in the developer's jar: the embedded PostgreSQL kept in that
 * folder, started as the generator starts it, with the keys the launcher keeps beside it. Found by {@link
 * ImportHistory} through {@code META-INF/services}; the service jar has none, and refuses {@code --data-dir}.
 */
public final class EmbeddedImportDatabase implements ImportHistory.DeveloperDatabase {

    @Override
    public Opened open(Path dataDir, int port) {
        EmbeddedServer postgres = GenerateHistories.startPostgres(dataDir, port);
        try {
            return new Opened(postgres.jdbcUrl(), EmbeddedServer.USERNAME, postgres.password(),
                    EmbeddedDatabase.chainKeyBeside(dataDir), EmbeddedDatabase.dataKeyBeside(dataDir), postgres);
        } catch (RuntimeException unreadable) {
            postgres.close();
            throw unreadable;
        }
    }
}
