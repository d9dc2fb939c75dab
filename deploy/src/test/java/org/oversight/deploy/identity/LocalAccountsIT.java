package org.oversight.deploy.identity;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.MovableClock;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Local accounts: ten failed attempts to sign in within fifteen minutes lock the account name for fifteen
 * minutes, during which even the right password is refused, through the form and the demo's token endpoint
 * alike; names that match no account are treated the same; no name is written in clear to the log or the
 * database; and the right password for an account holding no role Oversight knows signs nobody in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalAccountsIT {

    private static final String WRONG = "not-the-password";

    private final MovableClock clock = MovableClock.startingNow();
    private OversightTestApp app;
    private JdbcClient jdbc;

    @BeforeAll
    void start() {
        app = OversightTestApp.start(clock, TestPostgres.freshDatabase());
        jdbc = app.bean(JdbcClient.class);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void tenFailuresWithinFifteenMinutesLockTheAccountEvenAgainstTheRightPasswordUntilTheLockRunsOut() {
        String username = newAccount("lock.tester");
        for (int failure = 1; failure <= 9; failure++) {
            assertThat(redirect(new WebClient(app.baseUrl()).signIn(username, WRONG))).endsWith("/login?error");
        }
        assertThat(redirect(new WebClient(app.baseUrl()).signIn(username, WRONG))).endsWith("/login?locked");

        assertThat(redirect(new WebClient(app.baseUrl()).signIn(username, ApiClient.DEMO_PASSWORD)))
                .endsWith("/login?locked");
        WebClient lockedOut = new WebClient(app.baseUrl());
        lockedOut.signIn(username, ApiClient.DEMO_PASSWORD);
        assertThat(lockedOut.get("/login?locked").body()).contains("too many attempts to sign in");

        clock.moveOn(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(redirect(new WebClient(app.baseUrl()).signIn(username, ApiClient.DEMO_PASSWORD))).endsWith("/");
    }

    @Test
    void failuresSpreadOverMoreThanFifteenMinutesDoNotLock() {
        String username = newAccount("slow.typist");
        for (int failure = 1; failure <= 9; failure++) {
            new WebClient(app.baseUrl()).signIn(username, WRONG);
        }
        clock.moveOn(Duration.ofMinutes(16));
        for (int failure = 1; failure <= 9; failure++) {
            assertThat(redirect(new WebClient(app.baseUrl()).signIn(username, WRONG))).endsWith("/login?error");
        }
        assertThat(redirect(new WebClient(app.baseUrl()).signIn(username, ApiClient.DEMO_PASSWORD))).endsWith("/");
    }

    @Test
    void aSuccessfulSignInForgetsTheFailuresBeforeIt() {
        String username = newAccount("forgetful.typist");
        for (int failure = 1; failure <= 9; failure++) {
            new WebClient(app.baseUrl()).signIn(username, WRONG);
        }
        assertThat(redirect(new WebClient(app.baseUrl()).signIn(username, ApiClient.DEMO_PASSWORD))).endsWith("/");
        for (int failure = 1; failure <= 9; failure++) {
            assertThat(redirect(new WebClient(app.baseUrl()).signIn(username, WRONG))).endsWith("/login?error");
        }
    }

    @Test
    void aNameThatMatchesNoAccountIsLockedAlikeSoTheAnswerDoesNotTellWhichAccountsExist() {
        for (int failure = 1; failure <= 9; failure++) {
            assertThat(redirect(new WebClient(app.baseUrl()).signIn("nobody.at.all", WRONG))).endsWith("/login?error");
        }
        assertThat(redirect(new WebClient(app.baseUrl()).signIn("nobody.at.all", WRONG))).endsWith("/login?locked");
    }

    @Test
    void theTokenEndpointCountsFailuresWithTheFormAndAnswersALockedAccountWith429() {
        String username = newAccount("token.tester");
        WebClient client = new WebClient(app.baseUrl());
        for (int failure = 1; failure <= 5; failure++) {
            new WebClient(app.baseUrl()).signIn(username, WRONG);
        }
        for (int failure = 6; failure <= 9; failure++) {
            HttpResponse<String> refused = client.postForm("/api/tokens", "username=" + username + "&password=" + WRONG);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("\"rule\":\"credentials-not-accepted\"");
        }
        HttpResponse<String> locked = client.postForm("/api/tokens", "username=" + username + "&password=" + WRONG);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.body()).contains("\"rule\":\"sign-in-locked\"");
        assertThat(Long.parseLong(locked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 900L);

        HttpResponse<String> rightPassword = client.postForm("/api/tokens", "username=" + username + "&password="
                + ApiClient.DEMO_PASSWORD);
        assertThat(rightPassword.statusCode()).isEqualTo(429);
        assertThat(redirect(new WebClient(app.baseUrl()).signIn(username, ApiClient.DEMO_PASSWORD)))
                .endsWith("/login?locked");
    }

    @Test
    void aFailedNameIsKeptAndLoggedOnlyAsADigest() {
        Logger throttleLog = (Logger) LoggerFactory.getLogger(SignInThrottle.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        throttleLog.addAppender(log);
        String typed = "Jane.Doe@council.example";
        try {
            for (int failure = 1; failure <= 10; failure++) {
                new WebClient(app.baseUrl()).signIn(typed, WRONG);
            }
        } finally {
            throttleLog.detachAppender(log);
        }

        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(10).allSatisfy(line -> assertThat(line.toLowerCase())
                .doesNotContain("jane", "doe", "council.example")
                .contains(SignInThrottle.shortDigest(SignInThrottle.digest(typed))));
        assertThat(jdbc.sql("SELECT account_digest FROM sign_in_attempt").query(String.class).list())
                .contains(SignInThrottle.digest(typed))
                .allSatisfy(digest -> assertThat(digest).matches("[0-9a-f]{64}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RETIRED_ROLE", "", "chair"})
    void theRightPasswordForAnAccountWithNoRoleOversightKnowsSignsNobodyInAndSaysWhy(String roles) {
        String username = newAccount("roleless." + (roles.isEmpty() ? "none" : roles.toLowerCase()), roles);
        WebClient browser = new WebClient(app.baseUrl());
        assertThat(redirect(browser.signIn(username, ApiClient.DEMO_PASSWORD))).endsWith("/login?no-role");
        assertThat(browser.get("/login?no-role").body()).contains("data-testid=\"sign-in-no-role\"")
                .contains("Your account has no role in Oversight");
        assertThat(redirect(browser.get("/"))).as("not signed in").endsWith("/login");

        assertThat(redirect(new WebClient(app.baseUrl()).signIn(username, WRONG)))
                .as("a wrong password is answered as for any account, telling nothing of its roles")
                .endsWith("/login?error");

        HttpResponse<String> token = new WebClient(app.baseUrl()).postForm("/api/tokens", "username=" + username + "&password="
                + ApiClient.DEMO_PASSWORD);
        assertThat(token.statusCode()).isEqualTo(403);
        assertThat(token.body()).contains("\"rule\":\"no-role\"").doesNotContain("access_token");
    }

    @Test
    void theRightPasswordForAnAccountWithNoRoleIsNotCountedAsAFailureAndALockComesFirst() {
        String username = newAccount("roleless.counted", "RETIRED_ROLE");
        for (int attempt = 1; attempt <= 12; attempt++) {
            assertThat(redirect(new WebClient(app.baseUrl()).signIn(username, ApiClient.DEMO_PASSWORD)))
                    .endsWith("/login?no-role");
        }
        for (int failure = 1; failure <= 10; failure++) {
            new WebClient(app.baseUrl()).signIn(username, WRONG);
        }
        assertThat(redirect(new WebClient(app.baseUrl()).signIn(username, ApiClient.DEMO_PASSWORD)))
                .as("a locked name is answered as locked, whatever its roles").endsWith("/login?locked");
    }

    @Test
    void aRefusalForWantOfARoleIsLoggedOnlyByTheAccountsDigest() {
        String username = newAccount("roleless.logged", "RETIRED_ROLE");
        Logger signInLog = (Logger) LoggerFactory.getLogger(LocalSignIn.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        signInLog.addAppender(log);
        try {
            new WebClient(app.baseUrl()).signIn(username, ApiClient.DEMO_PASSWORD);
        } finally {
            signInLog.detachAppender(log);
        }
        assertThat(log.list.stream().map(ILoggingEvent::getFormattedMessage).toList()).singleElement()
                .satisfies(line -> assertThat(line).doesNotContain("roleless", "logged")
                        .contains("no role", SignInThrottle.shortDigest(SignInThrottle.digest(username))));
    }

    @Test
    void anAccountWithAKnownRoleBesideARetiredOneSignsIn() {
        String username = newAccount("mixed.roles", "RETIRED_ROLE,QA_LEAD");
        assertThat(redirect(new WebClient(app.baseUrl()).signIn(username, ApiClient.DEMO_PASSWORD))).endsWith("/");
    }

    /** A chair of one's own, with the demo password, so that locking it disturbs no other test. */
    private String newAccount(String username) {
        return newAccount(username, "CHAIR");
    }

    private String newAccount(String username, String roles) {
        jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, roles, chair_roles) "
                        + "VALUES (:u, 'Test Person', :h, :roles, 'IRO')")
                .param("u", username).param("h", app.bean(LocalPasswords.class).hash(ApiClient.DEMO_PASSWORD))
                .param("roles", roles).update();
        return username;
    }

    private static String redirect(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }
}
