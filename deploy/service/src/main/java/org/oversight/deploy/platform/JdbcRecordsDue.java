package org.oversight.deploy.platform;

import java.time.LocalDate;
import java.util.Optional;
import org.oversight.command.childcase.RecordsDue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where a record stands in its authority's retention schedule, for the destruction decision, read from the
 * retention read model ({@code retention_child}), which works it out from the facts of every journey of the
 * child. The command service and the query services share the database, so the decision reads what the list of
 * records due shows.
 */
@Component
public class JdbcRecordsDue implements RecordsDue {

    private final JdbcClient jdbc;

    public JdbcRecordsDue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Standing> of(String childId) {
        return jdbc.sql("SELECT record_type, due_on FROM retention_child WHERE child_id = :id")
                .param("id", childId)
                .query((rs, n) -> new Standing(rs.getString(1),
                        Optional.ofNullable(rs.getObject(2, LocalDate.class))))
                .optional();
    }
}
