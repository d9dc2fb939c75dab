package org.oversight.query.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oversight.query.access.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Works the report's figures out of its own facts: one indexed read of the facts of the reader's authorities
 * around the period, then every figure counted in memory, so a year for one authority is one query.
 *
 * <p>"As recorded at" a moment: only facts recorded by then, with what a later correction changed put back as it
 * was recorded before it.
 */
@Component
public class ReportQueries {

    /**
     * How far back a report reads before its period, besides what is still open: far enough for the previous
     * review of any interval shorter than a year (the second plan within 2 years is worked out when applied).
     */
    private static final int YEARS_BEFORE = 1;

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;

    public ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Who is looking and at what: the authorities, and optionally one team or one chair of them. */
    public record Filter(Scope scope, String team, String chair) {

        static Filter of(Scope scope) {
            return new Filter(scope, null, null);
        }

        boolean keeps(Fact fact) {
            return (team == null || team.equals(fact.team())) && (chair == null || chair.equals(fact.chairId()));
        }
    }

    /** A correction recorded after a moment. */
    public record Correction(String factId, String childId, String what, String recordedAs, String correctedTo,
            Instant recordedAt) {
    }

    /** The child a drill-down names, and whom their record is restricted to. */
    public record ReportChild(String childId, String givenName, String familyName, List<String> restrictedTo) {

        public boolean visibleTo(String reader) {
            return restrictedTo == null || restrictedTo.contains(reader);
        }

        public String name() {
            return org.oversight.query.web.ChildNames.of(givenName, familyName);
        }
    }

    /** Every figure for the period, each with the same figure for the period before. */
    public Report report(ReportPeriod period, Filter filter, Instant recordedBy) {
        Window current = window(period, filter, recordedBy);
        Window previous = window(period.previous(), filter, recordedBy);
        List<Report.Line> lines = new ArrayList<>();
        for (Figure figure : Figures.all()) {
            lines.add(new Report.Line(compute(figure, current), compute(figure, previous)));
        }
        return new Report(period, recordedBy, lines, correctionsSince(period, filter, recordedBy));
    }

    /** One figure for the period. */
    public FigureResult figure(Figure figure, ReportPeriod period, Filter filter, Instant recordedBy) {
        return compute(figure, window(period, filter, recordedBy));
    }

    /**
     * Each figure of the period, authority by authority: aggregates for readers of several authorities. One
     * authority's facts are read and counted at a time, so a national reader never holds every authority's facts
     * at once; only the counts are kept.
     */
    public Map<String, List<FigureResult>> byAuthority(ReportPeriod period, Scope scope, Instant recordedBy) {
        Map<String, List<FigureResult>> results = new LinkedHashMap<>();
        for (String authority : scope.authorities()) {
            results.put(authority, ofAuthority(period, scope, authority, recordedBy));
        }
        return results;
    }

    /** Each figure of the period for one authority of the scope, worked out fact by fact, as counts only. */
    List<FigureResult> ofAuthority(ReportPeriod period, Scope scope, String authority, Instant recordedBy) {
        List<Fact> facts = facts(period, Filter.of(scope.within(authority)), recordedBy);
        Window window = new Window(period, facts, fullTimeEquivalents(facts, period, recordedBy));
        return Figures.all().stream().map(figure -> counts(compute(figure, window))).toList();
    }

    /** The figure's counts without the facts behind them. */
    private static FigureResult counts(FigureResult result) {
        return new FigureResult(result.figure(), result.period(), placeholders(result.counted().size()),
                placeholders(result.notCounted().size()), placeholders(result.rated().size()), result.breakdown(),
                result.fullTimeEquivalents());
    }

    static List<Fact> placeholders(int size) {
        return java.util.Collections.nCopies(size, null);
    }

    /** The children a drill-down names, by id. */
    public Map<String, ReportChild> children(Set<String> childIds) {
        if (childIds.isEmpty()) {
            return Map.of();
        }
        Map<String, ReportChild> children = new HashMap<>();
        jdbc.sql("""
                SELECT child_id, given_name, family_name, restricted_to FROM report_child
                 WHERE child_id = ANY (CAST(:ids AS text[]))
                """).param("ids", childIds.toArray(String[]::new))
                .query((rs, i) -> {
                    java.sql.Array named = rs.getArray(4);
                    return new ReportChild(rs.getString(1), rs.getString(2), rs.getString(3),
                            named == null ? null : List.of((String[]) named.getArray()));
                })
                .list().forEach(c -> children.put(c.childId(), c));
        return children;
    }

    static FigureResult compute(Figure figure, Window window) {
        List<Fact> population = figure.population().apply(window).sorted(Comparator.comparing(Fact::happenedOn)
                .thenComparing(Fact::factId)).toList();
        List<Fact> counted = new ArrayList<>();
        List<Fact> notCounted = new ArrayList<>();
        Set<String> countedChildren = new LinkedHashSet<>();
        for (Fact fact : population) {
            boolean in = figure.counted() == null || figure.counted().test(fact, window);
            if (figure.children()) {
                if (in && countedChildren.add(fact.childId())) {
                    counted.add(fact);
                }
            } else {
                (in ? counted : notCounted).add(fact);
            }
        }
        if (figure.children() && figure.counted() != null) {
            Set<String> seen = new LinkedHashSet<>(countedChildren);
            for (Fact fact : population) {
                if (seen.add(fact.childId())) {
                    notCounted.add(fact);
                }
            }
        }
        Map<String, Long> breakdown = FigureResult.emptyBreakdown(figure.categories());
        if (figure.breakdown() != null) {
            for (Fact fact : figure.children() ? counted : population) {
                breakdown.merge(figure.breakdown().of(fact, window), 1L, Long::sum);
            }
        }
        List<Fact> rated = figure.rateOf() == null ? List.of()
                : figure.rateOf().apply(window).sorted(Comparator.comparing(Fact::happenedOn)).toList();
        java.math.BigDecimal fullTimeEquivalents = figure.unit() != Figure.Unit.PER_FTE ? null
                : counted.stream().map(Fact::chairId).filter(java.util.Objects::nonNull).distinct()
                        .map(window::fullTimeEquivalent).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
        return new FigureResult(figure, window.period(), counted, notCounted, rated, breakdown, fullTimeEquivalents);
    }

    private Window window(ReportPeriod period, Filter filter, Instant recordedBy) {
        List<Fact> facts = facts(period, filter, recordedBy);
        return new Window(period, facts, fullTimeEquivalents(facts, period, recordedBy));
    }

    /**
     * The full-time equivalent of each chair of the facts on the period's last day: the hours they work a week
     * out of a full-time week, as in force that day and as recorded by the moment.
     */
    private Map<String, java.math.BigDecimal> fullTimeEquivalents(List<Fact> facts, ReportPeriod period,
            Instant recordedBy) {
        String[] chairs = facts.stream().map(Fact::chairId).filter(java.util.Objects::nonNull).distinct()
                .toArray(String[]::new);
        Map<String, java.math.BigDecimal> equivalents = new HashMap<>();
        if (chairs.length == 0) {
            return equivalents;
        }
        jdbc.sql("""
                SELECT DISTINCT ON (username) username, weekly_hours, full_time_hours FROM report_working_hours
                 WHERE username = ANY (CAST(:chairs AS text[])) AND effective_from <= :last
                   AND recorded_at <= :recordedBy
                 ORDER BY username, effective_from DESC, recorded_at DESC
                """).param("chairs", chairs).param("last", period.lastDay())
                .param("recordedBy", Timestamp.from(recordedBy))
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getBigDecimal(2).divide(rs.getBigDecimal(3), 4,
                        java.math.RoundingMode.HALF_UP)))
                .list().forEach(e -> equivalents.put(e.getKey(), e.getValue()));
        return equivalents;
    }

    /**
     * The facts of the reader's authorities that can count in the period: those that happened in it or in the
     * years before it, and the plans, periods and actions still open when it began.
     */
    List<Fact> facts(ReportPeriod period, Filter filter, Instant recordedBy) {
        Scope scope = filter.scope();
        LocalDate from = period.firstDay().minusYears(YEARS_BEFORE);
        List<Fact> facts = jdbc.sql("""
                SELECT f.fact_id, f.kind, f.child_id, f.local_authority, f.chair_id, f.team, f.group_id,
                       f.happened_on, f.due_on, f.closed_on, f.code, f.latest_code, f.flag, f.ordinal,
                       f.previous_on, f.recorded_at, c.born_on, f.closed_recorded_at, f.view_code
                  FROM report_fact f LEFT JOIN report_child c ON c.child_id = f.child_id
                 WHERE %s
                    AND f.happened_on <= :last
                    AND (f.happened_on >= :from OR f.closed_on IS NULL OR f.closed_on >= :from)
                    AND f.recorded_at <= :recordedBy
                """.formatted(scope.authority("f.local_authority"))).params(scope.params()).param("last", period.lastDay()).param("from", from)
                .param("recordedBy", Timestamp.from(recordedBy))
                .query((rs, i) -> {
                    java.sql.Timestamp closedRecorded = rs.getTimestamp(18);
                    // an end, completion or cancellation recorded after the moment had not happened as recorded then
                    boolean closedSince = closedRecorded != null && closedRecorded.toInstant().isAfter(recordedBy);
                    FactKind kind = FactKind.valueOf(rs.getString(2));
                    String code = closedSince && kind == FactKind.CARE_PLAN_ACTION ? null : rs.getString(11);
                    return new Fact(rs.getString(1), kind, rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                            rs.getObject(9, LocalDate.class), closedSince ? null : rs.getObject(10, LocalDate.class),
                            code, rs.getString(12), (Boolean) rs.getObject(13), (Integer) rs.getObject(14),
                            rs.getObject(15, LocalDate.class), rs.getTimestamp(16).toInstant(),
                            rs.getObject(17, LocalDate.class), rs.getString(19));
                })
                .list();
        Map<String, Correction> undone = firstCorrectionsAfter(scope, recordedBy);
        List<Fact> kept = new ArrayList<>();
        for (Fact fact : facts) {
            if (!filter.keeps(fact)) {
                continue;
            }
            kept.add(asRecordedBefore(fact, undone));
        }
        return kept;
    }

    /** A fact as it stood before the corrections made after the moment the report is run as recorded at. */
    private static Fact asRecordedBefore(Fact fact, Map<String, Correction> undone) {
        Fact stood = fact;
        for (String what : List.of("REVIEW_DATE", "CONFERENCE_DATE")) {
            Correction correction = undone.get(fact.factId() + "|" + what);
            if (correction != null) {
                stood = stood.withHappenedOn(LocalDate.parse(correction.recordedAs()));
            }
        }
        for (String what : List.of("PARTICIPATION", "INITIAL_CATEGORY")) {
            Correction correction = undone.get(fact.factId() + "|" + what);
            if (correction != null) {
                stood = stood.withCode(correction.recordedAs());
            }
        }
        return stood;
    }

    /** For each fact and kind of correction, the first made after the moment: it holds what stood before. */
    private Map<String, Correction> firstCorrectionsAfter(Scope scope, Instant recordedBy) {
        Map<String, Correction> first = new HashMap<>();
        jdbc.sql("""
                SELECT r.fact_id, r.child_id, r.what, r.recorded_as, r.corrected_to, r.recorded_at
                  FROM report_correction r JOIN report_fact f ON f.fact_id = r.fact_id
                 WHERE r.recorded_at > :recordedBy AND %s
                 ORDER BY r.recorded_at
                """.formatted(scope.authority("f.local_authority"))).params(scope.params()).param("recordedBy", Timestamp.from(recordedBy))
                .query(ReportQueries::correction).list()
                .forEach(c -> first.putIfAbsent(c.factId() + "|" + c.what(), c));
        return first;
    }

    /**
     * The corrections recorded after the period closed (the end of its last day) and by the moment the report is
     * run as recorded at, to facts of the reader's authorities: what makes a closed period's figures differ from
     * those produced the day it closed.
     */
    List<Correction> correctionsSince(ReportPeriod period, Filter filter, Instant recordedBy) {
        Instant closed = period.lastDay().plusDays(1).atStartOfDay(LONDON).toInstant();
        Scope scope = filter.scope();
        return jdbc.sql("""
                SELECT r.fact_id, r.child_id, r.what, r.recorded_as, r.corrected_to, r.recorded_at
                  FROM report_correction r JOIN report_fact f ON f.fact_id = r.fact_id
                 WHERE r.recorded_at > :closed AND r.recorded_at <= :recordedBy
                   AND %s
                 ORDER BY r.recorded_at
                """.formatted(scope.authority("f.local_authority"))).params(scope.params()).param("closed", Timestamp.from(closed))
                .param("recordedBy", Timestamp.from(recordedBy))
                .query(ReportQueries::correction).list();
    }

    private static Correction correction(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Correction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant());
    }
}
