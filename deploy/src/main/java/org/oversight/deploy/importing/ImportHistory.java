package org.oversight.deploy.importing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.oversight.deploy.access.People;
import org.oversight.deploy.embedded.EmbeddedDatabase;
import org.oversight.deploy.embedded.EmbeddedServer;
import org.oversight.deploy.generator.EventStoreAccess;
import org.oversight.deploy.generator.GenerateHistories;
import org.oversight.deploy.platform.JdbcStaffDirectory;
import org.oversight.events.access.AccessPolicy;
import org.oversight.events.access.Decision;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Person;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Imports an authority's returns from the command line, for files too big to upload, with exactly what the
 * import page does (the same reading, planning, aggregates, report and idempotence):
 *
 * <pre>
 * java -Dloader.main=org.oversight.deploy.importing.ImportHistory -jar deploy/target/oversight-dev.jar \
 *      --data-dir=/tmp/oversight/postgres --port=54340 \
 *      --local-authority=DEMO-N --run-by=data.iqbal [--dry-run] --report=/path/report.csv \
 *      header.csv episodes.csv reviews.csv census.xml
 * </pre>
 *
 * With {@code --data-dir} (and {@code --port}) it starts the embedded PostgreSQL kept there, with the keys beside
 * it, as the launcher does (the launcher must not be running on the same directory). Otherwise it opens the
 * service's own database: {@code --jdbc-url}, {@code --username}, {@code --password}, {@code --chain-key} and
 * {@code --data-key} (the key-encryption key), each defaulting to the variable the service itself reads
 * ({@code SPRING_DATASOURCE_URL}, {@code SPRING_DATASOURCE_USERNAME}, {@code SPRING_DATASOURCE_PASSWORD},
 * {@code OVERSIGHT_AUDIT_CHAIN_KEY}, {@code OVERSIGHT_DATA_KEY_ENCRYPTION_KEY}), so that no key need be typed on
 * a command line. The service may be running meanwhile: each child is appended in its own transaction, as the
 * page does.
 *
 * <p>{@code --run-by} names the person the events are recorded by: an enabled account of the directory who may
 * import for the authority (one of its data officers or administrators); anyone else is refused before anything
 * is read. Progress goes to standard output as counts only; the report, which names children, goes only to the
 * file given, readable by its owner alone. Exit status: 0 when every file was read (refused children, if any, are
 * in the report), 2 when a file or row could not be read (see the report), 1 when the import failed, 64 when the
 * arguments or the person were refused.
 */
public final class ImportHistory {

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int FILE_PROBLEMS = 2;
    static final int REFUSED = 64;
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;

    private ImportHistory() {
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        System.exit(run(args, System.getenv()::get, System.out, System.err));
    }

    /** The arguments as given: {@code --name=value} options, {@code --dry-run}, and the files. */
    record Arguments(Map<String, String> options, boolean dryRun, List<Path> files) {

        static Arguments parse(String[] args) {
            Map<String, String> options = new LinkedHashMap<>();
            boolean dryRun = false;
            List<Path> files = new ArrayList<>();
            for (String arg : args) {
                if (arg.equals("--dry-run") || arg.equals("--dry-run=true")) {
                    dryRun = true;
                } else if (arg.startsWith("--") && arg.contains("=")) {
                    options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
                } else if (arg.startsWith("--")) {
                    throw new IllegalArgumentException("Expected --name=value or --dry-run, got " + arg);
                } else {
                    files.add(Path.of(arg));
                }
            }
            return new Arguments(options, dryRun, files);
        }

        String required(String name) {
            String value = options.get(name);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("Give --" + name + "=...");
            }
            return value;
        }
    }

    /** Runs one import; returns the exit status. {@code environment} stands for the process's variables. */
    static int run(String[] args, Function<String, String> environment, PrintStream out, PrintStream err) {
        Arguments arguments;
        String localAuthority;
        String runBy;
        Path reportFile;
        try {
            arguments = Arguments.parse(args);
            localAuthority = arguments.required("local-authority");
            runBy = arguments.required("run-by");
            reportFile = Path.of(arguments.required("report"));
            if (arguments.files().isEmpty()) {
                throw new IllegalArgumentException("Name the SSDA903 tables and CIN census files to import");
            }
            for (Path file : arguments.files()) {
                if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                    throw new IllegalArgumentException("Cannot read the file " + file);
                }
            }
            if (reportFile.getParent() != null && !Files.isDirectory(reportFile.getParent())) {
                throw new IllegalArgumentException("No folder " + reportFile.getParent() + " for the report");
            }
        } catch (IllegalArgumentException refused) {
            err.println(refused.getMessage());
            err.println("Usage: ImportHistory (--data-dir=<dir> --port=<port> | --jdbc-url=<url> ...) "
                    + "--local-authority=<code> --run-by=<username> [--dry-run] --report=<file.csv> <files>...");
            return REFUSED;
        }
        EmbeddedServer postgres = null;
        try {
            String url;
            String username;
            String password;
            String chainKey;
            String dataKey;
            if (arguments.options().containsKey("data-dir")) {
                Path dataDir = Path.of(arguments.options().get("data-dir")).toAbsolutePath();
                Files.createDirectories(dataDir.getParent());
                postgres = GenerateHistories.startPostgres(dataDir,
                        Integer.parseInt(arguments.options().getOrDefault("port", "54329")));
                url = postgres.jdbcUrl();
                username = EmbeddedServer.USERNAME;
                password = postgres.password();
                chainKey = EmbeddedDatabase.chainKeyBeside(dataDir);
                dataKey = EmbeddedDatabase.dataKeyBeside(dataDir);
            } else {
                url = option(arguments, environment, "jdbc-url", "SPRING_DATASOURCE_URL");
                username = Optional.ofNullable(option(arguments, environment, "username",
                        "SPRING_DATASOURCE_USERNAME")).orElse("postgres");
                password = Optional.ofNullable(option(arguments, environment, "password",
                        "SPRING_DATASOURCE_PASSWORD")).orElse("");
                chainKey = option(arguments, environment, "chain-key", "OVERSIGHT_AUDIT_CHAIN_KEY");
                dataKey = option(arguments, environment, "data-key", "OVERSIGHT_DATA_KEY_ENCRYPTION_KEY");
                if (url == null || chainKey == null || dataKey == null) {
                    err.println("Give --data-dir=<dir> for the embedded database, or the service's database: "
                            + "--jdbc-url, --chain-key and --data-key (or SPRING_DATASOURCE_URL, "
                            + "OVERSIGHT_AUDIT_CHAIN_KEY and OVERSIGHT_DATA_KEY_ENCRYPTION_KEY)");
                    return REFUSED;
                }
            }
            try (EventStoreAccess store = new EventStoreAccess(url, username, password, chainKey, dataKey, 3)) {
                return run(store, localAuthority, runBy, arguments.dryRun(), arguments.files(), reportFile, out,
                        err);
            }
        } catch (IOException | RuntimeException failure) {
            // the message may quote a value read from the files or the database: only its kind is said
            err.println("The import stopped: " + failure.getClass().getName()
                    + ". Each child is imported whole or not at all; run the same files again to carry on.");
            return FAILED;
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** One import into an opened store. */
    static int run(EventStoreAccess store, String localAuthority, String runBy, boolean dryRun, List<Path> paths,
            Path reportFile, PrintStream out, PrintStream err) throws IOException {
        JdbcClient jdbc = JdbcClient.create(store.dataSource());
        JdbcStaffDirectory directory = new JdbcStaffDirectory(jdbc);
        if (!directory.isLocalAuthority(localAuthority)) {
            err.println("No local authority " + localAuthority + " in the directory");
            return REFUSED;
        }
        Optional<Person> person = new People(jdbc).person(runBy);
        if (person.isEmpty()) {
            err.println("No enabled account " + runBy + " in the directory: --run-by must name the data officer "
                    + "or administrator the import is recorded by");
            return REFUSED;
        }
        if (AccessPolicy.decide(person.get(), Operation.IMPORT_HISTORY) != Decision.ALLOW
                || !person.get().worksFor(localAuthority)) {
            err.println(runBy + " may not import history for " + localAuthority
                    + ": only its data officers and administrators may (rule import-history)");
            return REFUSED;
        }
        long started = System.nanoTime();
        long bytes = 0;
        for (Path path : paths) {
            bytes += Files.size(path);
        }
        try (ReturnFiles files = ReturnFiles.spilling(bytes)) {
            // stopped by a signal (Ctrl-C, kill), the bucket files, which hold the rows, are deleted all the same
            Thread cleanup = new Thread(files::close, "import-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            try {
                return importFiles(store, directory, files, localAuthority, runBy, dryRun, paths, reportFile,
                        started, out, err);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(cleanup);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs, or has run
                }
            }
        }
    }

    private static int importFiles(EventStoreAccess store, JdbcStaffDirectory directory, ReturnFiles files,
            String localAuthority, String runBy, boolean dryRun, List<Path> paths, Path reportFile, long started,
            PrintStream out, PrintStream err) throws IOException {
        for (Path path : paths) {
            try (InputStream in = Files.newInputStream(path)) {
                ImportPages.read(path.getFileName().toString(), in, files);
            }
            out.printf("Read %s: %,d rows so far%n", path.getFileName(), files.rows());
        }
        int children = files.childCount();
        double readSeconds = seconds(started);
        out.printf("%,d rows of %,d children read in %,.1f s; %s for %s%n", files.rows(), children,
                readSeconds, dryRun ? "checking (dry run, nothing is written)" : "importing", localAuthority);
        String importId = UUID.randomUUID().toString();
        HistoryImport history = new HistoryImport(directory, store.engine(), store.dataSource(),
                store.transactions(), Clock.system(ZoneId.of("Europe/London")));
        long importStarted = System.nanoTime();
        long[] lastPrinted = {importStarted};
        ImportReport report = history.run(new HistoryImport.Request(importId, localAuthority, runBy,
                directory.displayName(runBy).orElse(runBy), dryRun), files, (done, rows) -> {
                    long now = System.nanoTime();
                    if (now - lastPrinted[0] >= PROGRESS_EVERY_NANOS || done == children) {
                        lastPrinted[0] = now;
                        double s = Math.max(0.001, (now - importStarted) / 1e9);
                        out.printf("%5.1f%% children %,d/%,d  rows %,d  %,.0f rows/s  %,.0f children/s  %,.0f s%n",
                                children == 0 ? 100.0 : 100.0 * done / children, done, children, rows,
                                rows / s, done / s, s);
                    }
                });
        double importSeconds = seconds(importStarted);
        writeReport(report, reportFile);
        ImportReport.Counts c = report.counts();
        out.printf("Import %s%s: %,d children in %,.1f s (%,.0f children/s, %,.0f rows/s); %,d %s, "
                        + "%,d refused, %,d already in Oversight, %,d added to, %,d conflicting, "
                        + "%,d rows held back, %,d file problems, %,d events%s%n",
                importId, dryRun ? " (dry run)" : "", c.children(), importSeconds,
                c.children() / Math.max(0.001, importSeconds), files.rows() / Math.max(0.001, importSeconds),
                c.imported(), dryRun ? "would be imported" : "imported", c.refused(), c.alreadyImported(),
                c.added(), c.conflicted(), c.heldBackRows(), c.fileProblems(), c.events(),
                dryRun ? " would be recorded" : " recorded");
        out.printf("Report: %s (%,.1f s in all)%n", reportFile, seconds(started));
        if (c.fileProblems() > 0) {
            err.println(c.fileProblems() + (c.fileProblems() == 1 ? " file or row" : " files or rows")
                    + " could not be read: see the report");
            return FILE_PROBLEMS;
        }
        return DONE;
    }

    /** The report names children: written readable by its owner alone, replacing any earlier one. */
    private static void writeReport(ImportReport report, Path file) throws IOException {
        Path written = file.resolveSibling(file.getFileName() + ".part");
        Files.deleteIfExists(written);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(written, PosixFilePermissions.asFileAttribute(EnumSet.of(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        } else {
            Files.createFile(written);
        }
        try (Writer csv = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(written,
                StandardOpenOption.TRUNCATE_EXISTING), StandardCharsets.UTF_8))) {
            report.writeCsv(csv);
        }
        Files.move(written, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String option(Arguments arguments, Function<String, String> environment, String name,
            String variable) {
        String given = arguments.options().get(name);
        if (given != null && !given.isBlank()) {
            return given;
        }
        String fromEnvironment = environment.apply(variable);
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : fromEnvironment;
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
