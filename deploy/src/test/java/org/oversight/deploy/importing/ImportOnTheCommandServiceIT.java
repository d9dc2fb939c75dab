package org.oversight.deploy.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oversight.deploy.CommandServiceApplication;
import org.oversight.deploy.generator.SyntheticReturns;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import in the split topology is served by the command service (the router sends every request under
 * {@code /imports} there): its pages, with the signed-in person's header and links, the same access rule (a data
 * officer of the authority may, a chair may not), an upload imported through the aggregates, its progress and its
 * report, all on the command service. The session is the one signed in on another node, as behind the router.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportOnTheCommandServiceIT {

    private static final String LA = "DEMO-N";
    private static final int CHILDREN = 8;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("SESSION=([^;]+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private OversightTestApp first;
    private ConfigurableApplicationContext command;
    private Path returns;

    @BeforeAll
    void start() throws IOException {
        String jdbcUrl = TestPostgres.freshDatabase();
        // the all-in-one service writes the demo's people and authorities; the command service runs beside it
        first = OversightTestApp.start(jdbcUrl);
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication app = new SpringApplication(CommandServiceApplication.class);
        app.setAdditionalProfiles("command-service");
        command = app.run("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--server.port=0", "--spring.main.banner-mode=off",
                "--oversight.node-id=command-a",
                "--oversight.audit.chain-key=" + OversightTestApp.TEST_CHAIN_KEY,
                "--oversight.data.key-encryption-key=" + OversightTestApp.TEST_DATA_KEY);
        returns = Files.createTempDirectory("command-service-returns");
        SyntheticReturns.write(returns, CHILDREN, 5, LocalDate.now(ZoneId.of("Europe/London")), "CS");
    }

    @AfterAll
    void stop() throws IOException {
        if (command != null) {
            command.close();
        }
        if (first != null) {
            first.close();
        }
        if (returns != null) {
            try (Stream<Path> files = Files.walk(returns)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    private String commandUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) command).getWebServer().getPort();
    }

    @Test
    void aDataOfficerImportsAnAuthoritysReturnsOnTheCommandService() throws Exception {
        String session = signIn(first.baseUrl(), "data.iqbal");

        HttpResponse<String> authorities = get(session, "/imports");
        assertThat(authorities.statusCode()).as(authorities.body()).isEqualTo(200);
        assertThat(authorities.body()).contains("Imran Iqbal", "href=\"/imports\"", "/imports/" + LA);

        HttpResponse<String> form = get(session, "/imports/" + LA);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Import history from the returns", "Imran Iqbal");
        Matcher token = CSRF.matcher(form.body());
        assertThat(token.find()).as("a CSRF token on the form").isTrue();

        HttpResponse<String> uploaded = upload(session, token.group(1), "header.csv", "episodes.csv", "reviews.csv");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        String run = URI.create(uploaded.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(run).startsWith("/imports/" + LA + "/runs/");

        String page = Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> get(session, run).body(), body -> !body.contains("data-import-running"));
        assertThat(page).contains("Import report", "Imran Iqbal").doesNotContain("The import stopped");
        HttpResponse<String> report = get(session, run + "/report.csv");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body().lines().filter(l -> l.startsWith("Imported,"))).hasSize(CHILDREN);
        assertThat(first.bean(JdbcClient.class).sql("SELECT count(*) FROM child_identifier "
                + "WHERE local_identifier LIKE 'CS%'").query(Long.class).single()).isEqualTo(CHILDREN);
    }

    @Test
    void theImportsAccessRuleHoldsOnTheCommandService() {
        String chair = signIn(first.baseUrl(), "chair.brown");
        assertThat(get(chair, "/imports").statusCode()).isEqualTo(403);
        assertThat(get(chair, "/imports/" + LA).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> upload(String session, String csrf, String... names) throws IOException {
        String boundary = "----oversight" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf);
        for (String name : names) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                    + name + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(Files.readAllBytes(returns.resolve(name)));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(commandUrl() + "/imports/" + LA))
                .header("Cookie", "SESSION=" + session)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void part(ByteArrayOutputStream body, String boundary, String content) {
        body.writeBytes(("--" + boundary + "\r\n" + content + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String session, String path) {
        return send(HttpRequest.newBuilder(URI.create(commandUrl() + path)).header("Accept", "text/html")
                .header("Cookie", "SESSION=" + session).GET());
    }

    /** Signs in with the form on {@code node}; the session it answers is good on every node. */
    private static String signIn(String node, String username) {
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(node + "/login")).GET());
        String preSession = cookie(login);
        Matcher token = CSRF.matcher(login.body());
        assertThat(token.find()).as("a CSRF token on the sign-in page").isTrue();
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(node + "/login"))
                .header("Cookie", "SESSION=" + preSession)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                        + URLEncoder.encode(ApiClient.DEMO_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return cookie(signedIn);
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).findFirst().orElseThrow();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
