package org.oversight.deploy.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded default: when no database is configured ({@code spring.datasource.url} / {@code
 * SPRING_DATASOURCE_URL} unset), start a PostgreSQL of our own whose data directory survives restarts, point
 * the application at it, and switch on the {@code embedded} profile (demo users and synthetic demo data). The
 * database is durable, admits only its own password and is restarted if it dies (see {@link EmbeddedServer}).
 */
public class EmbeddedDatabase implements ApplicationListener<ApplicationEvent> {

    public static final String PROFILE = "embedded";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private EmbeddedServer server;

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            startIfNoDatabaseConfigured(prepared.getEnvironment());
        } else if (event instanceof ApplicationPreparedEvent prepared && server != null
                && prepared.getApplicationContext().getBeanFactory() instanceof DefaultListableBeanFactory beans) {
            // registered before any bean, so destroyed after all of them: the event processors, the session
            // store and the connection pool finish their last work on a running database
            beans.registerDisposableBean("embeddedPostgres", this::stop);
        } else if (event instanceof ApplicationFailedEvent) {
            stop();
        }
    }

    private void startIfNoDatabaseConfigured(ConfigurableEnvironment environment) {
        String configured = environment.getProperty("spring.datasource.url");
        if (configured != null && !configured.isBlank() || server != null) {
            return;
        }
        Path dataDirectory = Path.of(environment.getProperty("oversight.embedded.data-dir",
                Path.of(System.getProperty("user.home"), ".oversight", "postgres").toString()));
        int port = environment.getProperty("oversight.embedded.port", Integer.class, 54329);
        Duration watchInterval = environment.getProperty("oversight.embedded.watchdog-interval", Duration.class,
                Duration.ofSeconds(1));
        server = EmbeddedServer.start(dataDirectory, port, Map.of());
        server.watch(watchInterval);
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", server.jdbcUrl());
        properties.put("spring.datasource.username", EmbeddedServer.USERNAME);
        properties.put("spring.datasource.password", server.password());
        if (environment.getProperty("oversight.audit.anchor-file", "").isBlank()) {
            // beside the data directory, like the key: outside the database, out of reach of its users
            properties.put("oversight.audit.anchor-file", dataDirectory.resolveSibling("chain-anchor.txt").toString());
        }
        if (environment.getProperty("oversight.audit.chain-key", "").isBlank()) {
            properties.put("oversight.audit.chain-key", chainKeyBeside(dataDirectory));
        }
        if (environment.getProperty("oversight.data.key-encryption-key", "").isBlank()) {
            properties.put("oversight.data.key-encryption-key", dataKeyBeside(dataDirectory));
        }
        environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", properties));
        environment.addActiveProfile(PROFILE);
        LOG.info("Embedded PostgreSQL {} on port {}, data kept in {}", EmbeddedServer.MAJOR_VERSION, port,
                dataDirectory);
    }

    /** The running embedded database, if this launcher started one. */
    public Optional<EmbeddedServer> server() {
        return Optional.ofNullable(server);
    }

    /**
     * The demo's event-chain key, made once and kept beside (not inside) the database's data directory, so that
     * the sealed history of the demo stays verifiable across restarts.
     */
    public static String chainKeyBeside(Path dataDirectory) {
        return keyBeside(dataDirectory, "chain.key");
    }

    /**
     * The demo's key-encryption key, which wraps every child's data key: made once and kept beside the data
     * directory like the chain key. A copy of the data directory without it reads no child's personal content.
     */
    public static String dataKeyBeside(Path dataDirectory) {
        return keyBeside(dataDirectory, "data.key");
    }

    private static String keyBeside(Path dataDirectory, String name) {
        Path file = dataDirectory.toAbsolutePath().resolveSibling(name);
        try {
            Files.createDirectories(file.getParent());
            if (Files.notExists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    LOG.warn("Could not restrict the permissions of the key file {}", name);
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the key " + file, e);
        }
    }

    private void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
