package org.oversight.deploy.durability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.query.audit.ChainAnchor;
import org.oversight.query.audit.ReadLogSeals;

/**
 * The runbook's backup and restore, done as it says on a real PostgreSQL server from the distribution's packages
 * (started by the topology's own {@code node.sh}, so that {@code pg_dump} and {@code pg_restore} are the server's
 * own version): a {@code pg_dump -Fc} of the database and a copy of the anchor file, restored with
 * {@code pg_restore} into a database made for it, verify in full under the same two keys. Restoring an older dump
 * against a newer anchor is reported as the newest decisions missing, so a restore cannot lose decisions silently.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupAndRestoreIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TODAY = LocalDate.now(ZoneId.of("Europe/London")).toString();
    private static final Duration COMMAND_LIMIT = Duration.ofMinutes(5);
    private static final String HOST = "127.0.0.1";
    private static final String OWNER = "oversight";
    private static final String DATABASE = "oversight";

    private Path scripts;
    private Path runDir;
    private Path bin;
    private String port;
    private String ownerPassword;
    private String superuserPassword;

    @BeforeAll
    void startPostgres() throws IOException, InterruptedException {
        scripts = scripts();
        // not a temporary directory of Java's (readable by its owner only): as root, the server runs as postgres
        runDir = Path.of(System.getProperty("oversight.restore.run-dir", "/tmp/oversight-restore"));
        // below the ports Linux hands to outgoing connections, as the topology's (lib.sh)
        port = System.getProperty("oversight.restore.pg-port", "25490");
        if (Files.exists(runDir)) {
            topology("node.sh", "stop", "postgres");
            deleteTree(runDir);
        }
        topology("node.sh", "start", "postgres");
        bin = Path.of(topology("-c", "source \"$0\"; pg_bindir", scripts.resolve("lib.sh").toString()).strip());
        for (String program : List.of("pg_dump", "pg_restore", "createdb")) {
            if (!Files.isExecutable(bin.resolve(program))) {
                throw new IllegalStateException(program + " is not installed beside the server in " + bin
                        + ": apt-get install -y postgresql");
            }
        }
        ownerPassword = Files.readString(runDir.resolve("secrets/db.password")).strip();
        superuserPassword = Files.readString(runDir.resolve("secrets/postgres.password")).strip();
    }

    @AfterAll
    void stopPostgres() throws IOException, InterruptedException {
        if (scripts != null) {
            topology("node.sh", "stop", "postgres");
        }
    }

    @Test
    void aDumpAndItsAnchorRestoredIntoAFreshDatabaseVerifyInFull() throws Exception {
        Path backups = Files.createDirectories(runDir.resolve("backups"));
        Path liveAnchor = Files.createDirectories(runDir.resolve("anchor")).resolve("chain-anchor.txt");
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Integer> events = new LinkedHashMap<>();
        long sealedReads;
        String decidedLast;
        Path olderDump = backups.resolve("oversight-older.dump");

        try (OversightTestApp live = OversightTestApp.start(jdbcUrl(DATABASE), quiet(liveAnchor))) {
            for (String[] child : List.of(new String[] {"RESTORE1", "Avery", "Dumpling"},
                    new String[] {"RESTORE2", "Blake", "Restoreton"}, new String[] {"RESTORE3", "Casey", "Backup"})) {
                String childId = register(live, child[0], child[1], child[2]);
                allocate(live, "iro.ahmed", childId, "iro.ahmed");
                allocate(live, "iro.ahmed", childId, "chair.brown");
                names.put(childId, child[1]);
                events.put(childId, 3);
            }
            for (String childId : names.keySet()) {
                assertIntact(live, childId, events.get(childId));
            }
            assertThat(ApiClient.as(live.baseUrl(), "chair.brown")
                    .get("/api/children/" + names.keySet().iterator().next()).statusCode()).isEqualTo(200);
            live.bean(ReadLogSeals.class).sealAll();
            live.bean(ChainAnchor.class).anchor();
            // a backup taken while the service runs: the anchor copied first, so that everything it names is in
            // the dump that follows
            Files.copy(liveAnchor, backups.resolve("chain-anchor-older.txt"));
            dump(DATABASE, olderDump);

            // one more decision after that backup, anchored
            decidedLast = names.keySet().iterator().next();
            allocate(live, "chair.brown", decidedLast, "iro.ahmed");
            events.merge(decidedLast, 1, Integer::sum);
            assertIntact(live, decidedLast, events.get(decidedLast));
            ReadLogSeals reads = live.bean(ReadLogSeals.class);
            reads.sealAll();
            live.bean(ChainAnchor.class).anchor();
            ReadLogSeals.Verification verified = reads.verify();
            assertThat(verified.intact()).as(verified.summary()).isTrue();
            assertThat(verified.awaitingSeal()).isZero();
            sealedReads = verified.sealed();
            assertThat(sealedReads).isPositive();
        }

        // the backup: the anchor file and the dump (the two keys are this test's constants, kept elsewhere)
        Path anchorCopy = backups.resolve("chain-anchor.txt");
        Files.copy(liveAnchor, anchorCopy);
        Path dump = backups.resolve("oversight.dump");
        dump(DATABASE, dump);

        // the restore: a database made for it, the dump restored into it, the anchor copy beside it
        restore(dump, "oversight_restored");
        Path restoredAnchor = Files.createDirectories(runDir.resolve("restored")).resolve("chain-anchor.txt");
        Files.copy(anchorCopy, restoredAnchor, StandardCopyOption.REPLACE_EXISTING);
        try (OversightTestApp restored = OversightTestApp.start(jdbcUrl("oversight_restored"),
                quiet(restoredAnchor))) {
            for (Map.Entry<String, Integer> child : events.entrySet()) {
                assertIntact(restored, child.getKey(), child.getValue());
                JsonNode record = json(ApiClient.as(restored.baseUrl(), "chair.brown")
                        .get("/api/children/" + child.getKey()));
                assertThat(record.get("givenName").asText()).as("decrypted with the restored data keys")
                        .isEqualTo(names.get(child.getKey()));
            }
            ReadLogSeals.Verification reads = restored.bean(ReadLogSeals.class).verify();
            assertThat(reads.intact()).as(reads.summary()).isTrue();
            assertThat(reads.sealed()).isEqualTo(sealedReads);

            String another = new ArrayList<>(names.keySet()).get(1);
            allocate(restored, "chair.brown", another, "iro.ahmed");
            assertIntact(restored, another, events.get(another) + 1);
            restored.bean(ChainAnchor.class).anchor();
            assertIntact(restored, another, events.get(another) + 1);
        }

        // the older dump against the newer anchor: the decision recorded after it is reported missing
        restore(olderDump, "oversight_older");
        Path newerAnchor = Files.createDirectories(runDir.resolve("older")).resolve("chain-anchor.txt");
        Files.copy(anchorCopy, newerAnchor, StandardCopyOption.REPLACE_EXISTING);
        try (OversightTestApp older = OversightTestApp.start(jdbcUrl("oversight_older"), quiet(newerAnchor))) {
            JsonNode lost = integrity(older, decidedLast, events.get(decidedLast) - 2);
            assertThat(lost.get("intact").asBoolean()).as(lost.toString()).isFalse();
            assertThat(lost.at("/broken/stream").asText()).isEqualTo(decidedLast);
            assertThat(lost.at("/broken/sequence").asLong()).isEqualTo(events.get(decidedLast) - 1);
            assertThat(lost.at("/broken/problem").asText()).contains("newest events were deleted with their seals");
            for (String untouched : names.keySet()) {
                if (!untouched.equals(decidedLast)) {
                    assertIntact(older, untouched, events.get(untouched));
                }
            }
            ReadLogSeals.Verification reads = older.bean(ReadLogSeals.class).verify();
            assertThat(reads.intact()).as("reads sealed after the older dump are missing too").isFalse();
            assertThat(reads.broken().problem()).contains("newest reads were deleted with their seals");
        }
    }

    private String jdbcUrl(String database) {
        // the database's owner, as a council's services connect; these settings win over the test application's
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database + "?user=" + OWNER + "&password="
                + ownerPassword;
    }

    private static String[] quiet(Path anchorFile) {
        // anchored and sealed only when the test asks, never by the clock while it runs
        return new String[] {"--oversight.audit.anchor-file=" + anchorFile,
            "--oversight.audit.anchor-first-after=PT24H", "--oversight.audit.read-seal-first-after=PT24H"};
    }

    /** The runbook's backup: {@code pg_dump -Fc}, as the database's owner. */
    private void dump(String database, Path file) throws IOException, InterruptedException {
        run(ownerPassword, bin.resolve("pg_dump").toString(), "-Fc", "-h", HOST, "-p", port, "-U", OWNER,
                "-d", database, "-f", file.toString());
        assertThat(Files.size(file)).isPositive();
    }

    /** The runbook's restore: a new database owned by the services' role, and {@code pg_restore} into it. */
    private void restore(Path file, String database) throws IOException, InterruptedException {
        run(superuserPassword, bin.resolve("createdb").toString(), "-h", HOST, "-p", port, "-U", "postgres",
                "-O", OWNER, database);
        run(ownerPassword, bin.resolve("pg_restore").toString(), "--exit-on-error", "--no-owner", "-h", HOST,
                "-p", port, "-U", OWNER, "-d", database, file.toString());
    }

    private static String register(OversightTestApp app, String identifier, String givenName, String familyName) {
        HttpResponse<String> registered = ApiClient.as(app.baseUrl(), "chair.brown").post("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"%s","givenName":"%s","familyName":"%s",
                 "dateOfBirth":"2015-05-05"}""".formatted(identifier, givenName, familyName));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        return json(registered).get("childId").asText();
    }

    private static void allocate(OversightTestApp app, String by, String childId, String chair) {
        HttpResponse<String> allocated = ApiClient.as(app.baseUrl(), by).post("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"" + chair + "\",\"allocatedFrom\":\"" + TODAY + "\"}");
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(200);
    }

    private static void assertIntact(OversightTestApp app, String childId, int events) {
        JsonNode verification = integrity(app, childId, events - 1);
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("events").asInt()).isEqualTo(events);
    }

    private static JsonNode integrity(OversightTestApp app, String childId, int lastSequence) {
        ApiClient auditor = ApiClient.as(app.baseUrl(), "auditor.davies").because("Checking a restored record");
        // the integrity check answers only for a child its read side knows of, up to its last event
        HttpResponse<String> known = auditor.get("/api/children/" + childId + "?after=" + lastSequence);
        assertThat(known.statusCode()).as(known.body()).isEqualTo(200);
        HttpResponse<String> response = auditor.get("/api/children/" + childId + "/integrity");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** Runs one of PostgreSQL's client programs; its output is shown only when it fails. */
    private static void run(String password, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        finish(builder, Path.of(command[0]).getFileName().toString());
    }

    /** The topology's own scripts, for PostgreSQL alone, in this test's run directory and port. */
    private String topology(String... arguments) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("bash"));
        if (!arguments[0].startsWith("-")) {
            line.add(scripts.resolve(arguments[0]).toString());
            line.addAll(List.of(arguments).subList(1, arguments.length));
        } else {
            line.addAll(List.of(arguments));
        }
        ProcessBuilder builder = new ProcessBuilder(line);
        builder.environment().put("OVERSIGHT_TOPOLOGY_RUN_DIR", runDir.toString());
        builder.environment().put("OVERSIGHT_TOPOLOGY_PG_PORT", port);
        return finish(builder, String.join(" ", arguments));
    }

    private static String finish(ProcessBuilder builder, String what) throws IOException, InterruptedException {
        Path output = Files.createTempFile("restore", ".out");
        Path errors = Files.createTempFile("restore", ".err");
        try {
            Process process = builder.redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            if (!process.waitFor(COMMAND_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(what + " took longer than " + COMMAND_LIMIT + ":\n"
                        + Files.readString(errors));
            }
            String said = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " failed (" + process.exitValue() + "):\n" + said
                        + Files.readString(errors, StandardCharsets.UTF_8));
            }
            return said;
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    private static Path scripts() {
        for (Path candidate : List.of(Path.of("topology"), Path.of("deploy", "topology"))) {
            if (Files.isRegularFile(candidate.resolve("node.sh"))) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("deploy/topology/node.sh not found from " + Path.of("").toAbsolutePath());
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(response.body(), e);
        }
    }
}
