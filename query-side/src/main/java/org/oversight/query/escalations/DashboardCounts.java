package org.oversight.query.escalations;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.query.escalations.Dashboard.Cell;
import org.oversight.query.escalations.Dashboard.Column;
import org.oversight.query.escalations.Dashboard.Row;
import org.oversight.query.escalations.Dashboard.Table;

/**
 * Counts a population of escalations into the {@link Dashboard}. Every count is the number of escalations its
 * drill-down criteria match, so the list behind a number always has that many rows.
 *
 * <p>Everything is counted over the escalations the filters let through: "raised between" chooses which
 * escalations, and the trend then shows when those were raised and when they were resolved.
 */
public final class DashboardCounts {

    /** Quarters shown in the trend when no "raised from" date is given, at least. */
    private static final int RECENT_QUARTERS = 4;
    /** The trend never shows more quarters than this, the latest ones. */
    private static final int MOST_QUARTERS = 40;

    /**
     * What the tables are counted from: how many escalations the filters let through meet criteria (always the
     * filters with some more), and which levels, categories, teams, chairs and quarters they have.
     */
    interface Tally {

        long count(EscalationCriteria criteria);

        /** The median working days from raised to resolved of those meeting the criteria; {@code null} if none. */
        Double median(EscalationCriteria resolved);

        /** The levels they are at or closed at (not the informal alert), in any order. */
        List<String> levelsFound();

        List<String> categoriesFound();

        /** The teams of the chairs who raised them, alphabetically. */
        List<String> teamsFound();

        boolean anyWithoutTeam();

        /** The chairs who raised them, username to name, by name and then username. */
        Map<String, String> chairsFound();

        Optional<FinancialQuarter> earliestRaisedQuarter();

        Optional<FinancialQuarter> latestResolvedQuarter();
    }

    private final Tally tally;
    private final EscalationCriteria filters;
    private final EscalationPolicy vocabulary;

    private DashboardCounts(Tally tally, EscalationCriteria filters, EscalationPolicy vocabulary) {
        this.filters = filters.filtersOnly();
        this.tally = tally;
        this.vocabulary = vocabulary;
    }

    /**
     * Counts a population of escalations in memory: the reference the counts in PostgreSQL
     * ({@link DashboardTally}) are tested against.
     *
     * @param population escalations assessed as at {@code today}; those the filters do not let through are left out
     * @param levels     the levels to list, lowest first; levels found in the population are added after them
     * @param categories the concern categories in form order; only those with escalations are listed
     */
    public static Dashboard count(List<AssessedEscalation> population, EscalationCriteria filters,
            List<String> levels, List<String> categories, EscalationPolicy vocabulary, LocalDate today) {
        EscalationCriteria only = filters.filtersOnly();
        return count(new InMemory(population.stream().filter(only::matches).toList()), only, levels, categories,
                vocabulary, today);
    }

    /** As {@link #count(List, EscalationCriteria, List, List, EscalationPolicy, LocalDate)}, from a tally. */
    static Dashboard count(Tally tally, EscalationCriteria filters, List<String> levels, List<String> categories,
            EscalationPolicy vocabulary, LocalDate today) {
        DashboardCounts counts = new DashboardCounts(tally, filters, vocabulary);
        return new Dashboard(today, counts.filters.query(), counts.headline(), List.of(
                counts.byLevel(levels), counts.byAge(), counts.byCategory(categories), counts.byTeam(),
                counts.byChair(), counts.timeToResolution(levels), counts.outcomes(), counts.cafcass(),
                counts.byQuarter(today)));
    }

    private Dashboard.Headline headline() {
        return new Dashboard.Headline(count(filters), count(Criterion.STATUS, "open"), count(Criterion.OVERDUE, "true"),
                count(Criterion.PAST_TARGET, "true"), count(Criterion.STATUS, "resolved"),
                count(Criterion.STATUS, "withdrawn"), count(Criterion.CAFCASS, "true"),
                Cell.workingDays(median(filters.with(Criterion.STATUS, "resolved"))),
                withinTargetShare(filters));
    }

    private Table byLevel(List<String> levels) {
        List<Row> rows = new ArrayList<>();
        for (String level : levelsShown(levels)) {
            EscalationCriteria at = filters.with(Criterion.LEVEL, level);
            rows.add(row(level, vocabulary.title(level),
                    "open", count(at.with(Criterion.STATUS, "open")),
                    "overdue", count(at.with(Criterion.OVERDUE, "true")),
                    "resolved", count(at.with(Criterion.STATUS, "resolved"))));
        }
        return new Table("by-level", "Escalations by level", "Level",
                List.of(new Column("open", "Open, at this level"),
                        new Column("overdue", "Open with an overdue response"),
                        new Column("resolved", "Resolved at this level")),
                rows, "An escalation counts at the level it is at now, or was at when it closed. A response is "
                        + "overdue once the level's response time has passed since the escalation reached it "
                        + "with no response accepted.");
    }

    private Table byAge() {
        List<Row> rows = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            rows.add(row(band.key(), band.title(), "open",
                    count(filters.with(Criterion.STATUS, "open").with(Criterion.AGE, band.key()))));
        }
        return new Table("by-age", "Open escalations by age", "Open for",
                List.of(new Column("open", "Open escalations")), rows,
                "Age is counted in working days after the day the escalation was raised, up to today.");
    }

    private Table byCategory(List<String> categories) {
        List<String> shown = ordered(categories, tally.categoriesFound().stream(), false);
        return breakdown("by-category", "Escalations by concern category", "Concern category", shown,
                vocabulary::title, Criterion.CATEGORY, false);
    }

    private Table byTeam() {
        List<String> teams = tally.teamsFound();
        return breakdown("by-team", "Escalations by team", "Team of the chair who raised it", teams,
                Function.identity(), Criterion.TEAM, true);
    }

    private Table byChair() {
        Map<String, String> names = tally.chairsFound();
        return breakdown("by-chair", "Escalations by chair", "Chair who raised it", List.copyOf(names.keySet()),
                names::get, Criterion.CHAIR, true);
    }

    private Table breakdown(String id, String caption, String rowHeading, List<String> keys,
            Function<String, String> label, Criterion criterion, boolean withOverdue) {
        List<Row> rows = new ArrayList<>();
        for (String key : keys) {
            EscalationCriteria of = filters.with(criterion, key);
            Map<String, Cell> cells = new LinkedHashMap<>();
            cells.put("raised", count(of));
            cells.put("open", count(of.with(Criterion.STATUS, "open")));
            if (withOverdue) {
                cells.put("overdue", count(of.with(Criterion.OVERDUE, "true")));
            }
            cells.put("resolved", count(of.with(Criterion.STATUS, "resolved")));
            cells.put("withdrawn", count(of.with(Criterion.STATUS, "withdrawn")));
            rows.add(new Row(key, label.apply(key), cells));
        }
        List<Column> columns = new ArrayList<>(List.of(new Column("raised", "Raised"), new Column("open", "Open")));
        if (withOverdue) {
            columns.add(new Column("overdue", "Open with an overdue response"));
        }
        columns.addAll(List.of(new Column("resolved", "Resolved"), new Column("withdrawn", "Withdrawn")));
        String note = id.equals("by-team") && tally.anyWithoutTeam()
                ? "Escalations raised by chairs with no team recorded are not in this table." : null;
        return new Table(id, caption, rowHeading, columns, rows, note);
    }

    private Table timeToResolution(List<String> levels) {
        List<Row> rows = new ArrayList<>();
        rows.add(resolutionRow("ALL", "All levels", filters));
        for (String level : levelsShown(levels)) {
            rows.add(resolutionRow(level, vocabulary.title(level), filters.with(Criterion.LEVEL, level)));
        }
        return new Table("time-to-resolution", "Time to resolution", "Resolved at",
                List.of(new Column("resolved", "Resolved"),
                        new Column("median", "Median working days from raised to resolved"),
                        new Column("formal", "Formal escalations resolved"),
                        new Column("withinTarget", "Resolved within 20 working days of becoming formal"),
                        new Column("share", "Share within 20 working days")),
                rows, "The IRO Handbook (§6.2) expects the whole formal process to take no more than 20 working "
                        + "days. Informal alerts resolved without becoming formal are not part of that share.");
    }

    private Row resolutionRow(String key, String label, EscalationCriteria at) {
        EscalationCriteria resolved = at.with(Criterion.STATUS, "resolved");
        return row(key, label,
                "resolved", count(resolved),
                "median", Cell.workingDays(median(resolved)),
                "formal", count(resolved.with(Criterion.FORMAL, "true")),
                "withinTarget", count(at.with(Criterion.WITHIN_TARGET, "true")),
                "share", withinTargetShare(at));
    }

    private Table outcomes() {
        long closed = tally.count(filters.with(Criterion.STATUS, "closed"));
        List<Row> rows = new ArrayList<>();
        for (String[] outcome : new String[][] {
                {"in-childs-interest", "Resolved in the child's interest"},
                {"not-in-childs-interest", "Resolved, not in the child's interest"},
                {"withdrawn", "Withdrawn"}}) {
            EscalationCriteria of = filters.with(Criterion.OUTCOME, outcome[0]);
            rows.add(row(outcome[0], outcome[1], "escalations", count(of),
                    "share", Cell.share(tally.count(of), closed, null)));
        }
        return new Table("outcomes", "Outcomes of closed escalations", "Outcome",
                List.of(new Column("escalations", "Escalations"), new Column("share", "Share of those closed")),
                rows, "Whether a resolution is in the child's interest is the chair's judgement, recorded when it "
                        + "is resolved.");
    }

    private Table cafcass() {
        EscalationCriteria referred = filters.with(Criterion.CAFCASS, "true");
        return new Table("cafcass", "Referrals to Cafcass", "Referred to Cafcass",
                List.of(new Column("escalations", "Escalations")),
                List.of(row("all", "All referred", "escalations", count(referred)),
                        row("open", "Escalation still open", "escalations",
                                count(referred.with(Criterion.STATUS, "open"))),
                        row("resolved", "Escalation since resolved", "escalations",
                                count(referred.with(Criterion.STATUS, "resolved"))),
                        row("withdrawn", "Escalation since withdrawn", "escalations",
                                count(referred.with(Criterion.STATUS, "withdrawn")))),
                "A referral to Cafcass may be made at any point and does not end the escalation.");
    }

    private Table byQuarter(LocalDate today) {
        LocalDate to = filters.raisedTo() == null ? today : filters.raisedTo();
        FinancialQuarter last = Stream.concat(Stream.of(FinancialQuarter.of(to)),
                tally.latestResolvedQuarter().stream())
                .max(Comparator.naturalOrder()).orElseThrow();
        FinancialQuarter first = filters.raisedFrom() != null ? FinancialQuarter.of(filters.raisedFrom())
                : Stream.concat(Stream.of(quartersBefore(last, RECENT_QUARTERS - 1)),
                        tally.earliestRaisedQuarter().stream())
                        .min(Comparator.naturalOrder()).orElseThrow();
        first = first.compareTo(quartersBefore(last, MOST_QUARTERS - 1)) < 0 ? quartersBefore(last, MOST_QUARTERS - 1)
                : first;
        List<Row> rows = new ArrayList<>();
        for (FinancialQuarter q = first; q.compareTo(last) <= 0; q = q.next()) {
            rows.add(row(q.key(), q.title(),
                    "raised", count(filters.with(Criterion.RAISED_QUARTER, q.key())),
                    "resolved", count(filters.with(Criterion.RESOLVED_QUARTER, q.key()))));
        }
        return new Table("by-quarter", "Raised and resolved by financial quarter", "Quarter",
                List.of(new Column("raised", "Raised"), new Column("resolved", "Resolved")), rows,
                "Quarters of England's financial year: Q1 is April to June, Q4 is January to March.");
    }

    private static FinancialQuarter quartersBefore(FinancialQuarter quarter, int count) {
        FinancialQuarter q = quarter;
        for (int i = 0; i < count; i++) {
            q = q.previous();
        }
        return q;
    }

    /** The informal alert, the levels given, then any other level the population is at. */
    private List<String> levelsShown(List<String> levels) {
        List<String> shown = new ArrayList<>();
        shown.add(EscalationPolicy.INFORMAL);
        shown.addAll(ordered(levels, tally.levelsFound().stream(), true));
        return List.copyOf(new LinkedHashSet<>(shown));
    }

    /**
     * The codes in {@code known} order (those not found too, when {@code keepAbsent}), then the other codes found,
     * alphabetically: a code recorded but not in the vocabulary is still counted.
     */
    private static List<String> ordered(List<String> known, Stream<String> found, boolean keepAbsent) {
        Set<String> present = new TreeSet<>(found.toList());
        List<String> ordered = new ArrayList<>(known.stream().filter(c -> keepAbsent || present.contains(c)).toList());
        present.stream().filter(code -> !known.contains(code)).forEach(ordered::add);
        return ordered;
    }

    private Cell count(EscalationCriteria criteria) {
        return Cell.count(tally.count(criteria), criteria.query());
    }

    private Cell count(Criterion criterion, String value) {
        return count(filters.with(criterion, value));
    }

    private Cell withinTargetShare(EscalationCriteria at) {
        EscalationCriteria formal = at.with(Criterion.STATUS, "resolved").with(Criterion.FORMAL, "true");
        EscalationCriteria within = at.with(Criterion.WITHIN_TARGET, "true");
        return Cell.share(tally.count(within), tally.count(formal), within.query());
    }

    private Double median(EscalationCriteria resolved) {
        return tally.median(resolved);
    }

    private static Row row(String key, String label, Object... columnsAndCells) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndCells.length; i += 2) {
            cells.put((String) columnsAndCells[i], (Cell) columnsAndCells[i + 1]);
        }
        return new Row(key, label, cells);
    }

    /** A tally of escalations held in memory, each tested against the criteria as the lists test them. */
    private record InMemory(List<AssessedEscalation> population) implements Tally {

        private Stream<AssessedEscalation> matching(EscalationCriteria criteria) {
            return population.stream().filter(criteria::matches);
        }

        @Override
        public long count(EscalationCriteria criteria) {
            return matching(criteria).count();
        }

        @Override
        public Double median(EscalationCriteria resolved) {
            List<Integer> days = matching(resolved).map(e -> e.timeliness().workingDaysToResolution())
                    .filter(Objects::nonNull).sorted().toList();
            if (days.isEmpty()) {
                return null;
            }
            int middle = days.size() / 2;
            return days.size() % 2 == 1 ? days.get(middle) : (days.get(middle - 1) + days.get(middle)) / 2.0;
        }

        @Override
        public List<String> levelsFound() {
            return population.stream().map(e -> e.progress().level()).filter(Objects::nonNull).distinct().toList();
        }

        @Override
        public List<String> categoriesFound() {
            return population.stream().map(e -> e.escalation().concernCategory()).distinct().toList();
        }

        @Override
        public List<String> teamsFound() {
            return population.stream().map(e -> e.escalation().team()).filter(Objects::nonNull).distinct().sorted()
                    .toList();
        }

        @Override
        public boolean anyWithoutTeam() {
            return population.stream().anyMatch(e -> e.escalation().team() == null);
        }

        @Override
        public Map<String, String> chairsFound() {
            Map<String, String> names = new LinkedHashMap<>();
            population.stream().map(AssessedEscalation::escalation)
                    .sorted(Comparator.comparing(EscalationSummary::raisedByName)
                            .thenComparing(EscalationSummary::raisedBy))
                    .forEach(e -> names.putIfAbsent(e.raisedBy(), e.raisedByName()));
            return names;
        }

        @Override
        public Optional<FinancialQuarter> earliestRaisedQuarter() {
            return population.stream().map(e -> e.timeliness().raisedQuarter()).min(Comparator.naturalOrder());
        }

        @Override
        public Optional<FinancialQuarter> latestResolvedQuarter() {
            return population.stream().map(e -> e.timeliness().resolvedQuarter()).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder());
        }
    }
}
