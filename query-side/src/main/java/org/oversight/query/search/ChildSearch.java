package org.oversight.query.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.oversight.events.access.Decision;
import org.oversight.events.access.Person;
import org.oversight.query.child.ChildSummary;
import org.oversight.query.child.Children;
import org.oversight.query.directory.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds children by name, date of birth and identifier among those the person may see, best match first. Names
 * are compared by trigram similarity (PostgreSQL's {@code pg_trgm}) of their {@link NameKey}s, whole name either
 * way round and each part alone, or by the start of any of them, so a misspelt, partly typed or reordered name
 * still finds the child. Every search is logged with the children it listed ({@link SearchLog}).
 */
@Component
public class ChildSearch {

    /** The most children a search lists: enough to pick from, too few to browse the register. */
    public static final int SHOWN = 25;
    /** How alike two names must be (0 to 1) for one to find the other; "Rowen Acess" and "Rowan Access" score 0.44. */
    static final double ALIKE = 0.3;
    /** Candidates read for each search: the rules may yet withhold some of them. */
    private static final int CANDIDATES = 2 * SHOWN;

    /**
     * The children a person may find: those of the authorities they work for. A restricted record is found only
     * by the people named on it: the access rules asked of every candidate withhold it already, and when the
     * restrictions have a table it joins here (with the searcher's username), so that withheld records do not take
     * up the candidates.
     */
    private static final String VISIBLE = "c.local_authority IN (:authorities)";

    private static final String SCORE = """
            GREATEST(similarity(n.given_key || n.family_key, :name), similarity(n.family_key || n.given_key, :name),
                     similarity(n.given_key, :name), similarity(n.family_key, :name))""";
    private static final String STARTS = """
            (n.given_key LIKE :prefix OR n.family_key LIKE :prefix OR (n.given_key || n.family_key) LIKE :prefix
             OR (n.family_key || n.given_key) LIKE :prefix)""";

    private final JdbcClient jdbc;
    private final SearchScope scope;
    private final SearchLog log;
    private final StaffDirectory directory;
    private final Children children;

    public ChildSearch(JdbcClient jdbc, SearchScope scope, SearchLog log, StaffDirectory directory,
            Children children) {
        this.jdbc = jdbc;
        this.scope = scope;
        this.log = log;
        this.directory = directory;
        this.children = children;
    }

    /** Searches as the signed-in person, and logs the search. */
    public SearchResults search(SearchTerms terms) {
        return search(terms, scope::toRead);
    }

    /**
     * Searches as the signed-in person among the children whose subject access requests they may read, and logs
     * the search: a data officer, who never reads a child's record, reaches the child's requests this way.
     */
    public SearchResults searchForSubjectAccess(SearchTerms terms) {
        return search(terms, scope::toReadSubjectAccess);
    }

    private SearchResults search(SearchTerms terms, BiFunction<Person, String, Decision> rule) {
        Person person = scope.searcher();
        List<FoundChild> found = new ArrayList<>();
        boolean more = false;
        Map<String, String> authorityNames = directory.localAuthorities();
        for (Candidate candidate : candidates(terms, person)) {
            Decision decision = rule.apply(person, candidate.childId());
            if (!decision.allowed()) {
                continue;
            }
            if (found.size() == SHOWN) {
                more = true;
                break;
            }
            found.add(new FoundChild(candidate.childId(), candidate.name(), candidate.dateOfBirth(),
                    candidate.expectedDateOfDelivery(), candidate.localAuthority(),
                    authorityNames.getOrDefault(candidate.localAuthority(), candidate.localAuthority()),
                    candidate.localIdentifier(), List.of(), decision == Decision.ALLOW_WITH_REASON));
        }
        List<FoundChild> withChairs = withChairs(found);
        log.searched(person.username(), withChairs.stream().map(FoundChild::childId).toList(), more);
        return new SearchResults(withChairs, more);
    }

    private record Candidate(String childId, String name, LocalDate dateOfBirth, LocalDate expectedDateOfDelivery,
            String localAuthority, String localIdentifier) {
    }

    private List<Candidate> candidates(SearchTerms terms, Person person) {
        if (person.authorities().isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder(VISIBLE);
        if (terms.dateOfBirth() != null) {
            where.append("""
                     AND (c.date_of_birth = :born OR (c.date_of_birth IS NULL AND c.expected_date_of_delivery = :born))""");
        }
        if (terms.identifier() != null) {
            where.append(terms.caseId() == null ? " AND upper(c.local_identifier) = :identifier"
                    : " AND (upper(c.local_identifier) = :identifier OR c.child_id = :caseId)");
        }
        String sql = """
                SELECT * FROM (
                    SELECT c.child_id, c.given_name, c.family_name, c.date_of_birth, c.expected_date_of_delivery,
                           c.local_authority, c.local_identifier, %s AS score, %s AS starts
                      FROM child_search_child_copy c %s
                     WHERE %s) candidate
                 WHERE %s
                 ORDER BY score DESC, family_name, given_name, child_id
                 LIMIT :limit
                """.formatted(terms.byName() ? SCORE : "1.0", terms.byName() ? STARTS : "TRUE",
                terms.byName() ? "JOIN child_search_name n ON n.child_id = c.child_id" : "", where,
                terms.byName() ? "score >= :alike OR starts" : "TRUE");
        JdbcClient.StatementSpec query = jdbc.sql(sql).param("authorities", List.copyOf(person.authorities()))
                .param("limit", CANDIDATES);
        if (terms.byName()) {
            query = query.param("name", terms.nameKey()).param("prefix", terms.nameKey() + "%").param("alike", ALIKE);
        }
        if (terms.dateOfBirth() != null) {
            query = query.param("born", terms.dateOfBirth());
        }
        if (terms.identifier() != null) {
            query = query.param("identifier", terms.localIdentifier());
            if (terms.caseId() != null) {
                query = query.param("caseId", terms.caseId());
            }
        }
        return query.query(ChildSearch::candidate).list();
    }

    private static Candidate candidate(ResultSet rs, int row) throws SQLException {
        return new Candidate(rs.getString("child_id"), rs.getString("given_name") + " " + rs.getString("family_name"),
                rs.getObject("date_of_birth", LocalDate.class), rs.getObject("expected_date_of_delivery", LocalDate.class),
                rs.getString("local_authority"), rs.getString("local_identifier"));
    }

    private List<FoundChild> withChairs(List<FoundChild> found) {
        if (found.isEmpty()) {
            return found;
        }
        Map<String, List<ChildSummary.Allocation>> chairs = children.allocations(
                found.stream().map(FoundChild::childId).toList());
        return found.stream().map(f -> new FoundChild(f.childId(), f.name(), f.dateOfBirth(),
                f.expectedDateOfDelivery(), f.localAuthority(), f.localAuthorityName(), f.localIdentifier(),
                chairs.getOrDefault(f.childId(), List.of()).stream()
                        .map(a -> new FoundChild.Chair(a.role().name(), a.chairName())).toList(),
                f.reasonNeeded())).toList();
    }
}
