package org.oversight.query.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real PostgreSQL for one test class's projections: started before the class's first test and stopped after its
 * last, its schema made afresh from the Flyway migrations a test names, so each test starts from empty tables made
 * exactly as production makes them. Registered as a static field:
 * {@code @RegisterExtension static final ProjectionDatabase database = new ProjectionDatabase();}
 *
 * <p>Its connections are pooled, as the service's are: a new PostgreSQL connection for every statement (what the
 * embedded database's own data source gives) spent four fifths of a projection test's time connecting. A fresh schema
 * retires every connection made before it, so that nothing a connection kept of the old tables (its prepared
 * statements) outlives them.
 */
public final class ProjectionDatabase implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgres postgres;
    private HikariDataSource pool;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setPoolName("projection-tests");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(0);
        pool = new HikariDataSource(config);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (pool != null) {
            pool.close();
            pool = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    public DataSource dataSource() {
        return pool();
    }

    private HikariDataSource pool() {
        if (pool == null) {
            throw new IllegalStateException("the database starts before the class's first test: register it static");
        }
        return pool;
    }

    /** Drops every table and makes the schema again from these migrations ({@code V4_80__retention.sql}), in order. */
    public void freshSchema(String... migrations) {
        HikariDataSource connections = pool();
        try (Connection connection = connections.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public");
            for (String migration : migrations) {
                statement.execute(migration(migration));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the schema could not be made from " + String.join(", ", migrations), e);
        } finally {
            connections.getHikariPoolMXBean().softEvictConnections();
        }
    }

    private static String migration(String name) {
        String path = "db/migration/" + name;
        try (InputStream in = ProjectionDatabase.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no migration at " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the migration " + path + " could not be read", e);
        }
    }
}
