package org.oversight.deploy.generator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.oversight.deploy.embedded.EmbeddedDatabase;
import org.oversight.deploy.embedded.EmbeddedServer;
import org.oversight.deploy.history.EventStoreAccess;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generates a synthetic service of a named size and loads it into an Oversight event store.
 *
 * <pre>
 * java -Dloader.main=org.oversight.deploy.generator.GenerateHistories -jar deploy/target/oversight.jar \
 *      --size=la --data-dir=/tmp/oversight-la/postgres --port=54340 [--seed=1] [--today=2026-11-23] [--threads=2]
 * </pre>
 *
 * With {@code --data-dir} it starts (or reuses) an embedded PostgreSQL there, with the event-chain key beside it,
 * exactly as the launcher's {@code --oversight.embedded.data-dir} does, so the launcher can then be started on the
 * same directory and port. With {@code --jdbc-url} (plus {@code --username}, {@code --password},
 * {@code --chain-key} and {@code --data-key}, the key-encryption key) it loads into an existing database instead. It refuses a store that already holds events.
 */
public final class GenerateHistories {

    private GenerateHistories() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        Map<String, String> options = options(args);
        Size size = Size.named(options.getOrDefault("size", "demo"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        LocalDate today = LocalDate.parse(options.getOrDefault("today",
                LocalDate.now(ZoneId.of("Europe/London")).toString()));
        int threads = Integer.parseInt(options.getOrDefault("threads",
                String.valueOf(Runtime.getRuntime().availableProcessors())));
        EmbeddedServer postgres = null;
        String url;
        String password;
        String chainKey;
        String dataKey;
        if (options.containsKey("data-dir")) {
            Path dataDir = Path.of(options.get("data-dir"));
            Files.createDirectories(dataDir.getParent());
            postgres = startPostgres(dataDir, Integer.parseInt(options.getOrDefault("port", "54340")));
            url = postgres.jdbcUrl();
            password = postgres.password();
            chainKey = EmbeddedDatabase.chainKeyBeside(dataDir);
            dataKey = EmbeddedDatabase.dataKeyBeside(dataDir);
        } else {
            url = required(options, "jdbc-url");
            password = options.getOrDefault("password", "");
            chainKey = required(options, "chain-key");
            dataKey = required(options, "data-key");
        }
        try (EventStoreAccess store = new EventStoreAccess(url, options.getOrDefault("username", "postgres"),
                password, chainKey, dataKey, threads + 1)) {
            Result result = generate(store, size, seed, today, threads, System.out::println);
            System.out.printf("Loaded %s (seed %d, today %s): %,d children, %,d events in %,.1f s (%,.0f events/s)%n",
                    size.name(), seed, today, result.load().children(), result.load().events(),
                    result.load().millis() / 1000.0, result.load().eventsPerSecond());
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /** A generated and loaded service. */
    public record Result(Staff staff, HistoryGenerator generator, Loader.Result load) {
    }

    public static Result generate(EventStoreAccess store, Size size, long seed, LocalDate today, int threads,
            java.util.function.Consumer<String> progress) throws InterruptedException {
        Long existing = new JdbcTemplate(store.dataSource()).queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        if (existing != null && existing > 0) {
            throw new IllegalStateException("The event store already holds " + existing
                    + " events; generate into an empty one");
        }
        Staff staff = Staff.generate(size, seed);
        HistoryGenerator generator = new HistoryGenerator(size, seed, today, staff);
        Loader loader = new Loader(store, threads, 5_000, progress);
        loader.loadStaff(staff);
        JdbcTemplate jdbc = new JdbcTemplate(store.dataSource());
        jdbc.execute("CREATE TABLE IF NOT EXISTS generated_data_set (size VARCHAR(40) NOT NULL, seed BIGINT NOT NULL, "
                + "today DATE NOT NULL, children INTEGER NOT NULL, events BIGINT NOT NULL, load_millis BIGINT NOT NULL)");
        progress.accept(String.format("Generating %s: %,d children (%,d looked after and %,d on plans open), "
                        + "%d authorities, %,d chairs, %d years to %s", size.name(), size.children(),
                size.lookedAfterOpen(), size.protectionOpen(), size.authorities(), staff.people().size(),
                size.years(), today));
        Loader.Result loaded = loader.load(generator, staff);
        // what was generated, for whoever measures this data set later (the benchmark reads it)
        jdbc.update("INSERT INTO generated_data_set VALUES (?, ?, ?, ?, ?, ?)", size.name(), seed, today,
                loaded.children(), loaded.events(), loaded.millis());
        return new Result(staff, generator, loaded);
    }

    /** The embedded database the launcher would start on this directory, with room for the loader's connections. */
    public static EmbeddedServer startPostgres(Path dataDir, int port) {
        return EmbeddedServer.start(dataDir, port, Map.of("max_connections", "200")).stopWhenTheJvmExits();
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("Expected --name=value, got " + arg);
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Give --data-dir=<dir>, or --" + name + "=...");
        }
        return value;
    }
}
