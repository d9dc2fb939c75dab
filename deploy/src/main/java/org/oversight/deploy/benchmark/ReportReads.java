package org.oversight.deploy.benchmark;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.oversight.query.report.ReportPeriod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The IRO report at size: the last whole financial year's report for the authority with the most facts, as its QA
 * lead reads the page, and the same year's figures for every authority, as a national viewer reads them. Each is
 * asked fewer times than the other reads: the targets are a second and ten seconds, not milliseconds.
 */
final class ReportReads {

    private static final String QA = "bench.report.qa";
    private static final String NATIONAL = "bench.report.national";
    private static final int MOST_ITERATIONS = 20;

    static final String ONE_AUTHORITY = "iro_report_one_authority";
    static final String ALL_AUTHORITIES = "iro_report_all_authorities";
    static final String FACT_BY_FACT = "iro_report_all_authorities_fact_by_fact";
    private static final List<String> READS = List.of(ONE_AUTHORITY, ALL_AUTHORITIES, FACT_BY_FACT);

    private ReportReads() {
    }

    /** The reads of the report that {@code asks} names; a read not asked is answered as {@code asked: false}. */
    static Map<String, Object> measure(JdbcTemplate jdbc, LauncherProcess launcher, int iterations,
            String password, Predicate<String> asks) {
        Map<String, Object> reads = new LinkedHashMap<>();
        if (READS.stream().noneMatch(asks)) {
            // nothing to set up: no reader made, no report read
            READS.forEach(read -> reads.put(read, notAsked()));
            return reads;
        }
        String authority = jdbc.queryForObject("""
                SELECT local_authority FROM report_fact GROUP BY local_authority ORDER BY count(*) DESC,
                       local_authority LIMIT 1
                """, String.class);
        Long facts = jdbc.queryForObject("SELECT count(*) FROM report_fact WHERE local_authority = ?", Long.class,
                authority);
        // exactly that authority: one kept from an earlier run on the same data (the authority with the most
        // facts can change as commands add them) would make this the report of two, worked out fact by fact
        QaReaders.ofAuthorities(jdbc, QA, List.of(authority));
        Integer readerAuthorities = jdbc.queryForObject("SELECT count(*) FROM person_authority WHERE username = ?",
                Integer.class, QA);
        person(jdbc, NATIONAL, "REGIONAL_VIEWER");
        jdbc.update("""
                INSERT INTO person_authority (username, local_authority) SELECT ?, code FROM local_authority
                ON CONFLICT DO NOTHING
                """, NATIONAL);
        String year = ReportPeriod.yearOf(LocalDate.now(ZoneId.of("Europe/London"))).previous().key();
        SessionClient qa = SessionClient.signedIn(launcher.baseUrl(), QA, password);
        SessionClient national = SessionClient.signedIn(launcher.baseUrl(), NATIONAL, password);
        int times = Math.min(iterations, MOST_ITERATIONS);
        if (asks.test(ONE_AUTHORITY)) {
            Map<String, Object> one = timed(() -> qa.get("/report?period=" + year), times);
            one.put("authority_facts", facts);
            one.put("reader_authorities", readerAuthorities);
            reads.put(ONE_AUTHORITY, one);
        } else {
            reads.put(ONE_AUTHORITY, notAsked());
        }
        // the first read works every authority out fact by fact and keeps the totals; it is timed on its own
        reads.put(ALL_AUTHORITIES, asks.test(ALL_AUTHORITIES)
                ? timed(() -> national.get("/report/authorities?period=" + year), times) : notAsked());
        // side by side in the same run: every authority worked out fact by fact on each request, as a report "as
        // recorded at" a moment is (the current moment, so that the figures are the same)
        String moment = java.net.URLEncoder.encode(java.time.LocalDateTime.now(ZoneId.of("Europe/London"))
                .withNano(0).toString(), java.nio.charset.StandardCharsets.UTF_8);
        reads.put(FACT_BY_FACT, asks.test(FACT_BY_FACT) ? timed(() -> national.get("/report/authorities?period="
                + year + "&recordedAt=" + moment), times) : notAsked());
        return reads;
    }

    /** The outcome of a read the run was told not to ask ({@code --reads}): its target is then not measured. */
    static Map<String, Object> notAsked() {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("asked", false);
        return outcome;
    }

    /** A person of the benchmark, signing in with the demo chair's password. */
    private static void person(JdbcTemplate jdbc, String username, String role) {
        jdbc.update("""
                INSERT INTO app_user (username, display_name, password_hash, roles, chair_roles)
                SELECT ?, 'Benchmark reader', password_hash, ?, '' FROM app_user WHERE username = 'chair.brown'
                ON CONFLICT (username) DO NOTHING
                """, username, role);
    }

    private static Map<String, Object> timed(Supplier<HttpResponse<String>> request, int times) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        HttpResponse<String> probe;
        long first = System.nanoTime();
        try {
            probe = request.get();
            outcome.put("first_request_ms", Timings.round((System.nanoTime() - first) / 1e6));
        } catch (IllegalStateException e) {
            // a report that does not answer within the client's time is a measurement too, not the end of the run
            if (!(e.getCause() instanceof java.net.http.HttpTimeoutException)) {
                throw e;
            }
            outcome.put("available", false);
            outcome.put("status", "none: no answer within the client's 60 s");
            return outcome;
        }
        outcome.put("path", probe.uri().getPath());
        if (probe.statusCode() != 200) {
            outcome.put("available", false);
            outcome.put("status", probe.statusCode());
            return outcome;
        }
        SessionClient.answered(request);
        Timings timings = new Timings();
        int unanswered = 0;
        for (int i = 0; i < times; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = SessionClient.answered(request);
            // a request the client gave up on counts as the time it waited: a lower bound, said below
            timings.add(System.nanoTime() - started);
            if (response == null) {
                unanswered++;
            } else if (response.statusCode() != 200) {
                throw new IllegalStateException(probe.uri().getPath() + " answered " + response.statusCode());
            }
        }
        if (unanswered > 0) {
            outcome.put("unanswered_within_60_s", unanswered + " (each counted as the 60 s waited: a lower bound)");
        }
        outcome.put("available", true);
        outcome.put("response_bytes", probe.body().length());
        outcome.putAll(timings.summary());
        return outcome;
    }
}
