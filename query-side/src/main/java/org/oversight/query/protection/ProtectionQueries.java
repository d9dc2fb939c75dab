package org.oversight.query.protection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.query.access.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the child protection projection. */
@Component
public class ProtectionQueries {

    /** A plan's latest category is the one set at its latest review conference, else its initial category. */
    public static final String PLAN_COLUMNS = """
            p.plan_id, p.start_date, p.initial_category,
            COALESCE((SELECT r.category FROM protection_conference r
                       WHERE r.plan_id = p.plan_id AND r.child_id = p.child_id AND r.type = 'REVIEW'
                       ORDER BY r.held_on DESC LIMIT 1), p.initial_category) AS latest_category,
            p.previous_plans,
            (SELECT max(r.held_on) FROM protection_conference r
              WHERE r.plan_id = p.plan_id AND r.child_id = p.child_id AND r.type = 'REVIEW') AS last_review_on,
            (SELECT count(*) FROM protection_conference r
              WHERE r.plan_id = p.plan_id AND r.child_id = p.child_id AND r.type = 'REVIEW') AS reviews,
            p.end_date, p.end_reason""";

    private final JdbcClient jdbc;

    public ProtectionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ProtectionRecord record(String childId) {
        return records(java.util.Collections.singletonList(childId)).get(childId);
    }

    /**
     * The records of these children, read in one query per table whatever their number (the due items of a whole
     * batch of children at once), by child id; a child with nothing recorded has an empty record. Each child's rows
     * come in the order {@link #record} gives them.
     */
    public Map<String, ProtectionRecord> records(Collection<String> childIds) {
        String[] ids = childIds.stream().distinct().toArray(String[]::new);
        Map<String, List<ProtectionRecord.Enquiry>> enquiries = new HashMap<>();
        jdbc.sql("""
                SELECT child_id, enquiry_id, strategy_discussion_on, initial_conference_id, not_required_on,
                       not_required_reason
                  FROM protection_enquiry WHERE child_id = ANY (:children::text[])
                 ORDER BY strategy_discussion_on DESC
                """).param("children", ids)
                .query(rs -> {
                    enquiries.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(
                            new ProtectionRecord.Enquiry(rs.getString(2), date(rs, 3), rs.getString(4), date(rs, 5),
                                    rs.getString(6)));
                });
        Map<String, List<ProtectionRecord.Conference>> conferences = new HashMap<>();
        jdbc.sql("""
                SELECT child_id, conference_id, type, held_on, plan_id, quorate, decision, category,
                       attending_agencies, child_attended, views_conveyed, chair_name, sibling_group, reported_in
                  FROM protection_conference WHERE child_id = ANY (:children::text[])
                 ORDER BY held_on DESC, conference_id
                """).param("children", ids)
                .query(rs -> {
                    conferences.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(
                            new ProtectionRecord.Conference(rs.getString(2), rs.getString(3), date(rs, 4),
                                    rs.getString(5), rs.getBoolean(6), rs.getString(7), category(rs.getString(8)),
                                    lines(rs.getString(9)), rs.getBoolean(10), rs.getString(11), rs.getString(12),
                                    lines(rs.getString(13)), rs.getString(14)));
                });
        Map<String, List<ProtectionRecord.Plan>> plans = new HashMap<>();
        jdbc.sql("SELECT p.child_id AS plan_child_id, " + PLAN_COLUMNS
                        + " FROM protection_plan p WHERE p.child_id = ANY (:children::text[]) ORDER BY p.start_date DESC")
                .param("children", ids)
                .query(rs -> {
                    plans.computeIfAbsent(rs.getString("plan_child_id"), id -> new ArrayList<>()).add(plan(rs));
                });
        Map<String, List<ProtectionRecord.Correction>> corrections = new HashMap<>();
        jdbc.sql("""
                SELECT child_id, what, recorded_as, corrected_to, reason FROM protection_correction
                 WHERE child_id = ANY (:children::text[]) ORDER BY sequence
                """).param("children", ids)
                .query(rs -> {
                    corrections.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(
                            new ProtectionRecord.Correction(rs.getString(2), rs.getString(3), rs.getString(4),
                                    rs.getString(5)));
                });
        Map<String, ProtectionRecord> records = new HashMap<>();
        for (String id : ids) {
            records.put(id, new ProtectionRecord(enquiries.getOrDefault(id, new ArrayList<>()),
                    conferences.getOrDefault(id, new ArrayList<>()), plans.getOrDefault(id, new ArrayList<>()),
                    corrections.getOrDefault(id, new ArrayList<>())));
        }
        return records;
    }

    /** A child who may be decided about at the same conference, with what that decision would need. */
    public record Sibling(String childId, String name, String openEnquiryId, boolean openPlan) {
    }

    /**
     * Children who may share a conference with this one: in the same local authority, and either sharing the
     * family name or on the chair's own caseload (half-siblings often have different family names); never a
     * restricted record the chair is not named on.
     */
    public List<Sibling> siblingCandidates(String childId, String chairId, Scope scope) {
        return jdbc.sql("""
                SELECT c.child_id, c.given_name || ' ' || c.family_name,
                       (SELECT e.enquiry_id FROM protection_enquiry e
                         WHERE e.child_id = c.child_id AND e.initial_conference_id IS NULL AND e.not_required_on IS NULL
                         ORDER BY e.strategy_discussion_on DESC LIMIT 1),
                       EXISTS (SELECT 1 FROM protection_plan p WHERE p.child_id = c.child_id AND p.end_date IS NULL)
                  FROM protection_child_copy c JOIN protection_child_copy me ON me.child_id = :child
                 WHERE c.child_id <> me.child_id AND c.local_authority = me.local_authority
                   AND (lower(c.family_name) = lower(me.family_name)
                        OR c.child_id IN (SELECT a.child_id FROM protection_allocation_copy a WHERE a.chair_id = :chair))
                   AND %s
                 ORDER BY c.family_name, c.given_name, c.child_id
                 LIMIT 50
                """.formatted(scope.child("c.local_authority", "c.restricted_to")))
                .param("child", childId).param("chair", chairId).params(scope.params())
                .query((rs, i) -> new Sibling(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    public static ProtectionRecord.Plan plan(ResultSet rs) throws SQLException {
        return new ProtectionRecord.Plan(rs.getString("plan_id"), date(rs, "start_date"),
                category(rs.getString("initial_category")), category(rs.getString("latest_category")),
                rs.getInt("previous_plans"), date(rs, "last_review_on"), rs.getInt("reviews"),
                date(rs, "end_date"), rs.getString("end_reason"));
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static CategoryOfAbuse category(String code) {
        return code == null ? null : CategoryOfAbuse.valueOf(code);
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
    }
}
