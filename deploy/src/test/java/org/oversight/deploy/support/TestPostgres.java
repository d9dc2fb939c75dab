package org.oversight.deploy.support;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL for the tests of this JVM, started once on a free port in a throw-away directory. Each
 * caller gets a database of its own, so tests never see each other's events.
 *
 * <p>It is the same PostgreSQL (the binaries pinned in the root pom) as the embedded default, but it is not run
 * the same way: these databases are thrown away when the JVM ends and nothing in them has to survive a crash,
 * so commits do not wait for the disk ({@link #THROW_AWAY}) and connections need no password. What the embedded
 * default does to keep what it acknowledged is tested on the default itself (the durability tests), never here.
 */
public final class TestPostgres {

    /** Fast and not crash-safe: only for databases that are thrown away. */
    public static final Map<String, String> THROW_AWAY = Map.of("fsync", "off", "synchronous_commit", "off",
            // several cached application contexts, each with its own pool, share this server
            "max_connections", "300");

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** A fresh, empty database; answers its JDBC URL (user {@code postgres}, no password). */
    public static synchronized String freshDatabase() {
        String name = "oversight_test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database", e);
        }
        return server().getJdbcUrl("postgres", name);
    }

    /**
     * A fresh database with every migration applied, as the service would leave it, for a test that works on the
     * tables without starting the service; the caller closes the pool.
     */
    public static HikariDataSource freshMigratedDatabase() {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(freshDatabase());
        dataSource.setUsername("postgres");
        dataSource.setPassword("");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").outOfOrder(true)
                .ignoreMigrationPatterns("*:missing").load().migrate();
        return dataSource;
    }

    /** A PostgreSQL of the caller's own in the given directory, which survives {@code close()} for a restart. */
    public static EmbeddedPostgres startIn(Path dataDirectory) {
        return startIn(dataDirectory, 0);
    }

    /**
     * As {@link #startIn(Path)}, on the given port ({@code 0}: a free one), so that a database stopped under a
     * running application can be started again where the application looks for it.
     */
    public static EmbeddedPostgres startIn(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false).setPort(port);
            THROW_AWAY.forEach(builder::setServerConfig);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(Files.createTempDirectory("oversight-test-pg").toFile())
                        .setCleanDataDirectory(true);
                THROW_AWAY.forEach(builder::setServerConfig);
                server = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is going away; the temporary directory goes with it
                }
            }));
        }
        return server;
    }
}
