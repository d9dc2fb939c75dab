package org.oversight.deploy.benchmark;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The national run of the CIN census child protection module, as a QA lead of every authority would make it: one
 * request, the archive read as it streams (an entry per authority), timed to the first byte and to the end, with
 * the children counted as they pass. Progress is printed per authority. Then the SSDA903 return of every authority
 * for the year before, its three tables downloaded an authority at a time (see {@link #ssda903}).
 */
final class NationalReturns {

    private static final String QA = "bench.qa.lead";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private NationalReturns() {
    }

    static Map<String, Object> measure(JdbcTemplate jdbc, LauncherProcess launcher, LocalDate today, String password,
            String heapLimit) throws Exception {
        jdbc.update("""
                INSERT INTO app_user (username, display_name, password_hash, roles, chair_roles)
                SELECT ?, 'Benchmark QA lead', password_hash, 'QA_LEAD', '' FROM app_user WHERE username = 'chair.brown'
                ON CONFLICT (username) DO NOTHING
                """, QA);
        jdbc.update("""
                INSERT INTO person_authority (username, local_authority) SELECT ?, code FROM local_authority
                ON CONFLICT DO NOTHING
                """, QA);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> tokenAnswer = http.send(HttpRequest.newBuilder(URI.create(launcher.baseUrl()
                        + "/api/tokens")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + QA + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(tokenAnswer.body());
        if (tokenAnswer.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No token for " + QA + ": " + tokenAnswer.statusCode());
        }
        // the year last completed by the data set's today
        int year = today.isBefore(LocalDate.of(today.getYear(), 3, 31)) ? today.getYear() - 1 : today.getYear();
        long started = System.nanoTime();
        HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(URI.create(launcher.baseUrl()
                        + "/returns/national/cin/download"))
                .header("Authorization", "Bearer " + token.group(1))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("year=" + year
                        + "&reason=Benchmark+of+the+national+census+run")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long firstByte = System.nanoTime();
        if (answer.statusCode() != 200) {
            answer.body().close();
            throw new IllegalStateException("The national census run was answered " + answer.statusCode());
        }
        int authorities = 0;
        long children = 0;
        long bytes = 0;
        try (ZipInputStream zip = new ZipInputStream(answer.body())) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                authorities++;
                long inEntry = 0;
                BufferedReader lines = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
                String line;
                while ((line = lines.readLine()) != null) {
                    bytes += line.length() + 1;
                    if (line.equals("    <Child>")) {
                        inEntry++;
                    }
                }
                children += inEntry;
                System.out.printf("national CIN census: %s, %d children (%d authorities, %d children so far)%n",
                        entry.getName(), inEntry, authorities, children);
            }
        }
        long finished = System.nanoTime();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("status", answer.statusCode());
        result.put("collection_year", year);
        result.put("authorities", authorities);
        result.put("children", children);
        result.put("xml_megabytes", Timings.round(bytes / 1_048_576.0));
        result.put("first_byte_seconds", Timings.round((firstByte - started) / 1e9));
        result.put("seconds", Timings.round((finished - started) / 1e9));
        result.put("children_per_second", Timings.round(children * 1e9 / Math.max(1, finished - started)));
        result.put("ssda903", ssda903(jdbc, launcher, http, token.group(1), year - 1, heapLimit));
        return result;
    }

    /**
     * The SSDA903 return of every authority for the collection year that starts in {@code startYear}: each
     * authority's header, episodes and reviews tables downloaded as a QA lead would, one after another, each read as
     * it streams and its rows counted; the time and rows per authority, the totals, and the launcher's heap while it
     * ran.
     */
    private static Map<String, Object> ssda903(JdbcTemplate jdbc, LauncherProcess launcher, HttpClient http,
            String token, int startYear, String heapLimit) throws Exception {
        List<String> authorities = jdbc.queryForList("SELECT code FROM local_authority ORDER BY code", String.class);
        Map<String, Object> perAuthority = new LinkedHashMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        long bytes = 0;
        double slowest = 0;
        long started = System.nanoTime();
        HeapSampler heap = HeapSampler.start(launcher.pid());
        try {
            int done = 0;
            for (String authority : authorities) {
                long authorityStarted = System.nanoTime();
                Map<String, Object> rows = new LinkedHashMap<>();
                for (String file : SSDA903_FILES) {
                    long[] counted = download(http, launcher, token, authority, startYear, file);
                    rows.put(file + "_rows", counted[0]);
                    totals.merge(file + "_rows", counted[0], Long::sum);
                    bytes += counted[1];
                }
                double seconds = (System.nanoTime() - authorityStarted) / 1e9;
                slowest = Math.max(slowest, seconds);
                rows.put("seconds", Timings.round(seconds));
                perAuthority.put(authority, rows);
                System.out.printf("national SSDA903: %s, %s (%d of %d authorities)%n", authority, rows, ++done,
                        authorities.size());
            }
        } finally {
            if (heap != null) {
                heap.close();
            }
        }
        long finished = System.nanoTime();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("collection_year", startYear + " to " + (startYear + 1));
        result.put("authorities", authorities.size());
        result.putAll(totals);
        result.put("csv_megabytes", Timings.round(bytes / 1_048_576.0));
        result.put("seconds", Timings.round((finished - started) / 1e9));
        result.put("slowest_authority_seconds", Timings.round(slowest));
        result.put("launcher_max_heap", heapLimit);
        result.put("heap", heap == null ? Map.of("peak_heap", "not measurable (no jstat in this JDK)")
                : heap.result());
        result.put("per_authority", perAuthority);
        return result;
    }

    private static final List<String> SSDA903_FILES = List.of("header", "episodes", "reviews");

    /** Downloads one table of an authority's return; the rows under its heading and the bytes read. */
    private static long[] download(HttpClient http, LauncherProcess launcher, String token, String authority,
            int startYear, String file) throws Exception {
        HttpResponse<InputStream> answer = http.send(HttpRequest.newBuilder(URI.create(launcher.baseUrl()
                        + "/returns/" + authority + "/ssda903/download"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("year=" + startYear + "&file=" + file
                        + "&why=Benchmark+of+the+national+SSDA903+run")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (answer.statusCode() != 200) {
            answer.body().close();
            throw new IllegalStateException("The SSDA903 " + file + " table of " + authority + " was answered "
                    + answer.statusCode());
        }
        long lines = 0;
        long bytes = 0;
        try (BufferedReader body = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = body.readLine()) != null) {
                lines++;
                bytes += line.length() + 2;
            }
        }
        // the heading is not a row
        return new long[] {Math.max(0, lines - 1), bytes};
    }
}
