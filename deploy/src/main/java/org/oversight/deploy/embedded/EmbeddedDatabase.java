package org.oversight.deploy.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default: when no database is configured ({@code spring.datasource.url} / {@code
 * SPRING_DATASOURCE_URL} unset), start a PostgreSQL of our own whose data directory survives restarts, point
 * the application at it, and switch on the {@code embedded} profile (demo users and synthetic demo data).
 */
public class EmbeddedDatabase implements ApplicationListener<ApplicationEvent> {

    public static final String PROFILE = "embedded";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private EmbeddedPostgres postgres;

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            startIfNoDatabaseConfigured(prepared.getEnvironment());
        } else if (event instanceof ContextClosedEvent) {
            stop();
        }
    }

    private void startIfNoDatabaseConfigured(ConfigurableEnvironment environment) {
        String configured = environment.getProperty("spring.datasource.url");
        if (configured != null && !configured.isBlank() || postgres != null) {
            return;
        }
        Path dataDirectory = Path.of(environment.getProperty("oversight.embedded.data-dir",
                Path.of(System.getProperty("user.home"), ".oversight", "postgres").toString()));
        int port = environment.getProperty("oversight.embedded.port", Integer.class, 54329);
        try {
            Files.createDirectories(dataDirectory.getParent());
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start (is another Oversight running "
                    + "on the same data directory or port " + port + "?)", e);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "");
        if (environment.getProperty("oversight.audit.anchor-file", "").isBlank()) {
            // beside the data directory, like the key: outside the database, out of reach of its users
            properties.put("oversight.audit.anchor-file", dataDirectory.resolveSibling("chain-anchor.txt").toString());
        }
        if (environment.getProperty("oversight.audit.chain-key", "").isBlank()) {
            properties.put("oversight.audit.chain-key", chainKeyBeside(dataDirectory));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", properties));
        environment.addActiveProfile(PROFILE);
        LOG.info("Embedded PostgreSQL on port {}, data kept in {}", port, dataDirectory);
    }

    /**
     * The demo's event-chain key, made once and kept beside (not inside) the database's data directory, so that
     * the sealed history of the demo stays verifiable across restarts.
     */
    public static String chainKeyBeside(Path dataDirectory) {
        Path file = dataDirectory.toAbsolutePath().resolveSibling("chain.key");
        try {
            Files.createDirectories(file.getParent());
            if (Files.notExists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    LOG.warn("Could not restrict the permissions of the event chain key file");
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the event chain key " + file, e);
        }
    }

    private void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                LOG.warn("The embedded PostgreSQL did not stop cleanly; it recovers on the next start");
            }
            postgres = null;
        }
    }
}
