package org.oversight.query.lookedafter;

import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One child's care as it stands, for a read model that keeps a summary of it (a caseload): the current period's
 * {@link LookedAfterQueries#SUMMARY}, the due dates of its open actions (a summary kept for days cannot keep a count
 * of overdue ones) and when the latest period ended. Asked for one child at a time, so other packages need not read
 * this package's tables.
 */
@Component
public class LookedAfterNow {

    /**
     * @param current          the current period, if the child is looked after now; its overdue actions counted
     *                         as at the day asked
     * @param openActionsDueOn the due dates of the current period's open actions, earliest first
     * @param latestEndedOn    when the child's latest period of care ended, if one has
     */
    public record Facts(Optional<LookedAfterSummary> current, List<LocalDate> openActionsDueOn,
            LocalDate latestEndedOn) {

        /**
         * The same facts worked out from the child's record already read, by the rules of
         * {@link LookedAfterQueries#SUMMARY}: the current period is the latest started of those still open, its last
         * review the latest held in it; an action belongs to the period of the review that agreed it, and is
         * overdue as at {@code today} when due before it. The due dates are those of the open actions of any period
         * still open, as the query reads them.
         */
        public static Facts of(LookedAfterRecord record, LocalDate today) {
            Map<String, String> periodOfReview = new HashMap<>();
            record.reviews().forEach(review -> periodOfReview.put(review.reviewId(), review.periodId()));
            Set<String> open = new HashSet<>();
            record.periods().stream().filter(LookedAfterRecord.Period::open)
                    .forEach(period -> open.add(period.periodId()));
            List<LookedAfterRecord.Action> openActions = record.actions().stream()
                    .filter(LookedAfterRecord.Action::open).toList();
            LookedAfterSummary current = record.currentPeriod().map(period -> {
                LookedAfterRecord.Review last = record.reviews().stream()
                        .filter(review -> review.periodId().equals(period.periodId())).findFirst().orElse(null);
                List<LookedAfterRecord.Action> inPeriod = openActions.stream()
                        .filter(action -> period.periodId().equals(periodOfReview.get(action.reviewId()))).toList();
                return new LookedAfterSummary(period.startedOn(), last == null ? null : last.heldOn(),
                        last == null ? null : last.participation(), last == null ? null : last.consultedBefore(),
                        inPeriod.size(), (int) inPeriod.stream().filter(action -> action.dueOn().isBefore(today))
                                .count(), record.iroChangesInCurrentPeriod());
            }).orElse(null);
            List<LocalDate> dueOn = openActions.stream()
                    .filter(action -> open.contains(periodOfReview.get(action.reviewId())))
                    .map(LookedAfterRecord.Action::dueOn).sorted().toList();
            LocalDate ended = record.periods().stream().map(LookedAfterRecord.Period::endedOn)
                    .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
            return new Facts(Optional.ofNullable(current), dueOn, ended);
        }
    }

    private final JdbcClient jdbc;

    public LookedAfterNow(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Facts of(String childId, LocalDate today) {
        return of(java.util.Collections.singletonList(childId), today).get(childId);
    }

    /** {@link #of(String, LocalDate)} of each of these children, in one query whatever their number, by child id. */
    public Map<String, Facts> of(Collection<String> childIds, LocalDate today) {
        String[] ids = childIds.stream().distinct().toArray(String[]::new);
        Map<String, Facts> facts = new HashMap<>();
        jdbc.sql("""
                SELECT c.child_id AS of_child_id, la.*,
                       (SELECT array_agg(a.due_on ORDER BY a.due_on)
                          FROM looked_after_action a
                          JOIN looked_after_review ar ON ar.review_id = a.review_id
                          JOIN looked_after_period p ON p.period_id = ar.period_id
                         WHERE p.child_id = c.child_id AND p.ended_on IS NULL AND a.status = 'OPEN') AS open_due_on,
                       (SELECT max(e.ended_on) FROM looked_after_period e WHERE e.child_id = c.child_id)
                           AS latest_ended_on
                  FROM unnest(CAST(:children AS text[])) AS c (child_id)
                  LEFT JOIN LATERAL (SELECT * FROM (%s) s ORDER BY s.la_since DESC LIMIT 1) la ON TRUE
                """.formatted(LookedAfterQueries.SUMMARY))
                .param("children", ids).param("today", today)
                .query(rs -> {
                    facts.put(rs.getString("of_child_id"), new Facts(Optional.ofNullable(LookedAfterQueries.summary(rs)),
                            dates(rs.getArray("open_due_on")), rs.getObject("latest_ended_on", LocalDate.class)));
                });
        return facts;
    }

    private static List<LocalDate> dates(Array array) throws SQLException {
        List<LocalDate> dates = new ArrayList<>();
        if (array != null) {
            for (Object date : (Object[]) array.getArray()) {
                dates.add(date == null ? null : ((Date) date).toLocalDate());
            }
        }
        return dates;
    }
}
