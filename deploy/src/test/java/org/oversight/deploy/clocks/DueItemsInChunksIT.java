package org.oversight.deploy.clocks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.generator.Size;
import org.oversight.deploy.support.GeneratedStore;
import org.oversight.deploy.support.MovableClock;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.query.child.ChildSummary;
import org.oversight.query.child.Children;
import org.oversight.query.clocks.ChildClocks;
import org.oversight.query.clocks.due.DueItems;
import org.oversight.query.lookedafter.LookedAfterNow;
import org.oversight.query.protection.ProtectionNow;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * After a rebuild the background works children's due items out a chunk at a time, every record the clocks read
 * fetched for the whole chunk at once; a chair's change works out one child. On a generated service of two
 * authorities (plans, periods of care, escalations, sibling groups, closed histories), every child's facts read
 * in one chunk with everyone else's are exactly those read for the child alone, the plan and period of care a
 * caseload shows, worked out from those facts, are those read from the protection and looked-after tables, and
 * the due items and caseload summaries written a chunk at a time are, row for row, those written one child at a
 * time.
 */
class DueItemsInChunksIT {

    /** Two authorities, with closed histories and years enough for repeat plans and several periods of care. */
    private static final Size SHAPE = new Size("chunks", 2, 40, 30, 0.5, 4, 8);
    private static final long SEED = 23;

    @Test
    void aChunkOfChildrenGivesEveryChildTheRowsItGetsAlone() throws Exception {
        MovableClock clock = MovableClock.startingNow();
        LocalDate today = clock.today();
        String jdbcUrl = GeneratedStore.load(SHAPE, SEED, today);
        // the background is kept out of the way: this test works the children out itself, both ways
        try (OversightTestApp app = OversightTestApp.start(clock, jdbcUrl,
                "--oversight.due-items.refresh-delay=PT1H")) {
            app.everyProcessorAtTheHead(Duration.ofSeconds(180));
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            DueItems dueItems = app.bean(DueItems.class);
            ChildClocks clocks = app.bean(ChildClocks.class);
            List<String> ids = jdbc.queryForList("SELECT child_id FROM due_item_child_copy ORDER BY child_id",
                    String.class);
            assertThat(ids).as("children generated").hasSizeGreaterThan(60);

            // the facts of a chunk, shuffled so that no order of reading hides a child's rows under another's
            List<String> shuffled = new ArrayList<>(ids);
            Collections.shuffle(shuffled, new Random(SEED));
            Map<String, ChildSummary> children = app.bean(Children.class).children(shuffled);
            assertThat(children).as("every child found in one read").hasSize(ids.size());
            Map<String, ChildClocks.Facts> inChunk = clocks.facts(children.values());
            for (String id : ids) {
                assertThat(inChunk.get(id)).as("a child's facts read in a chunk")
                        .isEqualTo(clocks.facts(List.of(children.get(id))).get(id));
            }

            // the caseload summary's plan and period of care, worked out from those facts, are exactly what the
            // protection and looked-after packages read from their tables
            Map<String, ProtectionNow.Facts> plansRead = app.bean(ProtectionNow.class).of(ids);
            Map<String, LookedAfterNow.Facts> careRead = app.bean(LookedAfterNow.class).of(ids, today);
            Map<String, Integer> shown = new TreeMap<>();
            for (String id : ids) {
                ProtectionNow.Facts plans = ProtectionNow.Facts.of(inChunk.get(id).protection());
                LookedAfterNow.Facts care = LookedAfterNow.Facts.of(inChunk.get(id).care(), today);
                assertThat(plans).as("a child's plans from the facts").isEqualTo(plansRead.get(id));
                assertThat(care).as("a child's care from the facts").isEqualTo(careRead.get(id));
                plans.openPlan().ifPresent(plan -> shown.merge("an open plan", 1, Integer::sum));
                shown.merge("a plan ended", plans.latestEndedOn() == null ? 0 : 1, Integer::sum);
                shown.merge("a period ended", care.latestEndedOn() == null ? 0 : 1, Integer::sum);
                care.current().ifPresent(period -> {
                    shown.merge("looked after now", 1, Integer::sum);
                    shown.merge("reviewed in the period", period.lastReviewOn() == null ? 0 : 1, Integer::sum);
                    shown.merge("consulted before", Boolean.TRUE.equals(period.consultedBeforeReview()) ? 1 : 0,
                            Integer::sum);
                    shown.merge("not consulted before", Boolean.FALSE.equals(period.consultedBeforeReview()) ? 1 : 0,
                            Integer::sum);
                    shown.merge("open actions", period.openActions(), Integer::sum);
                    shown.merge("overdue actions", period.overdueActions(), Integer::sum);
                    shown.merge("changes of IRO", period.iroChanges(), Integer::sum);
                });
            }
            assertThat(shown).as("what the comparison covered").hasSize(10).allSatisfy((what, count) ->
                    assertThat(count).as(what).isPositive());

            for (String id : ids) {
                assertThat(dueItems.refresh(id)).as("a child worked out alone").isTrue();
            }
            assertThat(dueItems.staleCount()).isZero();
            List<Map<String, Object>> dueAlone = dueItems(jdbc);
            List<Map<String, Object>> summariesAlone = summaries(jdbc);

            jdbc.update("DELETE FROM due_item");
            jdbc.update("DELETE FROM caseload_summary");
            dueItems.markAll();
            assertThat(dueItems.staleCount()).isEqualTo(ids.size());
            // the child that has waited longest is served first, then those after it by id, not by mark: every
            // child but one in the middle marked again, so the oldest mark is that one and the next oldest the first
            int middle = ids.size() / 2;
            List<String> others = new ArrayList<>(ids);
            others.remove(middle);
            dueItems.markChildren(others);
            int written = dueItems.refreshStale(3);
            assertThat(written).isEqualTo(3);
            assertThat(stale(jdbc)).as("served: the longest waiting and the two after it by id")
                    .doesNotContain(ids.get(middle), ids.get(middle + 1), ids.get(middle + 2))
                    .contains(ids.get(0), ids.get(1), ids.get(middle + 3)).hasSize(ids.size() - 3);
            // past the last id, the run goes on from the first: the longest waiting now the last child
            List<String> allButLast = new ArrayList<>(ids.subList(0, ids.size() - 1));
            allButLast.removeAll(List.of(ids.get(middle), ids.get(middle + 1), ids.get(middle + 2)));
            dueItems.markChildren(allButLast);
            assertThat(dueItems.refreshStale(3)).as("a whole run, past the last id").isEqualTo(3);
            written += 3;
            assertThat(stale(jdbc)).as("served: the last child, then the first two")
                    .doesNotContain(ids.get(ids.size() - 1), ids.get(0), ids.get(1))
                    .contains(ids.get(2)).hasSize(ids.size() - 6);
            // chunks of differing sizes, as the background and an opened caseload take them
            written += dueItems.refreshStale(37);
            while (dueItems.staleCount() > 0) {
                written += dueItems.refreshStale(1_000);
            }
            assertThat(written).as("children worked out in chunks").isEqualTo(ids.size());

            Set<Object> kinds = new TreeSet<>();
            dueAlone.forEach(row -> kinds.add(row.get("kind")));
            assertThat(kinds).as("kinds of open clock compared")
                    .contains("lac-review", "cp-review").hasSizeGreaterThan(5);
            assertThat(dueAlone.stream().map(row -> row.get("chair_role")).distinct())
                    .containsExactlyInAnyOrder("IRO", "CP_CHAIR");
            assertThat(summariesAlone).as("a caseload summary for every child").hasSize(ids.size());
            assertThat(dueItems(jdbc)).as("due items written a chunk at a time").isEqualTo(dueAlone);
            assertThat(summaries(jdbc)).as("caseload summaries written a chunk at a time")
                    .isEqualTo(summariesAlone);
        }

        // small chunks, several on the workers side by side, each in its own transaction
        try (OversightTestApp app = OversightTestApp.start(clock, jdbcUrl, "--oversight.due-items.refresh-delay=PT1H",
                "--oversight.due-items.chunk=7", "--oversight.due-items.workers=3")) {
            app.everyProcessorAtTheHead(Duration.ofSeconds(180));
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            DueItems dueItems = app.bean(DueItems.class);
            List<Map<String, Object>> dueBefore = dueItems(jdbc);
            List<Map<String, Object>> summariesBefore = summaries(jdbc);
            jdbc.update("DELETE FROM due_item");
            jdbc.update("DELETE FROM caseload_summary");
            dueItems.markAll();
            int marked = dueItems.staleCount();
            assertThat(dueItems.batch()).as("a chunk for each worker").isEqualTo(21);
            int written = 0;
            while (dueItems.staleCount() > 0) {
                written += dueItems.refreshStale(dueItems.batch());
            }
            assertThat(written).as("children worked out on the workers").isEqualTo(marked);
            assertThat(dueItems(jdbc)).as("due items written by chunks side by side").isEqualTo(dueBefore);
            assertThat(summaries(jdbc)).as("caseload summaries written by chunks side by side")
                    .isEqualTo(summariesBefore);
        }
    }

    private static List<String> stale(JdbcTemplate jdbc) {
        return jdbc.queryForList("SELECT child_id FROM due_item_stale", String.class);
    }

    private static List<Map<String, Object>> dueItems(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                SELECT child_id, position, kind, name, chair_role, due_on::text FROM due_item
                 ORDER BY child_id, position
                """);
    }

    private static List<Map<String, Object>> summaries(JdbcTemplate jdbc) {
        return jdbc.queryForList("""
                SELECT child_id, plan_id, start_date::text, initial_category, latest_category, previous_plans,
                       last_review_on::text, reviews, la_since::text, la_last_review_on::text, la_last_participation,
                       la_consulted_before, la_open_actions, la_open_actions_due_on::text, la_iro_changes,
                       plan_ended_on::text, period_ended_on::text, next_iro_kind, next_iro_name,
                       next_iro_due_on::text, next_cp_kind, next_cp_name, next_cp_due_on::text,
                       next_iro_due_with::text
                  FROM caseload_summary ORDER BY child_id
                """);
    }
}
