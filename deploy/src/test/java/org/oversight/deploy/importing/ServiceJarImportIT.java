package org.oversight.deploy.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.generator.SyntheticReturns;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;

/**
 * The command line import run from the jar a council deploys (deploy/service's {@code oversight-service.jar}, as
 * {@code java -Dloader.main=org.oversight.deploy.importing.ImportHistory -jar oversight-service.jar}), against a
 * real PostgreSQL named only by the service's own variables: it migrates the schema, refuses an authority the
 * directory does not have, checks an authority's returns in a dry run (exit 0, every child in the report, nothing
 * written), then imports them. Fails if the import is not in the service jar.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceJarImportIT {

    private static final String LA = "CNCL";
    private static final int CHILDREN = 12;

    private Path folder;
    private Path jar;
    private String jdbcUrl;
    private Path[] returns;

    @BeforeAll
    void writeTheReturns() throws IOException {
        jar = Path.of(System.getProperty("oversight.service.jar", "service/target/oversight-service.jar"));
        assertThat(jar).as("deploy/service's runnable jar (built before deploy/ in the reactor)").isRegularFile();
        jdbcUrl = TestPostgres.freshDatabase();
        folder = Files.createTempDirectory("service-jar-import");
        Path written = Files.createDirectories(folder.resolve("returns"));
        SyntheticReturns.write(written, CHILDREN, 11, LocalDate.now(ZoneId.of("Europe/London")), "SJ");
        returns = new Path[] {written.resolve("header.csv"), written.resolve("episodes.csv"),
                written.resolve("reviews.csv")};
    }

    /** The returns and the reports name children: none is left behind. */
    @AfterAll
    void deleteTheFiles() throws IOException {
        if (folder != null) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** One run of the jar: its exit status and what it printed (counts only, never a child). */
    private record Ran(int status, String output) {
    }

    /** Runs the service jar's import, configured as the service is: by the variables the service reads. */
    private Ran importHistory(boolean dryRun, Path report) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx384m", "-Dloader.main=org.oversight.deploy.importing.ImportHistory", "-jar",
                jar.toAbsolutePath().toString(), "--local-authority=" + LA, "--run-by=data.officer",
                "--report=" + report));
        if (dryRun) {
            command.add("--dry-run");
        }
        for (Path file : returns) {
            command.add(file.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        environment.put("SPRING_DATASOURCE_URL", jdbcUrl);
        environment.put("SPRING_DATASOURCE_USERNAME", "postgres");
        environment.put("SPRING_DATASOURCE_PASSWORD", "");
        environment.put("OVERSIGHT_AUDIT_CHAIN_KEY", OversightTestApp.TEST_CHAIN_KEY);
        environment.put("OVERSIGHT_DATA_KEY_ENCRYPTION_KEY", OversightTestApp.TEST_DATA_KEY);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        System.out.println("oversight-service.jar ImportHistory exited " + process.exitValue() + "\n" + output);
        return new Ran(process.exitValue(), output);
    }

    @Test
    void theServiceJarChecksThenImportsAnAuthoritysReturnsIntoTheServicesDatabase() throws Exception {
        Ran unknown = importHistory(true, folder.resolve("unknown.csv"));
        assertThat(unknown.status()).as("an authority the directory does not have").isEqualTo(64);
        assertThat(unknown.output()).contains("No local authority " + LA).doesNotContain("Exception");
        // the run migrated the service's schema before it looked: the directory is the service's own
        update("INSERT INTO local_authority (code, name, sort_order) VALUES ('" + LA + "', 'A council', 1)");
        update("INSERT INTO app_user (username, display_name, password_hash, roles) "
                + "VALUES ('data.officer', 'Dana Officer', NULL, 'DATA_OFFICER')");
        update("INSERT INTO person_authority (username, local_authority) VALUES ('data.officer', '" + LA + "')");

        Path dryReport = folder.resolve("dry.csv");
        Ran dry = importHistory(true, dryReport);
        assertThat(dry.status()).as(dry.output()).isZero();
        assertThat(dry.output()).contains("(dry run)", CHILDREN + " would be imported").doesNotContain("SJ");
        List<String> lines = Files.readAllLines(dryReport, StandardCharsets.UTF_8);
        assertThat(lines).first().isEqualTo("outcome,child,file,row,table,field,rule,reason");
        assertThat(lines).filteredOn(l -> l.startsWith("Imported,")).hasSize(CHILDREN);
        assertThat(count("SELECT count(*) FROM domainevententry")).as("a dry run writes nothing").isZero();

        Ran imported = importHistory(false, folder.resolve("imported.csv"));
        assertThat(imported.status()).as(imported.output()).isZero();
        assertThat(count("SELECT count(*) FROM child_identifier WHERE local_authority = '" + LA + "'"))
                .isEqualTo(CHILDREN);
        assertThat(count("SELECT count(*) FROM domainevententry")).isGreaterThan(CHILDREN);
    }

    private void update(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
