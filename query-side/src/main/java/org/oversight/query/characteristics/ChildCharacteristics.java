package org.oversight.query.characteristics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The children's characteristics for whatever reads them on the query side (the returns, inspection lists): the
 * one way in to this package's table. A child with none recorded is absent.
 */
@Component
public class ChildCharacteristics {

    private static final String COLUMNS = """
            SELECT child_id, local_authority, sex, ethnicity, unique_pupil_no, disability, first_language,
                   interpreter_needed, mother, recorded_on, corrections, mothers_child_born_on
              FROM characteristics_child
            """;

    private final JdbcClient jdbc;

    public ChildCharacteristics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The child's characteristics as last recorded; empty when none are. */
    public Optional<Characteristics> of(String childId) {
        return jdbc.sql(COLUMNS + " WHERE child_id = :child AND recorded_on IS NOT NULL")
                .param("child", childId).query(ChildCharacteristics::row).optional();
    }

    /** The characteristics of those of the given children who have them, by child id, in one query. */
    public Map<String, Characteristics> ofChildren(java.util.Collection<String> childIds) {
        Map<String, Characteristics> found = new LinkedHashMap<>();
        if (childIds.isEmpty()) {
            return found;
        }
        jdbc.sql(COLUMNS + " WHERE child_id = ANY (:children) AND recorded_on IS NOT NULL")
                .param("children", childIds.toArray(String[]::new)).query(ChildCharacteristics::row).list()
                .forEach(c -> found.put(c.childId(), c));
        return found;
    }

    /** The characteristics of every child of the authority who has them, by child id. */
    public Map<String, Characteristics> ofAuthority(String localAuthority) {
        Map<String, Characteristics> all = new LinkedHashMap<>();
        eachOfAuthority(localAuthority, c -> all.put(c.childId(), c));
        return all;
    }

    /** Each child of the authority who has characteristics, one at a time, in child id order (for a long run). */
    public void eachOfAuthority(String localAuthority, Consumer<Characteristics> each) {
        // the rows are read as they come, and the result set is closed however the reading ends
        try (Stream<Characteristics> rows = jdbc.sql(COLUMNS
                        + " WHERE local_authority = :la AND recorded_on IS NOT NULL ORDER BY child_id")
                .param("la", localAuthority).query(ChildCharacteristics::row).stream()) {
            rows.forEach(each);
        }
    }

    private static Characteristics row(ResultSet rs, int row) throws SQLException {
        java.sql.Date on = rs.getDate("recorded_on");
        return new Characteristics(rs.getString("child_id"), rs.getString("local_authority"), rs.getString("sex"),
                rs.getString("ethnicity"), rs.getString("unique_pupil_no"), rs.getString("disability"),
                rs.getString("first_language"), rs.getString("interpreter_needed"), rs.getString("mother"),
                on == null ? null : on.toLocalDate(), rs.getInt("corrections"),
                rs.getObject("mothers_child_born_on", LocalDate.class));
    }
}
