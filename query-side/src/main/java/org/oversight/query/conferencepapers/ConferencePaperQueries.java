package org.oversight.query.conferencepapers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oversight.events.protection.ConferencePaper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The conference papers read model, for the child's clocks, page and documents. */
@Component
public class ConferencePaperQueries {

    private final JdbcClient jdbc;

    public ConferencePaperQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ConferencePapers of(String childId) {
        return of(java.util.Collections.singletonList(childId)).get(childId);
    }

    /** The papers of each of these children, in one query per table whatever their number, by child id. */
    public Map<String, ConferencePapers> of(Collection<String> childIds) {
        String[] ids = childIds.stream().distinct().toArray(String[]::new);
        Map<String, List<ConferencePapers.Sent>> sent = new HashMap<>();
        jdbc.sql("""
                SELECT conference_id, paper, sent_on, child_id FROM conference_paper_sent
                 WHERE child_id = ANY (:children::text[])
                 ORDER BY sent_on, conference_id, paper
                """).param("children", ids).query(rs -> {
                    sent.computeIfAbsent(rs.getString(4), id -> new ArrayList<>()).add(new ConferencePapers.Sent(
                            rs.getString(1), ConferencePaper.valueOf(rs.getString(2)),
                            rs.getObject(3, LocalDate.class)));
                });
        Map<String, List<ConferencePapers.Minutes>> minutes = new HashMap<>();
        jdbc.sql("""
                SELECT conference_id, narrative_id, narrative_sha256, passages, withheld_passages, chair_id, child_id
                  FROM conference_minutes WHERE child_id = ANY (:children::text[]) ORDER BY conference_id
                """).param("children", ids).query(rs -> {
                    minutes.computeIfAbsent(rs.getString(7), id -> new ArrayList<>()).add(
                            new ConferencePapers.Minutes(rs.getString(1), rs.getString(2), rs.getString(3),
                                    rs.getInt(4), rs.getInt(5), rs.getString(6)));
                });
        Map<String, ConferencePapers> papers = new HashMap<>();
        for (String id : ids) {
            papers.put(id, new ConferencePapers(sent.getOrDefault(id, new ArrayList<>()),
                    minutes.getOrDefault(id, new ArrayList<>())));
        }
        return papers;
    }

    public PaperworkTimescales timescales(String localAuthority) {
        return timescales(java.util.Collections.singletonList(localAuthority)).get(localAuthority);
    }

    /** {@link #timescales(String)} of each of these authorities, in one query, by authority. */
    public Map<String, PaperworkTimescales> timescales(Collection<String> localAuthorities) {
        String[] authorities = localAuthorities.stream().distinct().toArray(String[]::new);
        Map<String, List<PaperworkTimescales.Version>> versions = new HashMap<>();
        jdbc.sql("""
                SELECT effective_from, decisions_working_days, minutes_working_days, local_authority
                  FROM conference_paperwork_timescale WHERE local_authority = ANY (:las::text[])
                """).param("las", authorities).query(rs -> {
                    versions.computeIfAbsent(rs.getString(4), la -> new ArrayList<>()).add(
                            new PaperworkTimescales.Version(rs.getObject(1, LocalDate.class), rs.getInt(2),
                                    rs.getInt(3)));
                });
        Map<String, PaperworkTimescales> timescales = new HashMap<>();
        for (String authority : authorities) {
            timescales.put(authority, new PaperworkTimescales(versions.getOrDefault(authority, new ArrayList<>())));
        }
        return timescales;
    }
}
