package org.oversight.query.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.query.access.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each authority's figures for a period, as recorded now, kept between requests: the report across every
 * authority reads 29 small rows per authority instead of every fact of 150 authorities.
 *
 * <p>One definition per figure: a kept figure is the counts of {@link ReportQueries#ofAuthority}, the same code the
 * report uses fact by fact, worked out inside one repeatable-read snapshot of the report's tables and kept with
 * that snapshot. It is used only while every change to what the authority's figures read (the triggers of the
 * migration record each changing transaction in {@code report_authority_change}) is visible in that snapshot;
 * otherwise it is worked out again, fact by fact, and kept anew. A kept figure is "as the record stands", every
 * recorded fact counted: it cannot answer "as recorded at" an earlier moment, for which the report works every
 * authority out fact by fact ({@link ReportQueries#byAuthority}).
 */
@Component
public class AuthorityTotals {

    /** Every fact and working hours recorded, whenever: a kept figure is the record as it stands. */
    static final Instant AS_IT_STANDS = Instant.parse("9999-12-31T00:00:00Z");

    /** Every authority at once: what all of them read (a chair's working hours) changed. */
    private static final String EVERY_AUTHORITY = "*";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(AuthorityTotals.class);

    private final JdbcClient jdbc;
    private final ReportQueries queries;
    private final TransactionTemplate snapshot;
    private final TransactionTemplate keep;

    public AuthorityTotals(JdbcClient jdbc, ReportQueries queries, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.queries = queries;
        snapshot = new TransactionTemplate(transactions);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        keep = new TransactionTemplate(transactions);
    }

    /** What {@link #byAuthority} answered with: the figures, and the authorities worked out again fact by fact. */
    public record Totals(Map<String, List<FigureResult>> byAuthority, List<String> workedOut) {
    }

    /** Each figure of the period, authority by authority, as the record stands now. */
    public Totals byAuthority(ReportPeriod period, Scope scope) {
        Map<String, List<FigureResult>> kept = kept(period, scope.authorities());
        Map<String, List<FigureResult>> results = new LinkedHashMap<>();
        List<WorkedOut> workedOut = new ArrayList<>();
        for (String authority : scope.authorities()) {
            List<FigureResult> figures = kept.get(authority);
            if (figures == null) {
                WorkedOut worked = workOut(period, scope, authority);
                workedOut.add(worked);
                figures = worked.figures();
            }
            results.put(authority, figures);
        }
        if (!workedOut.isEmpty()) {
            try {
                keep(period, workedOut);
            } catch (DataAccessException | TransactionException e) {
                // the figures shown are right whether or not they are kept (a read-only database, a lost
                // connection); unkept, they are worked out again on the next read
                LOG.warn("The IRO report's totals for {} were not kept ({})", period.key(),
                        e.getClass().getSimpleName());
            }
        }
        return new Totals(results, workedOut.stream().map(WorkedOut::authority).toList());
    }

    /**
     * The report of a reader whose figures cover one authority, as the record stands at {@code now}: each figure,
     * and the same figure for the period before, from the kept totals; the corrections since the period closed as
     * {@link ReportQueries#report} reads them. Its lines hold counts only, which is all the report's page, its
     * downloads and its PDF show.
     */
    public Report report(ReportPeriod period, Scope scope, Instant now) {
        if (scope.authorities().size() != 1) {
            throw new IllegalArgumentException("The kept totals make the report of one authority only");
        }
        String authority = scope.authorities().get(0);
        List<FigureResult> current = byAuthority(period, scope).byAuthority().get(authority);
        List<FigureResult> previous = byAuthority(period.previous(), scope).byAuthority().get(authority);
        List<Report.Line> lines = new ArrayList<>();
        for (int i = 0; i < current.size(); i++) {
            lines.add(new Report.Line(current.get(i), previous.get(i)));
        }
        return new Report(period, now, lines, queries.correctionsSince(period, ReportQueries.Filter.of(scope), now));
    }

    private record WorkedOut(String authority, String snapshot, List<FigureResult> figures) {
    }

    /**
     * One authority's figures and the snapshot they were worked out from: the snapshot is the first thing the
     * repeatable-read transaction asks for, so every fact read after it is read as of it.
     */
    private WorkedOut workOut(ReportPeriod period, Scope scope, String authority) {
        return snapshot.execute(status -> {
            String from = jdbc.sql("SELECT CAST(pg_current_snapshot() AS text)").query(String.class).single();
            return new WorkedOut(authority, from, queries.ofAuthority(period, scope, authority, AS_IT_STANDS));
        });
    }

    /**
     * The kept figures of the authorities whose every change since is visible in the snapshot they were worked out
     * from, read in one statement so that the check and the rows agree.
     */
    private Map<String, List<FigureResult>> kept(ReportPeriod period, List<String> authorities) {
        Map<String, Map<String, FigureResult>> found = new HashMap<>();
        jdbc.sql("""
                SELECT f.local_authority, f.figure_id, f.counted, f.not_counted, f.rated, CAST(f.breakdown AS text),
                       f.full_time_equivalents
                  FROM report_authority_period p
                  JOIN report_authority_figure f
                    ON f.local_authority = p.local_authority AND f.period_key = p.period_key
                 WHERE p.period_key = :period AND p.local_authority = ANY (CAST(:authorities AS text[]))
                   AND NOT EXISTS (SELECT 1 FROM report_authority_change c
                                    WHERE c.local_authority IN (p.local_authority, :every)
                                      AND c.changed_by >= pg_snapshot_xmin(p.worked_out_from)
                                      AND NOT pg_visible_in_snapshot(c.changed_by, p.worked_out_from))
                """).param("period", period.key()).param("authorities", authorities.toArray(String[]::new))
                .param("every", EVERY_AUTHORITY)
                .query((rs, i) -> {
                    Figure figure = Figures.byId(rs.getString(2)).orElse(null);
                    if (figure != null) {
                        found.computeIfAbsent(rs.getString(1), a -> new HashMap<>()).put(figure.id(),
                                new FigureResult(figure, period, ReportQueries.placeholders(rs.getInt(3)),
                                        ReportQueries.placeholders(rs.getInt(4)),
                                        ReportQueries.placeholders(rs.getInt(5)), breakdown(rs.getString(6)),
                                        rs.getBigDecimal(7)));
                    }
                    return 0;
                }).list();
        Map<String, List<FigureResult>> kept = new HashMap<>();
        found.forEach((authority, byId) -> {
            // a figure added since they were kept means working the authority out again
            if (Figures.all().stream().allMatch(f -> byId.containsKey(f.id()))) {
                kept.put(authority, Figures.all().stream().map(f -> byId.get(f.id())).toList());
            }
        });
        return kept;
    }

    /**
     * Keeps the figures worked out, each authority's with its snapshot in one transaction, then prunes the changes
     * every kept snapshot has seen. A change older than an hour cannot be unseen by a snapshot still being worked
     * out from (one authority takes well under a second), so only those are pruned.
     */
    private void keep(ReportPeriod period, List<WorkedOut> workedOut) {
        keep.executeWithoutResult(status -> {
            for (WorkedOut worked : workedOut) {
                jdbc.sql("""
                        INSERT INTO report_authority_period (local_authority, period_key, worked_out_from,
                                                             worked_out_at)
                        VALUES (:authority, :period, CAST(:from AS pg_snapshot), now())
                        ON CONFLICT (local_authority, period_key) DO UPDATE
                           SET worked_out_from = EXCLUDED.worked_out_from, worked_out_at = EXCLUDED.worked_out_at
                        """).param("authority", worked.authority()).param("period", period.key())
                        .param("from", worked.snapshot()).update();
                jdbc.sql("""
                        DELETE FROM report_authority_figure WHERE local_authority = :authority AND period_key = :period
                        """)
                        .param("authority", worked.authority()).param("period", period.key()).update();
                List<FigureResult> figures = worked.figures();
                jdbc.sql("""
                        INSERT INTO report_authority_figure (local_authority, period_key, figure_id, counted,
                                                             not_counted, rated, breakdown, full_time_equivalents)
                        SELECT :authority, :period, figure_id, counted, not_counted, rated, CAST(breakdown AS jsonb),
                               full_time_equivalents
                          FROM unnest(CAST(:ids AS text[]), CAST(:counted AS bigint[]), CAST(:notCounted AS bigint[]),
                                      CAST(:rated AS bigint[]), CAST(:breakdowns AS text[]),
                                      CAST(CAST(:equivalents AS text[]) AS numeric[]))
                               AS f (figure_id, counted, not_counted, rated, breakdown, full_time_equivalents)
                        """).param("authority", worked.authority()).param("period", period.key())
                        .param("ids", figures.stream().map(r -> r.figure().id()).toArray(String[]::new))
                        .param("counted", figures.stream().map(r -> (long) r.counted().size()).toArray(Long[]::new))
                        .param("notCounted", figures.stream().map(r -> (long) r.notCounted().size())
                                .toArray(Long[]::new))
                        .param("rated", figures.stream().map(r -> (long) r.rated().size()).toArray(Long[]::new))
                        .param("breakdowns", figures.stream().map(r -> json(r.breakdown())).toArray(String[]::new))
                        .param("equivalents", figures.stream().map(FigureResult::fullTimeEquivalents)
                                .map(e -> e == null ? null : e.toPlainString()).toArray(String[]::new))
                        .update();
            }
            jdbc.sql("""
                    DELETE FROM report_authority_change
                     WHERE changed_at < now() - INTERVAL '1 hour'
                       AND changed_by < (SELECT min(pg_snapshot_xmin(worked_out_from)) FROM report_authority_period)
                    """).update();
        });
    }

    private static String json(Map<String, Long> breakdown) {
        ArrayNode pairs = JSON.createArrayNode();
        breakdown.forEach((category, count) -> pairs.addArray().add(category).add(count));
        try {
            return JSON.writeValueAsString(pairs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> breakdown(String json) {
        Map<String, Long> breakdown = new LinkedHashMap<>();
        try {
            for (JsonNode pair : JSON.readTree(json)) {
                breakdown.put(pair.get(0).asText(), pair.get(1).asLong());
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return breakdown;
    }
}
