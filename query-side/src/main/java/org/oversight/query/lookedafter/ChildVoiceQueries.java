package org.oversight.query.lookedafter;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.oversight.events.lookedafter.AdvocacyStep;
import org.oversight.events.lookedafter.ChildChairing;
import org.oversight.events.lookedafter.ParentalResponsibility;
import org.oversight.events.lookedafter.ParentsWishesOutcome;
import org.oversight.query.directory.StaffDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@link ChildVoiceProjection}'s tables into a child's {@link ChildVoiceRecord}. */
@Component
public class ChildVoiceQueries {

    private final JdbcClient jdbc;
    private final StaffDirectory directory;

    public ChildVoiceQueries(JdbcClient jdbc, StaffDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    public ChildVoiceRecord record(String childId) {
        Function<String, String> name = username -> directory.displayName(username).orElse(username);
        List<ChildVoiceRecord.Advocacy> advocacy = jdbc.sql("""
                SELECT step_on, step, iro_id FROM looked_after_advocacy
                 WHERE child_id = :child ORDER BY step_on DESC, sequence DESC
                """).param("child", childId)
                .query((rs, i) -> new ChildVoiceRecord.Advocacy(rs.getObject(1, java.time.LocalDate.class),
                        AdvocacyStep.valueOf(rs.getString(2)), name.apply(rs.getString(3))))
                .list();
        List<ChildVoiceRecord.ParentsWishes> wishes = jdbc.sql("""
                SELECT sought_on, whose, outcome, iro_id FROM looked_after_parents_wishes
                 WHERE child_id = :child ORDER BY sought_on DESC, sequence DESC
                """).param("child", childId)
                .query((rs, i) -> new ChildVoiceRecord.ParentsWishes(rs.getObject(1, java.time.LocalDate.class),
                        ParentalResponsibility.valueOf(rs.getString(2)), ParentsWishesOutcome.valueOf(rs.getString(3)),
                        name.apply(rs.getString(4))))
                .list();
        List<ChildVoiceRecord.Chairing> chairing = jdbc.sql("""
                SELECT review_id, chairing FROM looked_after_child_chairing WHERE child_id = :child ORDER BY review_id
                """).param("child", childId)
                .query((rs, i) -> new ChildVoiceRecord.Chairing(rs.getString(1),
                        ChildChairing.valueOf(rs.getString(2))))
                .list();
        List<ChildVoiceRecord.Meeting> meetings = jdbc.sql("""
                SELECT meeting_id, held_on, meeting_type, meeting_title, attendee_roles, outcome, iro_id
                  FROM looked_after_meeting WHERE child_id = :child ORDER BY held_on DESC, meeting_id
                """).param("child", childId)
                .query((rs, i) -> new ChildVoiceRecord.Meeting(rs.getString(1),
                        rs.getObject(2, java.time.LocalDate.class), rs.getString(3), rs.getString(4),
                        roles(rs.getArray(5)), rs.getString(6), name.apply(rs.getString(7))))
                .list();
        return new ChildVoiceRecord(advocacy, wishes, chairing, meetings);
    }

    private static List<String> roles(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
