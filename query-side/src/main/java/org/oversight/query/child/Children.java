package org.oversight.query.child;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oversight.events.childcase.ChairRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Looks a child up: who the child is and who chairs for them, as {@link ChildProjection} keeps them. Every page
 * and read model that needs "the child" asks here rather than reading another feature's rows.
 */
@Component
public class Children {

    private final JdbcClient jdbc;

    public Children(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The child, or empty when no child of this id is registered. */
    public Optional<ChildSummary> child(String childId) {
        return Optional.ofNullable(children(java.util.Collections.singletonList(childId)).get(childId));
    }

    /**
     * The children of these ids that are registered, in two queries whatever their number, by child id (an id of
     * no registered child is left out).
     */
    public Map<String, ChildSummary> children(Collection<String> childIds) {
        String[] ids = childIds.stream().distinct().toArray(String[]::new);
        Map<String, List<ChildSummary.Allocation>> allocations = new HashMap<>();
        jdbc.sql("""
                SELECT role, chair_id, chair_name, allocated_from, chair_changes, child_id
                  FROM caseload_allocation WHERE child_id = ANY (:ids::text[]) ORDER BY role
                """)
                .param("ids", ids)
                .query(rs -> {
                    allocations.computeIfAbsent(rs.getString(6), id -> new ArrayList<>()).add(
                            new ChildSummary.Allocation(ChairRole.valueOf(rs.getString(1)), rs.getString(2),
                                    rs.getString(3), rs.getObject(4, LocalDate.class), rs.getInt(5)));
                });
        Map<String, ChildSummary> children = new HashMap<>();
        jdbc.sql("""
                SELECT child_id, local_authority, local_identifier, given_name, family_name, date_of_birth,
                       expected_date_of_delivery, registered_on, last_sequence
                  FROM caseload_child WHERE child_id = ANY (:ids::text[])
                """)
                .param("ids", ids)
                .query(rs -> {
                    children.put(rs.getString(1), new ChildSummary(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                            rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), rs.getLong(9),
                            allocations.getOrDefault(rs.getString(1), new ArrayList<>())));
                });
        return children;
    }

    /**
     * The current chairs of each of these children, by role, in one query: for a list that shows them (a search's
     * results) without a lookup per child. A child with no chair is left out of the map.
     */
    public Map<String, List<ChildSummary.Allocation>> allocations(Collection<String> childIds) {
        Map<String, List<ChildSummary.Allocation>> allocations = new LinkedHashMap<>();
        if (childIds.isEmpty()) {
            return allocations;
        }
        jdbc.sql("""
                SELECT child_id, role, chair_id, chair_name, allocated_from, chair_changes
                  FROM caseload_allocation WHERE child_id = ANY (:ids::text[]) ORDER BY child_id, role
                """)
                .param("ids", childIds.toArray(String[]::new))
                .query(rs -> {
                    allocations.computeIfAbsent(rs.getString(1), id -> new ArrayList<>())
                            .add(new ChildSummary.Allocation(ChairRole.valueOf(rs.getString(2)), rs.getString(3),
                                    rs.getString(4), rs.getObject(5, LocalDate.class), rs.getInt(6)));
                });
        return allocations;
    }

    /** The people a restricted record is restricted to, by username; empty when the record is not restricted. */
    public Optional<List<String>> restrictedTo(String childId) {
        return jdbc.sql("SELECT named_people FROM child_restriction WHERE child_id = :childId")
                .param("childId", childId)
                .query((rs, i) -> List.of((String[]) rs.getArray(1).getArray()))
                .optional();
    }
}
