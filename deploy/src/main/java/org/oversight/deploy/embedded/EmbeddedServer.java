package org.oversight.deploy.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL of the embedded default, run so that nothing it has acknowledged is lost: every commit is
 * flushed to disk before it is answered, it accepts only the password kept beside its data directory, and a
 * watchdog starts it again on the same data directory and port if it dies.
 *
 * <p>The library that supplies the binaries is made for throw-away test databases: it starts the server with
 * {@code -F} (no fsync), asynchronous commit and {@code trust} access. Every one of those is overridden here
 * explicitly; the settings a running server reports are checked by the durability tests.
 */
public final class EmbeddedServer implements AutoCloseable {

    /** The major version of the PostgreSQL binaries this build runs; a data directory of another cannot open. */
    public static final String MAJOR_VERSION = "17";
    public static final String USERNAME = "postgres";

    /**
     * Set on the command line after the library's own {@code -F}, which they override: commits wait for the
     * write-ahead log to reach the disk, and pages are written whole after each checkpoint so that a torn write
     * can be repaired on recovery.
     */
    public static final Map<String, String> DURABLE = Map.of(
            "fsync", "on",
            "synchronous_commit", "on",
            "full_page_writes", "on");

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final String HBA_FIRST_LINE =
            "# Written by Oversight's embedded database: a password (SCRAM) for every connection, loopback only.";
    private static final String HBA = HBA_FIRST_LINE + "\n"
            + "# The password is in the file postgres.password beside the data directory.\n"
            + "local   all   all                  scram-sha-256\n"
            + "host    all   all   127.0.0.1/32   scram-sha-256\n"
            + "host    all   all   ::1/128        scram-sha-256\n";
    /** Crash recovery after a hard stop replays the write-ahead log since the last checkpoint before it answers. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final Path dataDirectory;
    private final int port;
    private final String password;
    private final Map<String, String> settings;
    private final EmbeddedPostgres firstStart;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile boolean closing;
    private ScheduledExecutorService watchdog;
    private Path binaries;

    private EmbeddedServer(Path dataDirectory, int port, String password, Map<String, String> settings,
            EmbeddedPostgres firstStart) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.password = password;
        this.settings = settings;
        this.firstStart = firstStart;
    }

    /**
     * Starts (creating it if it is new) the database in {@code dataDirectory} on {@code port} ({@code 0}: a free
     * one), with the durable
     * settings plus {@code extraSettings}. Refuses a data directory made by another major version of PostgreSQL
     * without touching it.
     */
    public static EmbeddedServer start(Path dataDirectory, int port, Map<String, String> extraSettings) {
        Path directory = dataDirectory.toAbsolutePath();
        refuseOtherMajorVersion(directory);
        boolean fresh = Files.notExists(directory.resolve("postgresql.conf"));
        boolean protectedByPassword = !fresh && passwordOnly(directory);
        Path passwordFile = passwordFile(directory);
        if (protectedByPassword && Files.notExists(passwordFile)) {
            throw new IllegalStateException("The embedded database in " + directory + " accepts only the password "
                    + "that was kept in " + passwordFile + ", and that file is missing. Put it back, or move the "
                    + "folder " + directory.getParent() + " aside to start afresh.");
        }
        String password = passwordIn(passwordFile);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", "localhost");
        settings.put("timezone", "UTC");
        settings.put("max_connections", "300");
        settings.put("password_encryption", "scram-sha-256");
        settings.putAll(extraSettings);
        settings.putAll(DURABLE);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory.toFile())
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(STARTUP_WAIT)
                // its own hook would stop the database while the application is still finishing its last work
                // on it, at the same moment as the application's; whoever starts the server stops it
                .setRegisterShutdownHook(false)
                .setConnectConfig("password", password)
                // initdb only: the superuser's password from the file, and no connection without it from the start
                .setLocaleConfig("pwfile", passwordFile.toString())
                .setLocaleConfig("auth-host", "scram-sha-256")
                .setLocaleConfig("auth-local", "scram-sha-256");
        settings.forEach(builder::setServerConfig);
        if (fresh) {
            builder.setDataDirectoryCustomizer(created -> writeAccessRules(created.toPath()));
        }
        EmbeddedPostgres postgres;
        try {
            Files.createDirectories(directory.getParent());
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start (is another Oversight running on "
                    + "the same data directory or port " + port + "?)", e);
        }
        EmbeddedServer server = new EmbeddedServer(directory, postgres.getPort(), password, Map.copyOf(settings),
                postgres);
        if (!fresh && !protectedByPassword) {
            server.requirePassword();
        }
        return server;
    }

    private static void refuseOtherMajorVersion(Path directory) {
        Path versionFile = directory.resolve("PG_VERSION");
        if (Files.notExists(versionFile)) {
            return;
        }
        String version;
        try {
            version = Files.readString(versionFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + versionFile, e);
        }
        if (!version.equals(MAJOR_VERSION)) {
            throw new OtherMajorVersion(directory, version);
        }
    }

    /** A data directory that this PostgreSQL cannot open; it is left exactly as it was. */
    public static final class OtherMajorVersion extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        OtherMajorVersion(Path directory, String version) {
            super("The embedded database in " + directory + " was made by PostgreSQL " + version + ", and this "
                    + "version of Oversight runs PostgreSQL " + MAJOR_VERSION + ", which cannot open it. Nothing in "
                    + "it has been changed. To start afresh with the demo, move the whole folder aside (for example "
                    + "mv " + directory.getParent() + " " + directory.getParent() + "-pg" + version + ") and start "
                    + "again; or give another folder with --oversight.embedded.data-dir. To keep what it holds, "
                    + "export it with the earlier version of Oversight (pg_dumpall, see README.md) and load it into "
                    + "a PostgreSQL " + MAJOR_VERSION + " named by SPRING_DATASOURCE_URL.");
        }
    }

    private static boolean passwordOnly(Path directory) {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("pg_hba.conf"));
            return !lines.isEmpty() && lines.get(0).equals(HBA_FIRST_LINE);
        } catch (IOException e) {
            return false;
        }
    }

    private static void writeAccessRules(Path directory) {
        Path rules = directory.resolve("pg_hba.conf");
        Path written = directory.resolve("pg_hba.conf.new");
        try {
            Files.writeString(written, HBA);
            Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
            Files.move(written, rules, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the access rules " + rules, e);
        }
    }

    /**
     * A data directory made before the embedded database had a password let every local connection in: give the
     * superuser the password first (over the old access, which still lets this start in), then admit no
     * connection without it.
     */
    private void requirePassword() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USERNAME, password);
                Statement statement = connection.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            // the password is our own base64url, so it cannot break out of the literal
            statement.execute("ALTER ROLE " + USERNAME + " PASSWORD '" + password + "'");
            writeAccessRules(dataDirectory);
            statement.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not give the embedded database in " + dataDirectory
                    + " its password", e);
        }
        LOG.info("The embedded database in {} now admits only connections with its password", dataDirectory);
    }

    /** The file beside (not inside) the data directory that holds the database's password, like the chain key. */
    public static Path passwordFile(Path dataDirectory) {
        return dataDirectory.toAbsolutePath().resolveSibling("postgres.password");
    }

    private static String passwordIn(Path file) {
        try {
            Files.createDirectories(file.getParent());
            if (Files.notExists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Path written = file.resolveSibling(file.getFileName() + ".new");
                Files.writeString(written, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
                try {
                    Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    LOG.warn("Could not restrict the permissions of the embedded database's password file");
                }
                Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the embedded database's password file " + file,
                    e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Stops the database when the JVM exits, for a program that has no other way to stop it on Ctrl-C. The
     * launcher does not need this: its application context closes the server last, after everything that uses it.
     */
    public EmbeddedServer stopWhenTheJvmExits() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "embedded-postgres-stop"));
        return this;
    }

    /** How often the watchdog has started the database again since this server was started. */
    public int restarts() {
        return restarts.get();
    }

    /** The running postmaster's process id, from its lock file in the data directory; empty if it is not running. */
    public OptionalLong postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            long pid = Long.parseLong(lines.get(0).strip());
            return running(pid) ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | RuntimeException noServer) {
            return OptionalLong.empty();
        }
    }

    /**
     * Whether the process is there and not merely a zombie: a killed postmaster's parent is whatever adopted it
     * when {@code pg_ctl} exited, which may reap it late or never.
     */
    private static boolean running(long pid) {
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            return false;
        }
        if (!Files.isDirectory(Path.of("/proc", "self"))) {
            return true;
        }
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException gone) {
            return false;
        }
    }

    /**
     * Checks every {@code interval} that the postmaster is still there, and if it is gone (killed, crashed, or
     * stopped by someone other than this server) starts it again on the same data directory and port; PostgreSQL
     * recovers from its write-ahead log, so every commit it acknowledged is still there.
     */
    public synchronized void watch(Duration interval) {
        if (watchdog != null) {
            return;
        }
        binaries = binariesOfRunningServer();
        watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-postgres-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        watchdog.scheduleWithFixedDelay(this::restartIfGone, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private Path binariesOfRunningServer() {
        Optional<String> command = postmasterPid().stream().boxed().findFirst()
                .flatMap(ProcessHandle::of).flatMap(process -> process.info().command());
        return command.map(Path::of).map(Path::getParent)
                .orElseThrow(() -> new IllegalStateException("Cannot find the binaries of the embedded PostgreSQL, "
                        + "so it could not be restarted if it stopped"));
    }

    private void restartIfGone() {
        try {
            synchronized (this) {
                if (closing || postmasterPid().isPresent()) {
                    return;
                }
                LOG.warn("The embedded PostgreSQL on port {} has stopped; starting it again", port);
                if (startAgain()) {
                    int count = restarts.incrementAndGet();
                    LOG.info("The embedded PostgreSQL on port {} is running again (restart {})", port, count);
                }
            }
        } catch (RuntimeException e) {
            // the next check tries again; a watchdog that died here would never restart anything
            LOG.warn("The embedded PostgreSQL could not be restarted yet ({})", e.getClass().getSimpleName());
        }
    }

    /**
     * Starts the postmaster with the settings of the first start. Until every process of the killed server has
     * gone PostgreSQL refuses to start on the same data directory; that start fails and the next check tries
     * again.
     */
    private boolean startAgain() {
        List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port)));
        settings.forEach((name, value) -> options.addAll(List.of("-c", name + "=" + value)));
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // as the library does: PostgreSQL refuses to run as root, and in its own user namespace it is not
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(binaries.resolve("pg_ctl").toString(), "-D", dataDirectory.toString(),
                "-o", String.join(" ", options), "-w", "-t", String.valueOf(STARTUP_WAIT.toSeconds()), "start"));
        try {
            Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true).start();
            Thread output = new Thread(() -> drain(pgCtl), "embedded-postgres-output");
            output.setDaemon(true);
            output.start();
            if (!pgCtl.waitFor(STARTUP_WAIT.toSeconds() + 10, TimeUnit.SECONDS)) {
                pgCtl.destroyForcibly();
                return false;
            }
            if (pgCtl.exitValue() != 0) {
                LOG.warn("The embedded PostgreSQL did not start yet (pg_ctl exit {}); trying again shortly",
                        pgCtl.exitValue());
                return false;
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The server's own output: it can quote row values (personal data) in constraint errors, so it is kept out of
     * the application's log unless someone asks for it at debug level.
     */
    private static void drain(Process process) {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                LOG.debug("postgres: {}", line);
            }
        } catch (IOException closed) {
            // the server went away; nothing more to read
        }
    }

    @Override
    public void close() {
        closing = true;
        synchronized (this) {
            if (watchdog != null) {
                watchdog.shutdownNow();
            }
        }
        try {
            // stops whichever postmaster is running in the data directory, the first or a restarted one
            firstStart.close();
        } catch (IOException e) {
            LOG.warn("The embedded PostgreSQL did not stop cleanly; it recovers on the next start");
        }
    }
}
