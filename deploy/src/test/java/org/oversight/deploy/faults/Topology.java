package org.oversight.deploy.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The production topology started by {@code deploy/topology/start.sh} under a run directory of its own in /tmp,
 * and every change to it made through the same scripts a person would use ({@code node.sh}, {@code stop.sh}).
 * PostgreSQL and nginx come from the machine's packages: without them the scripts, and so the suite, fail
 * saying which is missing.
 */
final class Topology implements AutoCloseable {

    private static final Duration SCRIPT_LIMIT = Duration.ofMinutes(12);

    private final Path scripts;
    private final Path runDir;
    private final Map<String, String> settings;
    private final String superuserPassword;

    private Topology(Path scripts, Path runDir) throws IOException {
        this.scripts = scripts;
        this.runDir = runDir;
        this.settings = read(runDir.resolve("topology.env"));
        this.superuserPassword = Files.readString(runDir.resolve("secrets/postgres.password")).strip();
    }

    /** A fresh topology for one scenario: whatever an earlier run of it left in its run directory is removed. */
    static Topology start(String scenario) throws IOException, InterruptedException {
        Path scripts = scripts();
        Path runDir = Path.of(System.getProperty("oversight.faults.run-dir", "/tmp/oversight-faults"), scenario);
        if (Files.exists(runDir)) {
            refuseAnotherCheckoutsRunningTopology(runDir, serviceJar(scripts));
            run(scripts, runDir, List.of(scripts.resolve("stop.sh").toString()));
            deleteTree(runDir);
        }
        run(scripts, runDir, List.of(scripts.resolve("start.sh").toString()));
        return new Topology(scripts, runDir);
    }

    /**
     * The run directory and the ports are the same for every checkout on a machine: a topology another checkout
     * started there and still runs is not this run's to stop and delete (it would fail that run, and this one would
     * then meet its processes on the ports). Refused, saying how to go on.
     */
    static void refuseAnotherCheckoutsRunningTopology(Path runDir, Path ownJar) throws IOException {
        Path environment = runDir.resolve("topology.env");
        Path pids = runDir.resolve("pids");
        if (!Files.isRegularFile(environment) || !Files.isDirectory(pids)) {
            return;
        }
        String jar = read(environment).get("JAR");
        if (jar == null || Path.of(jar).toAbsolutePath().normalize().equals(ownJar.toAbsolutePath().normalize())) {
            return;
        }
        List<String> running = new ArrayList<>();
        try (var files = Files.list(pids)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).sorted().toList()) {
                String pid = Files.readString(file).strip();
                if (pid.matches("\\d+") && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive)
                        .orElse(false)) {
                    running.add(file.getFileName().toString().replace(".pid", ""));
                }
            }
        }
        if (!running.isEmpty()) {
            throw new IllegalStateException(runDir + " holds a topology started from another checkout (" + jar
                    + "), still running " + running + ": stop it first (OVERSIGHT_TOPOLOGY_RUN_DIR=" + runDir
                    + " deploy/topology/stop.sh), or wait until that run ends");
        }
    }

    private static Path serviceJar(Path scripts) {
        String jar = System.getProperty("oversight.service.jar");
        return jar != null ? Path.of(jar) : scripts.resolve("../service/target/oversight-service.jar");
    }

    private static Path scripts() {
        for (Path candidate : List.of(Path.of("topology"), Path.of("deploy", "topology"))) {
            if (Files.isRegularFile(candidate.resolve("start.sh"))) {
                return candidate.toAbsolutePath();
            }
        }
        throw new IllegalStateException("deploy/topology/start.sh not found from " + Path.of("").toAbsolutePath());
    }

    Path runDir() {
        return runDir;
    }

    String proxyUrl() {
        return settings.get("PROXY_URL");
    }

    String url(String node) {
        return settings.get(node.toUpperCase().replace('-', '_') + "_URL");
    }

    /** start, stop, kill (SIGKILL) or restart one part: postgres, command, command-b, query-a, query-b, replay, proxy. */
    void node(String action, String name) throws IOException, InterruptedException {
        run(scripts, runDir, List.of(scripts.resolve("node.sh").toString(), action, name));
    }

    /** A connection to the topology's database as its superuser, for setting up and for the checks. */
    Connection admin() throws SQLException {
        return admin(settings.get("DB_NAME"));
    }

    Connection admin(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + settings.get("PG_PORT") + "/" + database,
                "postgres", superuserPassword);
    }

    String databaseName() {
        return settings.get("DB_NAME");
    }

    String databaseOwner() {
        return settings.get("DB_USER");
    }

    @Override
    public void close() throws IOException {
        try {
            run(scripts, runDir, List.of(scripts.resolve("stop.sh").toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the topology", e);
        }
    }

    private static void run(Path scripts, Path runDir, List<String> command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        line.add("bash");
        line.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().put("OVERSIGHT_TOPOLOGY_RUN_DIR", runDir.toString());
        String jar = System.getProperty("oversight.service.jar");
        if (jar != null) {
            builder.environment().put("OVERSIGHT_TOPOLOGY_JAR", Path.of(jar).toAbsolutePath().toString());
        }
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        Path output = Files.createTempFile("topology-script", ".log");
        try {
            Process process = builder.redirectOutput(output.toFile()).start();
            if (!process.waitFor(SCRIPT_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(String.join(" ", command) + " took longer than " + SCRIPT_LIMIT
                        + ":\n" + Files.readString(output));
            }
            String said = Files.readString(output, StandardCharsets.UTF_8);
            System.out.print(said);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue()
                        + "):\n" + said);
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> values = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return values;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
