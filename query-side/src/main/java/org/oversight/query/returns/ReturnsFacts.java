package org.oversight.query.returns;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.oversight.query.access.Scope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the returns' facts a batch of children at a time, so that an export of a large authority, or of every
 * authority, holds one batch in memory and never the whole list: children are taken in the order of their
 * authority and identifier, each batch after the last child of the one before.
 */
@Component
public class ReturnsFacts {

    /** Children read and handed on together. */
    static final int BATCH = 500;

    /** Which part of a child's history an export needs; only children with some of it are read. */
    public enum Part {
        PROTECTION("(EXISTS (SELECT 1 FROM returns_plan p WHERE p.child_id = c.child_id) "
                + "OR EXISTS (SELECT 1 FROM returns_enquiry e WHERE e.child_id = c.child_id))"),
        CARE("EXISTS (SELECT 1 FROM returns_care_period p WHERE p.child_id = c.child_id)");

        private final String condition;

        Part(String condition) {
            this.condition = condition;
        }
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<CharacteristicsSource> characteristics;

    public ReturnsFacts(JdbcClient jdbc, ObjectProvider<CharacteristicsSource> characteristics) {
        this.jdbc = jdbc;
        this.characteristics = characteristics;
    }

    /**
     * Hands each child of the scope with some of {@code part} to {@code each}, in order of authority and local
     * identifier. {@code scope} {@code null} reads every authority (the national run).
     */
    public void forEach(Scope scope, Part part, Consumer<ChildFacts> each) {
        String after = "";
        String afterIdentifier = "";
        String afterAuthority = "";
        CharacteristicsSource source = characteristics.getIfAvailable(() -> CharacteristicsSource.NONE);
        while (true) {
            List<Row> children = jdbc.sql("""
                    SELECT c.child_id, c.local_authority, c.local_identifier, c.date_of_birth, c.expected_delivery
                      FROM returns_child c
                     WHERE %s AND %s AND (c.local_authority, c.local_identifier, c.child_id) > (:afterAuthority, :afterIdentifier, :after)
                     ORDER BY c.local_authority, c.local_identifier, c.child_id
                     LIMIT :batch
                    """.formatted(scope == null ? "TRUE" : scope.child("c.local_authority", "c.restricted_to"),
                            part.condition))
                    .params(scope == null ? Map.of() : scope.params())
                    .param("afterAuthority", afterAuthority).param("afterIdentifier", afterIdentifier)
                    .param("after", after).param("batch", BATCH)
                    .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
                    .list();
            if (children.isEmpty()) {
                return;
            }
            List<String> ids = children.stream().map(Row::childId).toList();
            Map<String, Characteristics> known = source.of(ids);
            Map<String, List<ChildFacts.Enquiry>> enquiries = part == Part.PROTECTION ? enquiries(ids) : Map.of();
            Map<String, List<ChildFacts.Plan>> plans = part == Part.PROTECTION ? plans(ids) : Map.of();
            Map<String, List<ChildFacts.CarePeriod>> periods = part == Part.CARE ? periods(ids) : Map.of();
            children.forEach(row -> each.accept(new ChildFacts(row.childId(), row.localAuthority(),
                            row.localIdentifier(), row.dateOfBirth(), row.expectedBirth(),
                            source.ofOne(known, row.childId()), enquiries.getOrDefault(row.childId(), List.of()),
                            plans.getOrDefault(row.childId(), List.of()),
                            periods.getOrDefault(row.childId(), List.of()))));
            Row last = children.get(children.size() - 1);
            after = last.childId();
            afterIdentifier = last.localIdentifier();
            afterAuthority = last.localAuthority();
        }
    }

    /** How many children of the authority with some of {@code part} a list in {@code scope} leaves out as restricted. */
    public int restrictedLeftOut(Scope scope, Part part) {
        if (!scope.leavesOutRestricted()) {
            return 0;
        }
        return jdbc.sql("""
                SELECT count(*) FROM returns_child c
                 WHERE %s AND NOT %s AND %s
                """.formatted(scope.authority("c.local_authority"), scope.readerMaySee("c.restricted_to"),
                        part.condition))
                .params(scope.params()).query(Integer.class).single();
    }

    private record Row(String childId, String localAuthority, String localIdentifier, LocalDate dateOfBirth,
            LocalDate expectedBirth) {
    }

    private Map<String, List<ChildFacts.Enquiry>> enquiries(List<String> ids) {
        Map<String, List<ChildFacts.Enquiry>> byChild = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT e.child_id, e.enquiry_id, e.started_on, k.held_on, e.not_required_on
                  FROM returns_enquiry e
                  LEFT JOIN returns_conference k ON k.child_id = e.child_id AND k.enquiry_id = e.enquiry_id
                                                AND NOT k.review
                 WHERE e.child_id = ANY (CAST(:ids AS text[]))
                 ORDER BY e.child_id, e.started_on, e.enquiry_id
                """).param("ids", ids.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    byChild.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ChildFacts.Enquiry(
                            rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                            rs.getObject(5, LocalDate.class)));
                });
        return byChild;
    }

    private Map<String, List<ChildFacts.Plan>> plans(List<String> ids) {
        Map<String, List<ChildFacts.Plan>> byChild = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT p.child_id, p.plan_id, s.held_on, COALESCE(x.held_on, p.ended_on), p.initial_category,
                       p.previous_plans,
                       (SELECT array_agg(r.conference_id || '|' || r.held_on || '|' || COALESCE(r.latest_category, '')
                                         ORDER BY r.held_on, r.conference_id)
                          FROM returns_conference r WHERE r.child_id = p.child_id AND r.plan_id = p.plan_id
                                                      AND r.review)
                  FROM returns_plan p
                  JOIN returns_conference s ON s.child_id = p.child_id AND s.conference_id = p.start_conference_id
                  LEFT JOIN returns_conference x ON x.child_id = p.child_id AND x.conference_id = p.end_conference_id
                 WHERE p.child_id = ANY (CAST(:ids AS text[]))
                 ORDER BY p.child_id, s.held_on, p.plan_id
                """).param("ids", ids.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    byChild.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ChildFacts.Plan(
                            rs.getString(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class),
                            rs.getString(5), rs.getInt(6), reviews(rs.getArray(7))));
                });
        return byChild;
    }

    private static List<ChildFacts.Review> reviews(Array array) throws SQLException {
        List<ChildFacts.Review> reviews = new ArrayList<>();
        if (array == null) {
            return reviews;
        }
        for (Object value : (Object[]) array.getArray()) {
            // conference ids are identifiers (letters, digits, hyphens), so the separator never occurs in them
            String[] parts = ((String) value).split("\\|", -1);
            reviews.add(new ChildFacts.Review(parts[0], LocalDate.parse(parts[1]),
                    parts[2].isEmpty() ? null : parts[2]));
        }
        return reviews;
    }

    private Map<String, List<ChildFacts.CarePeriod>> periods(List<String> ids) {
        Map<String, List<ChildFacts.Day>> days = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT period_id, kind, day FROM returns_care_day
                 WHERE child_id = ANY (CAST(:ids AS text[])) ORDER BY period_id, day, kind
                """).param("ids", ids.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    days.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new ChildFacts.Day(rs.getString(2), rs.getObject(3, LocalDate.class)));
                });
        Map<String, List<ChildFacts.CarePeriod>> byChild = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT child_id, period_id, started_on, legal_status, legal_status_since, ended_on, end_reason,
                       social_worker, social_work_team, permanence_plan
                  FROM returns_care_period WHERE child_id = ANY (CAST(:ids AS text[]))
                 ORDER BY child_id, started_on, period_id
                """).param("ids", ids.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    byChild.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new ChildFacts.CarePeriod(
                            rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getString(7),
                            rs.getString(8), rs.getString(9), rs.getString(10),
                            days.getOrDefault(rs.getString(2), List.of())));
                });
        return byChild;
    }
}
