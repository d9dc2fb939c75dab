package org.oversight.deploy.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.oversight.deploy.durability.Clients.Answer;
import org.oversight.deploy.embedded.EmbeddedDatabase;
import org.oversight.deploy.embedded.EmbeddedOversight;
import org.oversight.deploy.embedded.EmbeddedServer;
import org.oversight.deploy.platform.DatabaseUnavailable;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.TestFiles;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The launcher exactly as {@code EmbeddedOversight.main} starts it on its embedded default (only on a
 * temporary data directory and free ports, and without the synthetic demo children, which take long to record):
 * the database it runs is durable and password-only; killed with {@code kill -9} under a load of registrations,
 * it is started again by the watchdog, every registration that was answered 201 is in the event store, and no
 * request hung meanwhile; stopped by an operator, it is started again and the service answers by itself.
 *
 * <p>Bounded: at most {@value #MOST_REGISTRATIONS} registrations, from {@value #SENDERS} senders, for well
 * under a minute.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDefaultFaultIT {

    private static final int SENDERS = 3;
    private static final int MOST_REGISTRATIONS = 600;
    /** Registrations acknowledged before the kill, and after the restart, before the load stops. */
    private static final int ACKNOWLEDGED_EACH_SIDE = 30;
    /** The pool's wait for a connection (3 s) twice over (sign-in, then the command) plus room for a slow machine. */
    private static final long PROMPT_MILLIS = 10_000;

    private Path dataDirectory;
    private EmbeddedDatabase embedded;
    private ConfigurableApplicationContext context;
    private String baseUrl;

    @BeforeAll
    void startTheLauncher() throws IOException {
        dataDirectory = Files.createTempDirectory("oversight-durable").resolve("postgres");
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication launcher = new SpringApplication(EmbeddedOversight.class);
        embedded = new EmbeddedDatabase();
        launcher.addListeners(embedded);
        launcher.setAdditionalProfiles("no-demo-children");
        context = launcher.run("--oversight.embedded.data-dir=" + dataDirectory,
                "--oversight.embedded.port=" + freePort(), "--server.port=0", "--spring.main.banner-mode=off");
        baseUrl = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
        ApiClient.forgetTokens(baseUrl);
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
        if (dataDirectory != null) {
            TestFiles.deleteQuietly(dataDirectory.getParent());
        }
    }

    private EmbeddedServer server() {
        return embedded.server().orElseThrow();
    }

    @Test
    @Order(1)
    void theEmbeddedDefaultRunsPostgresql17DurablyAndAdmitsNoConnectionWithoutItsPassword() throws SQLException {
        Map<String, String> shown = new java.util.HashMap<>();
        try (Connection connection = context.getBean(DataSource.class).getConnection();
                Statement statement = connection.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes", "server_version")) {
                try (ResultSet row = statement.executeQuery("SHOW " + setting)) {
                    row.next();
                    shown.put(setting, row.getString(1));
                }
            }
        }
        assertThat(shown).containsEntry("fsync", "on").containsEntry("synchronous_commit", "on")
                .containsEntry("full_page_writes", "on");
        assertThat(shown.get("server_version")).startsWith(EmbeddedServer.MAJOR_VERSION + ".");
        assertThat(EmbeddedServer.MAJOR_VERSION).isEqualTo("17");

        String url = context.getEnvironment().getProperty("spring.datasource.url");
        assertThat(url).isEqualTo(server().jdbcUrl());
        EmbeddedServerIT.assertRefused(url, "");
        EmbeddedServerIT.assertRefused(url.replace("localhost", "127.0.0.1"), "");
    }

    @Test
    @Order(2)
    void killedUnderLoadTheDatabaseIsRestartedAndEveryAcknowledgedRegistrationIsStoredAndNoRequestHung()
            throws Exception {
        // as in a service (run without -ea), so a batch cut off by the kill fails as a lost connection
        assertThat(Class.forName("org.postgresql.jdbc.BatchResultHandler").desiredAssertionStatus())
                .as("the JDBC driver's own assertions are off").isFalse();
        Clients.Api chair = new Clients.Api(baseUrl, "iro.ahmed");
        Queue<Sent> sent = new ConcurrentLinkedQueue<>();
        AtomicInteger numbers = new AtomicInteger();
        AtomicBoolean enough = new AtomicBoolean();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        for (int i = 0; i < SENDERS; i++) {
            senders.submit(() -> {
                for (int n = numbers.incrementAndGet(); n <= MOST_REGISTRATIONS && !enough.get();
                        n = numbers.incrementAndGet()) {
                    long started = System.nanoTime();
                    sent.add(new Sent("KILL-" + n, started, chair.register("KILL-" + n)));
                }
            });
        }
        int restartsBefore = server().restarts();
        long killed = 0;
        long restarted = 0;
        try {
            within(Duration.ofSeconds(60), "registrations answered before the kill")
                    .until(() -> acknowledged(sent, 0) >= ACKNOWLEDGED_EACH_SIDE);
            long postmaster = server().postmasterPid().orElseThrow();
            killed = System.nanoTime();
            signal("KILL", postmaster);

            within(Duration.ofSeconds(30), "the watchdog started the database again")
                    .until(() -> server().restarts() > restartsBefore);
            restarted = System.nanoTime();
            assertThat(server().postmasterPid()).isPresent().isNotEqualTo(OptionalLong.of(postmaster));
            long after = restarted;
            within(Duration.ofSeconds(30), "registrations answered after the restart")
                    .until(() -> acknowledged(sent, after) >= ACKNOWLEDGED_EACH_SIDE);
        } finally {
            enough.set(true);
            senders.shutdown();
            assertThat(senders.awaitTermination(Clients.GIVE_UP.toSeconds() + 5, TimeUnit.SECONDS)).isTrue();
        }

        List<Sent> all = new ArrayList<>(sent);
        long outage = killed;
        List<Sent> unavailable = all.stream().filter(s -> s.answer().status() == 503).toList();
        System.out.printf("kill -9 under load: %d registrations sent, %d answered 201, %d answered 503 "
                        + "(%d of them sent after the kill), database back %d ms after the kill, slowest answer %d ms%n",
                all.size(), all.stream().filter(s -> s.answer().status() == 201).count(), unavailable.size(),
                unavailable.stream().filter(s -> s.started() >= outage).count(), (restarted - killed) / 1_000_000,
                all.stream().mapToLong(s -> s.answer().millis()).max().orElse(0));

        assertThat(all).allSatisfy(s -> {
            assertThat(s.answer().status()).as("%s: %s", s.localIdentifier(), s.answer().body()).isIn(201, 503);
            assertThat(s.answer().millis()).as("how long %s waited for its answer", s.localIdentifier())
                    .isLessThan(PROMPT_MILLIS);
        });
        assertThat(unavailable).allSatisfy(s -> {
            assertThat(s.answer().body()).contains("\"rule\":\"" + DatabaseUnavailable.RULE + "\"");
            assertThat(s.answer().retryAfter()).isNotNull();
        });

        List<String> acknowledged = all.stream().filter(s -> s.answer().status() == 201)
                .map(s -> s.answer().body().replaceAll(".*\"childId\":\"([^\"]+)\".*", "$1")).toList();
        assertThat(stored(acknowledged)).as("every registration answered 201 is in the event store")
                .containsExactlyInAnyOrderElementsOf(acknowledged);
    }

    @Test
    @Order(3)
    void stoppedByAnOperatorTheDatabaseIsStartedAgainAndTheServiceAnswersByItself() throws Exception {
        Clients.Api chair = new Clients.Api(baseUrl, "chair.brown");
        assertThat(chair.register("STOP-BEFORE").status()).isEqualTo(201);
        int restartsBefore = server().restarts();
        long postmaster = server().postmasterPid().orElseThrow();

        // SIGINT is PostgreSQL's fast shutdown, what pg_ctl stop -m fast sends
        signal("INT", postmaster);
        within(Duration.ofSeconds(30), "the watchdog started the database again")
                .until(() -> server().restarts() > restartsBefore);

        Answer after = DatabaseOutageIT.eventually(() -> chair.register("STOP-AFTER"));
        assertThat(after.status()).as(after.body()).isEqualTo(201);
        assertThat(after.millis()).isLessThan(PROMPT_MILLIS);
        assertThat(chair.get("/api/caseload").status()).isEqualTo(200);
    }

    private record Sent(String localIdentifier, long started, Answer answer) {
    }

    private static long acknowledged(Queue<Sent> sent, long startedAfter) {
        return sent.stream().filter(s -> s.started() >= startedAfter && s.answer().status() == 201).count();
    }

    /** The child ids among {@code childIds} whose registration is in the event store, read past the service. */
    private List<String> stored(List<String> childIds) throws SQLException {
        try (Connection connection = DriverManager.getConnection(server().jdbcUrl(), EmbeddedServer.USERNAME,
                server().password());
                PreparedStatement query = connection.prepareStatement("SELECT DISTINCT aggregateidentifier "
                        + "FROM domainevententry WHERE sequencenumber = 0 AND aggregateidentifier = ANY (?)")) {
            Array ids = connection.createArrayOf("varchar", childIds.toArray());
            query.setArray(1, ids);
            List<String> found = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        }
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s %d", signal, pid).isZero();
    }

    private static ConditionFactory within(Duration limit, String what) {
        return Awaitility.await(what).atMost(limit).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
