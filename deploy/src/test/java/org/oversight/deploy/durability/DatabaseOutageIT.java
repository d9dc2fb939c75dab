package org.oversight.deploy.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.durability.Clients.Answer;
import org.oversight.deploy.platform.DatabaseUnavailable;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestFiles;
import org.oversight.deploy.support.TestPostgres;

/**
 * A database of its own (as in production, where nothing restarts it for the service) goes away under a running
 * service: every kind of request is answered 503 within a few seconds instead of hanging and failing with 500,
 * whether it fails at sign-in, in the session store or in a command; when the database is back the service
 * answers again by itself, with the signed-in session and everything recorded before still there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageIT {

    /** The pool's wait for a connection (3 s) plus room for a slow machine; the old behaviour took 30-60 s. */
    private static final long PROMPT_MILLIS = 8_000;

    private Path dataDirectory;
    private int port;
    private EmbeddedPostgres postgres;
    private OversightTestApp app;

    @BeforeAll
    void start() throws IOException {
        dataDirectory = Files.createTempDirectory("oversight-outage");
        postgres = TestPostgres.startIn(dataDirectory);
        port = postgres.getPort();
        app = OversightTestApp.start(postgres.getJdbcUrl("postgres", "postgres"));
    }

    @AfterAll
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        TestFiles.deleteQuietly(dataDirectory);
    }

    @Test
    void whileTheDatabaseIsDownEveryRequestIsAnswered503PromptlyAndTheServiceRecoversByItselfWhenItIsBack()
            throws IOException {
        Clients.Api chair = new Clients.Api(app.baseUrl(), "iro.ahmed");
        Clients.Browser signedIn = new Clients.Browser(app.baseUrl());
        assertThat(signedIn.signIn("iro.ahmed").status()).isEqualTo(302);
        assertThat(signedIn.get("/").status()).isEqualTo(200);
        Answer before = chair.register("OUTAGE-BEFORE");
        assertThat(before.status()).as(before.body()).isEqualTo(201);
        String childBefore = before.body().replaceAll(".*\"childId\":\"([^\"]+)\".*", "$1");
        assertThat(projected(chair, childBefore).status()).as("projected before the outage").isEqualTo(200);
        Clients.Browser signingIn = new Clients.Browser(app.baseUrl());
        String signInForm = signingIn.openSignIn();

        postgres.close();

        Answer command = chair.register("OUTAGE-DURING");
        assertUnavailableProblem(command);
        assertUnavailableProblem(chair.get("/api/children/" + childBefore));

        Answer page = signedIn.get("/");
        assertThat(page.status()).as(page.body()).isEqualTo(503);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Sorry, the service is unavailable").doesNotContain("Exception");
        assertThat(page.retryAfter()).isEqualTo(String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        assertThat(page.millis()).isLessThan(PROMPT_MILLIS);

        Answer signIn = signingIn.submitSignIn(signInForm, "chair.brown");
        assertThat(signIn.status()).as("a sign-in the database cannot check is not a wrong password").isEqualTo(503);
        assertThat(signIn.millis()).isLessThan(PROMPT_MILLIS);

        postgres = TestPostgres.startIn(dataDirectory, port);

        Answer after = eventually(() -> chair.register("OUTAGE-AFTER"));
        assertThat(after.status()).as(after.body()).isEqualTo(201);
        assertThat(signedIn.get("/").status()).as("the session kept in the database").isEqualTo(200);
        long back = System.nanoTime();
        String childAfter = after.body().replaceAll(".*\"childId\":\"([^\"]+)\".*", "$1");
        Answer read = projected(chair, childAfter);
        System.out.printf("projection caught up %d ms after the database was back%n",
                (System.nanoTime() - back) / 1_000_000);
        assertThat(read.status()).as("the projections run again by themselves").isEqualTo(200);
        assertThat(chair.get("/api/children/" + childBefore).status()).as("recorded before the outage")
                .isEqualTo(200);
        assertThat(deadLetters()).as("an outage passes: nothing in flight is set aside as a dead letter").isZero();
    }

    private long deadLetters() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM deadletterentry")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The child's record once a projection has it; after 90 seconds of asking the failure shows the last answer. */
    private static Answer projected(Clients.Api chair, String child) {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> chair.get("/api/children/" + child), read -> read.status() == 200);
    }

    private static void assertUnavailableProblem(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).contains("\"rule\":\"" + DatabaseUnavailable.RULE + "\"", "\"status\":503")
                .doesNotContain("Exception", "at org.");
        assertThat(answer.retryAfter()).isEqualTo(String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        assertThat(answer.millis()).isLessThan(PROMPT_MILLIS);
    }

    /** The first answer that is not 503, within half a minute: the pool reconnects on its own. */
    static Answer eventually(Supplier<Answer> request) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(250)).until(request::get, answer -> answer.status() != 503);
    }
}
