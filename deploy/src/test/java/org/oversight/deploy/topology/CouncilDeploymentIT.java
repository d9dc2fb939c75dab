package org.oversight.deploy.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.TestPostgres;

/**
 * The jar a council deploys (deploy/service), run as its own process exactly as a council would run it, against a
 * PostgreSQL of the council's own: it starts, migrates and serves, with no embedded database and no demo — no demo
 * accounts or authorities are written and no demo tokens are issued.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouncilDeploymentIT {

    private static final long START_SECONDS = 180;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private Process service;
    private String jdbcUrl;
    private String baseUrl;

    @BeforeAll
    void startTheServiceJar() throws Exception {
        Path jar = Path.of(System.getProperty("oversight.service.jar", "service/target/oversight-service.jar"));
        assertThat(jar).as("deploy/service's runnable jar (built before deploy/ in the reactor)").isRegularFile();
        jdbcUrl = TestPostgres.freshDatabase();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        baseUrl = "http://localhost:" + port;
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Daxoniq.update-checker.disabled=true", "-Ddisable-axoniq-console-message=true",
                "-jar", jar.toAbsolutePath().toString(), "--server.port=" + port, "--spring.main.banner-mode=off")
                .redirectErrorStream(true);
        // configured the way a council configures it: in the environment
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        builder.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", "");
        byte[] chainKey = new byte[32];
        new SecureRandom().nextBytes(chainKey);
        builder.environment().put("OVERSIGHT_AUDIT_CHAIN_KEY", Base64.getEncoder().encodeToString(chainKey));
        byte[] dataKey = new byte[32];
        new SecureRandom().nextBytes(dataKey);
        builder.environment().put("OVERSIGHT_DATA_KEY_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(dataKey));
        service = builder.start();
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(this::readLogUntilReady);
        assertThat(ready.get(START_SECONDS, TimeUnit.SECONDS))
                .as("the service said it was ready; its log:%n%s", String.join("\n", log)).isTrue();
    }

    /** Reads the service's output as it comes; true once it says it is ready, false if it ended first. */
    private boolean readLogUntilReady() {
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(service.getInputStream(),
                    StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                log.add(line);
                if (line.contains("Oversight is ready")) {
                    // keep draining, so that a full pipe never blocks the service
                    Thread drain = new Thread(() -> lines.lines().forEach(log::add), "service-log");
                    drain.setDaemon(true);
                    drain.start();
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void startsOnTheCouncilsDatabaseWithoutAnEmbeddedOne() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
        assertThat(get("/login").statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE success")).isPositive();
        synchronized (log) {
            assertThat(log).noneMatch(line -> line.contains("Embedded PostgreSQL"));
        }
    }

    @Test
    void hasNoDemoAccountsOrAuthorities() throws SQLException {
        assertThat(count("SELECT count(*) FROM app_user")).isZero();
        assertThat(count("SELECT count(*) FROM local_authority")).isZero();
        assertThat(count("SELECT count(*) FROM domainevententry")).isZero();
    }

    @Test
    void issuesNoTokensOfItsOwn() throws Exception {
        HttpResponse<String> asked = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"iro.ahmed\",\"password\":\"oversight-demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).as(asked.body()).isIn(401, 403);
        assertThat(asked.body()).doesNotContain("access_token");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
