package org.oversight.query.returns.ssda903;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.oversight.query.characteristics.Characteristics;
import org.oversight.query.characteristics.ChildCharacteristics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the facts of an authority's children for a return: the children looked after at some time up to the end of
 * the year, their periods' changes in the order recorded, their reviews, and their characteristics (from the
 * characteristics package's own API).
 */
@Component
public class Ssda903Facts {

    private final JdbcClient jdbc;
    private final ChildCharacteristics characteristics;

    public Ssda903Facts(JdbcClient jdbc, ChildCharacteristics characteristics) {
        this.jdbc = jdbc;
        this.characteristics = characteristics;
    }

    public List<ChildFacts> of(String localAuthority, CollectionYear year) {
        Map<String, Map<String, List<Change>>> periods = new HashMap<>();
        jdbc.sql("""
                SELECT ch.child_id, ch.period_id, ch.kind, ch.on_date, ch.legal_status, ch.placement,
                       ch.carer_changed, ch.reason_ended
                  FROM ssda903_change ch JOIN ssda903_child c ON c.child_id = ch.child_id
                 WHERE c.local_authority = :la
                   AND ch.period_id IN (SELECT period_id FROM ssda903_change s
                                         WHERE s.child_id = ch.child_id AND s.kind = 'STARTED' AND s.on_date <= :last)
                 ORDER BY ch.child_id, ch.sequence
                """).param("la", localAuthority).param("last", year.lastDay())
                .query(rs -> {
                    Boolean carer = rs.getObject("carer_changed") == null ? null : rs.getBoolean("carer_changed");
                    Change change = new Change(rs.getString("period_id"), Change.Kind.valueOf(rs.getString("kind")),
                            rs.getDate("on_date").toLocalDate(), rs.getString("legal_status"),
                            rs.getString("placement"), carer, rs.getString("reason_ended"));
                    periods.computeIfAbsent(rs.getString("child_id"), c -> new LinkedHashMap<>())
                            .computeIfAbsent(change.periodId(), p -> new ArrayList<>()).add(change);
                });
        Map<String, List<ChildFacts.Review>> reviews = new HashMap<>();
        jdbc.sql("""
                SELECT r.child_id, r.period_id, r.held_on, r.participation
                  FROM ssda903_review r JOIN ssda903_child c ON c.child_id = r.child_id
                 WHERE c.local_authority = :la AND r.held_on BETWEEN :first AND :last
                """).param("la", localAuthority).param("first", year.firstDay()).param("last", year.lastDay())
                .query(rs -> {
                    reviews.computeIfAbsent(rs.getString("child_id"), c -> new ArrayList<>())
                            .add(new ChildFacts.Review(rs.getString("period_id"), rs.getDate("held_on").toLocalDate(),
                                    rs.getString("participation")));
                });
        Map<String, Characteristics> answers = characteristics.ofAuthority(localAuthority);
        List<ChildFacts> children = new ArrayList<>();
        jdbc.sql("""
                SELECT child_id, local_identifier, date_of_birth FROM ssda903_child WHERE local_authority = :la
                 ORDER BY local_identifier
                """).param("la", localAuthority).query(rs -> {
                    String childId = rs.getString("child_id");
                    Map<String, List<Change>> ofChild = periods.get(childId);
                    if (ofChild == null) {
                        return;
                    }
                    Date born = rs.getDate("date_of_birth");
                    children.add(new ChildFacts(childId, rs.getString("local_identifier"),
                            born == null ? null : born.toLocalDate(), answers.get(childId), ofChild,
                            reviews.getOrDefault(childId, List.of())));
                });
        return children;
    }

    /** Children read and handed on together by {@link #forEach}. */
    static final int BATCH = 500;

    /**
     * Hands each child of {@link #of} to {@code each} in the order the return lists them (identifiers compared as
     * characters, as {@link Ssda903Return#of} sorts them, whatever the database's collation), reading a batch of
     * children at a time (each batch after the last child of the one before), so that a return of any size holds
     * one batch in memory.
     */
    public void forEach(String localAuthority, CollectionYear year, Consumer<ChildFacts> each) {
        forEach(localAuthority, year, BATCH, each);
    }

    /** {@link #forEach(String, CollectionYear, Consumer)} with batches of {@code batch} children. */
    public void forEach(String localAuthority, CollectionYear year, int batch, Consumer<ChildFacts> each) {
        String afterIdentifier = "";
        String after = "";
        while (true) {
            List<ChildFacts> children = batch(localAuthority, year, batch, afterIdentifier, after);
            if (children.isEmpty()) {
                return;
            }
            children.forEach(each);
            ChildFacts last = children.get(children.size() - 1);
            afterIdentifier = last.localIdentifier();
            after = last.childId();
        }
    }

    private List<ChildFacts> batch(String localAuthority, CollectionYear year, int batch, String afterIdentifier,
            String after) {
        record Row(String childId, String localIdentifier, LocalDate dateOfBirth) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT c.child_id, c.local_identifier, c.date_of_birth FROM ssda903_child c
                 WHERE c.local_authority = :la
                   AND (c.local_identifier COLLATE "C", c.child_id COLLATE "C") > (:afterIdentifier, :after)
                   AND EXISTS (SELECT 1 FROM ssda903_change s
                                WHERE s.child_id = c.child_id AND s.kind = 'STARTED' AND s.on_date <= :last)
                 ORDER BY c.local_identifier COLLATE "C", c.child_id COLLATE "C"
                 LIMIT :batch
                """).param("la", localAuthority).param("afterIdentifier", afterIdentifier).param("after", after)
                .param("last", year.lastDay()).param("batch", batch)
                .query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class)))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        String[] ids = rows.stream().map(Row::childId).toArray(String[]::new);
        Map<String, Map<String, List<Change>>> periods = new HashMap<>();
        jdbc.sql("""
                SELECT ch.child_id, ch.period_id, ch.kind, ch.on_date, ch.legal_status, ch.placement,
                       ch.carer_changed, ch.reason_ended
                  FROM ssda903_change ch
                 WHERE ch.child_id = ANY (CAST(:ids AS text[]))
                   AND ch.period_id IN (SELECT period_id FROM ssda903_change s
                                         WHERE s.child_id = ch.child_id AND s.kind = 'STARTED' AND s.on_date <= :last)
                 ORDER BY ch.child_id, ch.sequence
                """).param("ids", ids).param("last", year.lastDay())
                .query((ResultSet rs) -> {
                    Change change = change(rs);
                    periods.computeIfAbsent(rs.getString("child_id"), c -> new LinkedHashMap<>())
                            .computeIfAbsent(change.periodId(), p -> new ArrayList<>()).add(change);
                });
        Map<String, List<ChildFacts.Review>> reviews = new HashMap<>();
        jdbc.sql("""
                SELECT r.child_id, r.period_id, r.held_on, r.participation FROM ssda903_review r
                 WHERE r.child_id = ANY (CAST(:ids AS text[])) AND r.held_on BETWEEN :first AND :last
                """).param("ids", ids).param("first", year.firstDay()).param("last", year.lastDay())
                .query((ResultSet rs) -> {
                    reviews.computeIfAbsent(rs.getString("child_id"), c -> new ArrayList<>())
                            .add(new ChildFacts.Review(rs.getString("period_id"), rs.getDate("held_on").toLocalDate(),
                                    rs.getString("participation")));
                });
        Map<String, Characteristics> answers = characteristics.ofChildren(Arrays.asList(ids));
        List<ChildFacts> children = new ArrayList<>();
        for (Row row : rows) {
            children.add(new ChildFacts(row.childId(), row.localIdentifier(), row.dateOfBirth(),
                    answers.get(row.childId()), periods.getOrDefault(row.childId(), Map.of()),
                    reviews.getOrDefault(row.childId(), List.of())));
        }
        return children;
    }

    private static Change change(ResultSet rs) throws SQLException {
        Boolean carer = rs.getObject("carer_changed") == null ? null : rs.getBoolean("carer_changed");
        return new Change(rs.getString("period_id"), Change.Kind.valueOf(rs.getString("kind")),
                rs.getDate("on_date").toLocalDate(), rs.getString("legal_status"), rs.getString("placement"), carer,
                rs.getString("reason_ended"));
    }
}
