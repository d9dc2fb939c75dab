package org.oversight.query.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oversight.events.escalation.DefaultEscalationPolicy;
import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.query.access.Scope;
import org.oversight.query.testing.ProjectionDatabase;

/**
 * The dashboard counted by PostgreSQL ({@link DashboardTally}) against the same dashboard counted in memory from
 * every escalation assessed one by one (the way it was counted before, and the way every list behind a count is
 * still drawn): seeded histories of escalations at every level, resolved, withdrawn and open, across weekends and
 * bank holidays, in two authorities, read on several days and with every kind of filter. Any difference, in a
 * number, a drill-down, a row or a table, fails with the seed.
 */
class DashboardTallyTest {

    private static final String[] LEVELS = {"TEAM_MANAGER", "SERVICE_MANAGER", "HEAD_OF_SERVICE",
            "DIRECTOR_OF_CHILDRENS_SERVICES"};
    private static final String[] CHAIRS = {"chair.brown", "iro.ahmed", "iro.okafor", "chair.quinn"};
    /** A QA lead of Northmoor: Southvale's escalations are neither counted nor listed. */
    private static final Scope NORTH = new Scope("qa.north", List.of("DEMO-N"), false);
    private static final long[] SEEDS = {1, 20261203};
    /** Days read on: a Monday, a Saturday, a day after Christmas and the bank holidays, Easter Tuesday. */
    private static final LocalDate[] TODAYS = {LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 21),
            LocalDate.of(2025, 12, 29), LocalDate.of(2026, 4, 7)};

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    @Test
    @DisplayName("every table, row, number and drill-down counted by PostgreSQL is what counting each escalation "
            + "in memory gives")
    void countedInPostgresAsInMemory() {
        EscalationPolicy vocabulary = new DefaultEscalationPolicy();
        for (long seed : SEEDS) {
            Random random = new Random(seed);
            EscalationTables tables = EscalationTables.fresh(database);
            List<String> categories = new ArrayList<>(vocabulary.concernCategories("DEMO-N"));
            // a category recorded under an earlier vocabulary is still counted
            categories.add("RETIRED_CATEGORY");
            LocalDate latest = LocalDate.of(2026, 4, 7);
            for (int i = 0; i < 120; i++) {
                record(tables, random, "escalation-" + seed + "-" + i, categories, latest);
            }
            for (LocalDate today : TODAYS) {
                EscalationReports reports = tables.reportsOn(today);
                EscalationQueries queries = tables.queriesOn(today);
                for (Map<String, String> parameters : filters(random, categories)) {
                    EscalationCriteria criteria = EscalationCriteria.from(parameters);
                    Dashboard counted = reports.dashboard(criteria, NORTH);
                    EscalationCriteria filters = criteria.filtersOnly();
                    Dashboard expected = DashboardCounts.count(queries.matching(filters, NORTH.asFigures()), filters,
                            reports.levels(NORTH), vocabulary.concernCategories("DEMO-N"), vocabulary, today);
                    assertThat(counted).as("seed %d, read on %s, filters %s", seed, today, parameters)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    @DisplayName("a reader of no authority counts nothing, and an authority with no escalations shows empty tables")
    void nothingToCount() {
        EscalationTables tables = EscalationTables.fresh(database);
        tables.raiseIn("DEMO-S", "escalation-south", LocalDate.of(2026, 1, 5), "TEAM_MANAGER", "HEALTH",
                "iro.okafor");
        EscalationReports reports = tables.reportsOn(LocalDate.of(2026, 2, 16));
        Dashboard north = reports.dashboard(EscalationCriteria.none(), NORTH);
        assertThat(north.headline().raised().value()).isEqualTo(0L);
        assertThat(north.headline().medianWorkingDaysToResolution().value()).isNull();
        assertThat(north.table("by-chair").rows()).isEmpty();
        assertThat(reports.dashboard(EscalationCriteria.none(), new Scope("nobody", List.of(), false)).headline()
                .raised().value()).isEqualTo(0L);
    }

    /** One escalation's history: raised, perhaps moved up and answered, then left open, resolved or withdrawn. */
    private static void record(EscalationTables tables, Random random, String id, List<String> categories,
            LocalDate latest) {
        LocalDate day = LocalDate.of(2023, 1, 1).plusDays(random.nextInt(1_190));
        String authority = random.nextInt(7) == 0 ? "DEMO-S" : "DEMO-N";
        int level = random.nextInt(3) == 0 ? -1 : random.nextInt(2);
        tables.raiseIn(authority, id, day, level < 0 ? null : LEVELS[level],
                categories.get(random.nextInt(categories.size())), CHAIRS[random.nextInt(CHAIRS.length)]);
        int steps = random.nextInt(4);
        for (int step = 0; step < steps && level < LEVELS.length - 1; step++) {
            day = day.plusDays(1 + random.nextInt(25));
            if (day.isAfter(latest)) {
                return;
            }
            int to = Math.min(LEVELS.length - 1, level + 1 + random.nextInt(2));
            tables.moveUp(id, level < 0 ? null : LEVELS[level], LEVELS[to], day);
            level = to;
            if (random.nextInt(3) == 0) {
                day = day.plusDays(random.nextInt(8));
                if (random.nextBoolean()) {
                    tables.respond(id, LEVELS[level], day);
                } else {
                    tables.reject(id, LEVELS[level], day);
                }
            }
        }
        if (random.nextInt(5) == 0) {
            tables.referToCafcass(id, day.plusDays(random.nextInt(5)));
        }
        day = day.plusDays(random.nextInt(40));
        if (day.isAfter(latest)) {
            return;
        }
        switch (random.nextInt(5)) {
            case 0, 1 -> tables.resolve(id, level < 0 ? null : LEVELS[level], day, random.nextBoolean());
            case 2 -> tables.withdraw(id, day);
            default -> {
                // still open
            }
        }
    }

    /** No filter, then each filter alone and a few together, with values found and not found. */
    private static List<Map<String, String>> filters(Random random, List<String> categories) {
        List<Map<String, String>> all = new ArrayList<>();
        all.add(Map.of());
        all.add(Map.of("raisedFrom", "2025-04-01"));
        all.add(Map.of("raisedTo", "2024-12-31"));
        all.add(Map.of("raisedFrom", "2024-01-01", "raisedTo", "2024-06-30"));
        all.add(Map.of("level", "INFORMAL"));
        all.add(Map.of("level", LEVELS[random.nextInt(LEVELS.length)]));
        all.add(Map.of("category", categories.get(random.nextInt(categories.size()))));
        all.add(Map.of("team", "North IRO team"));
        all.add(Map.of("team", "No such team"));
        all.add(Map.of("chair", CHAIRS[random.nextInt(CHAIRS.length)]));
        Map<String, String> together = new LinkedHashMap<>();
        together.put("team", "South IRO team");
        together.put("level", LEVELS[random.nextInt(LEVELS.length)]);
        together.put("raisedFrom", "2024-04-01");
        all.add(together);
        // a drill-down facet in the address is not a filter: the dashboard leaves it out
        all.add(Map.of("status", "open", "overdue", "true"));
        return all;
    }
}
