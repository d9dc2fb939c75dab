package org.oversight.deploy.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.oversight.deploy.generator.SyntheticReturns;
import org.oversight.deploy.support.ApiClient;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The command line import, end to end on a real PostgreSQL that the service runs on meanwhile: a seeded
 * synthetic SSDA903 set of one authority is checked by a dry run (nothing written), imported whole (every child,
 * the report written readable by its owner alone), imported again (nothing added); a person who may not import
 * for the authority is refused before anything is read, and a file that is no return gives a non-zero status.
 * What it prints names no child; the bucket files are gone when it ends. An upload to the page over its limit is
 * answered 413 with the form naming the limit and the command line; another page's upload keeps its own 1 MB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportHistoryCommandLineIT {

    private static final String LA = "DEMO-N";
    private static final int CHILDREN = 60;

    @TempDir
    Path folder;

    private String jdbcUrl;
    private OversightTestApp app;
    private JdbcClient jdbc;
    private Path returns;
    private SyntheticReturns.Written written;
    private Path spillParent;

    @BeforeAll
    void start() throws IOException {
        jdbcUrl = TestPostgres.freshDatabase();
        // the page's upload limit set low, so that a file over it is small enough to send here
        app = OversightTestApp.start(jdbcUrl, "--oversight.import.max-upload-size=1MB");
        jdbc = app.bean(JdbcClient.class);
        returns = Files.createTempDirectory("cli-returns");
        written = SyntheticReturns.write(returns, CHILDREN, 7, LocalDate.now(ZoneId.of("Europe/London")), "CLI");
        spillParent = Path.of(System.getProperty("java.io.tmpdir"));
    }

    @AfterAll
    void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        try (Stream<Path> files = Files.list(returns)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(returns);
    }

    /** One run of the command: its exit status and what it printed. */
    private record Ran(int status, String out, String err) {
    }

    private Ran run(String runBy, boolean dryRun, Path report, Path... files) {
        List<String> args = new ArrayList<>(List.of("--jdbc-url=" + jdbcUrl, "--username=postgres", "--password=",
                "--chain-key=" + OversightTestApp.TEST_CHAIN_KEY, "--data-key=" + OversightTestApp.TEST_DATA_KEY,
                "--local-authority=" + LA, "--run-by=" + runBy, "--report=" + report));
        if (dryRun) {
            args.add("--dry-run");
        }
        for (Path file : files) {
            args.add(file.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = ImportHistory.run(args.toArray(String[]::new), name -> null,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Ran ran = new Ran(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        System.out.println("ImportHistory exited " + status + "\n" + ran.out() + ran.err());
        return ran;
    }

    private Path[] returnFiles() {
        return new Path[] {returns.resolve("header.csv"), returns.resolve("episodes.csv"),
                returns.resolve("reviews.csv")};
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private long importedChildren() {
        return jdbc.sql("SELECT count(*) FROM child_identifier WHERE local_identifier LIKE 'CLI%'")
                .query(Long.class).single();
    }

    private List<String> reportLines(Path report) throws IOException {
        return Files.readAllLines(report, StandardCharsets.UTF_8);
    }

    private long spillDirectories() throws IOException {
        try (Stream<Path> files = Files.list(spillParent)) {
            return files.filter(p -> p.getFileName().toString().startsWith("oversight-import-")).count();
        }
    }

    @Test
    void aDryRunThenAnImportThenTheSameImportAgain() throws IOException {
        long spilledBefore = spillDirectories();
        long before = events();

        Path dryReport = folder.resolve("dry.csv");
        Ran dry = run("data.iqbal", true, dryReport, returnFiles());
        assertThat(dry.status()).isZero();
        assertThat(events()).as("a dry run writes nothing").isEqualTo(before);
        assertThat(importedChildren()).isZero();
        assertThat(reportLines(dryReport)).first().isEqualTo("outcome,child,file,row,table,field,rule,reason");
        assertThat(reportLines(dryReport)).filteredOn(l -> l.startsWith("Imported,")).hasSize(CHILDREN)
                .allSatisfy(l -> assertThat(l).contains("Would import"));

        Path report = folder.resolve("report.csv");
        Ran imported = run("data.iqbal", false, report, returnFiles());
        assertThat(imported.status()).isZero();
        assertThat(imported.out()).contains(CHILDREN + " children").contains("rows/s")
                .contains("0 refused");
        // counts and rates only: no child's identifier reaches the terminal
        assertThat(imported.out() + imported.err()).doesNotContain("CLI0");
        assertThat(importedChildren()).isEqualTo(CHILDREN);
        long afterImport = events();
        assertThat(afterImport).isGreaterThan(before + written.rows());
        List<String> lines = reportLines(report);
        assertThat(lines).filteredOn(l -> l.startsWith("Imported,CLI")).hasSize(CHILDREN);
        assertThat(lines).filteredOn(l -> l.startsWith("Refused,")).isEmpty();
        assertThat(Files.getPosixFilePermissions(report)).isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE));

        Ran again = run("data.iqbal", false, report, returnFiles());
        assertThat(again.status()).isZero();
        assertThat(events()).as("the same files again add nothing").isEqualTo(afterImport);
        assertThat(reportLines(report)).filteredOn(l -> l.startsWith("Already in Oversight,CLI")).hasSize(CHILDREN);

        assertThat(spillDirectories()).as("the working files are deleted").isEqualTo(spilledBefore);
    }

    @Test
    void onlyADataOfficerOrAdministratorOfTheAuthorityMayRunIt() throws IOException {
        long before = events();
        Path report = folder.resolve("refused.csv");
        Ran auditor = run("auditor.davies", false, report, returnFiles());
        assertThat(auditor.status()).isEqualTo(ImportHistory.REFUSED);
        assertThat(auditor.err()).contains("auditor.davies may not import history for DEMO-N")
                .contains("import-history");
        Ran nobody = run("nobody.at.all", false, report, returnFiles());
        assertThat(nobody.status()).isEqualTo(ImportHistory.REFUSED);
        assertThat(nobody.err()).contains("No enabled account nobody.at.all");
        // a QA lead, and of another authority
        Ran elsewhere = run("qa.shah", false, report, returnFiles());
        assertThat(elsewhere.status()).isEqualTo(ImportHistory.REFUSED);
        assertThat(events()).isEqualTo(before);
        assertThat(report).doesNotExist();
    }

    @Test
    void aFileThatIsNoReturnIsReportedAndTheStatusSaysSo() throws IOException {
        Path wrong = folder.resolve("wrong.csv");
        Files.writeString(wrong, "ID,START,END\n1,01/01/2020,\n");
        Path report = folder.resolve("wrong-report.csv");
        Ran ran = run("data.iqbal", true, report, wrong);
        assertThat(ran.status()).isEqualTo(ImportHistory.FILE_PROBLEMS);
        assertThat(reportLines(report)).anySatisfy(l -> assertThat(l).startsWith("Not read,,wrong.csv")
                .contains("ssda903-column-set"));
    }

    private static HttpResponse<String> upload(String url, String token, String field, int bytes) throws Exception {
        String boundary = "----limit" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; "
                + "filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\nCHILD,DOB,REVIEW,REVIEW_CODE\n"
                + "x".repeat(bytes) + "\r\n--" + boundary + "--\r\n";
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUploadOverThePagesLimitIsTurnedBackNamingTheLimitAndTheCommandLine() throws Exception {
        long before = events();
        HttpResponse<String> tooBig = upload(app.baseUrl() + "/imports/" + LA,
                ApiClient.bearerToken(app.baseUrl(), "data.iqbal"), "files", 1_500_000);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("more than 1 MB").contains("upload-size").contains("command line");
        assertThat(events()).isEqualTo(before);

        // the reconciliation of the SSDA903 return keeps its own limit of 1 MB a file
        HttpResponse<String> otherPage = upload(app.baseUrl() + "/returns/" + LA + "/ssda903/reconciliation?year=2025",
                ApiClient.bearerToken(app.baseUrl(), "qa.evans"), "reviews", 1_200_000);
        assertThat(otherPage.statusCode()).isEqualTo(413);
        assertThat(otherPage.body()).contains("upload-size").contains("1 MB");
    }
}
