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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The national run of the CIN census child protection module, as a QA lead of every authority would make it: one
 * request, the archive read as it streams (an entry per authority), timed to the first byte and to the end, with
 * the children counted as they pass. Progress is printed per authority.
 */
final class NationalReturns {

    private static final String QA = "bench.qa.lead";
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private NationalReturns() {
    }

    static Map<String, Object> measure(JdbcTemplate jdbc, LauncherProcess launcher, LocalDate today, String password)
            throws Exception {
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
        return result;
    }
}
