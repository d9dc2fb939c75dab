package org.oversight.query.conferencepapers;

import java.util.List;
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
        List<ConferencePapers.Sent> sent = jdbc.sql("""
                SELECT conference_id, paper, sent_on FROM conference_paper_sent WHERE child_id = :child
                 ORDER BY sent_on, conference_id, paper
                """).param("child", childId).query((rs, i) -> new ConferencePapers.Sent(rs.getString(1),
                ConferencePaper.valueOf(rs.getString(2)), rs.getObject(3, java.time.LocalDate.class))).list();
        List<ConferencePapers.Minutes> minutes = jdbc.sql("""
                SELECT conference_id, narrative_id, narrative_sha256, passages, withheld_passages, chair_id
                  FROM conference_minutes WHERE child_id = :child ORDER BY conference_id
                """).param("child", childId).query((rs, i) -> new ConferencePapers.Minutes(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6))).list();
        return new ConferencePapers(sent, minutes);
    }

    public PaperworkTimescales timescales(String localAuthority) {
        return new PaperworkTimescales(jdbc.sql("""
                SELECT effective_from, decisions_working_days, minutes_working_days
                  FROM conference_paperwork_timescale WHERE local_authority = :la
                """).param("la", localAuthority).query((rs, i) -> new PaperworkTimescales.Version(
                rs.getObject(1, java.time.LocalDate.class), rs.getInt(2), rs.getInt(3))).list());
    }
}
