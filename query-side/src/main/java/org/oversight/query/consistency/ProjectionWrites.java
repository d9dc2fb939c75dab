package org.oversight.query.consistency;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Component;

/**
 * A projection's writes for one batch of events, sent to PostgreSQL together. An event processor applies events
 * in batches, each batch one transaction; a projection that wrote each row as it handled each event would make
 * one round trip to the database per statement, and on a rebuild of a whole store the round trips, not the
 * work, would set the pace. Inside a batch, statements are kept in the order they were asked for and sent as
 * one compound statement just before the batch commits; outside a batch (a test calling a handler) each is
 * written at once. Nothing changes for readers: the rows appear when the batch commits, as before.
 *
 * <p>Only for handlers that do not read what they wrote earlier in the same batch: a handler that reads the
 * projection's own tables writes with {@code JdbcClient} directly.
 */
@Component
public class ProjectionWrites {

    /** Statements per round trip: PostgreSQL's protocol limits the parameters of one message. */
    static final int STATEMENTS_PER_TRIP = 250;

    private static final String PENDING = ProjectionWrites.class.getName() + ".pending";

    private final JdbcTemplate jdbc;
    private final Map<String, ParsedSql> parsed = new ConcurrentHashMap<>();

    public ProjectionWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A statement with named parameters ({@code :name}); {@link Write#update()} queues it. */
    public Write sql(String sql) {
        return new Write(sql);
    }

    /** One INSERT, UPDATE or DELETE and its parameters. */
    public final class Write {

        private final String sql;
        private final MapSqlParameterSource params = new MapSqlParameterSource();

        private Write(String sql) {
            this.sql = sql;
        }

        public Write param(String name, Object value) {
            params.addValue(name, value);
            return this;
        }

        /** Queues the statement for the batch's commit, or writes it now outside a batch. */
        public void update() {
            ParsedSql statement = parsed.computeIfAbsent(sql, NamedParameterUtils::parseSqlStatement);
            Pending pending = new Pending(NamedParameterUtils.substituteNamedParameters(statement, params),
                    NamedParameterUtils.buildValueArray(statement, params, null));
            if (!CurrentUnitOfWork.isStarted()) {
                send(List.of(pending));
                return;
            }
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            root.getOrComputeResource(PENDING, key -> {
                List<Pending> queued = new ArrayList<>();
                root.onPrepareCommit(u -> flush(queued));
                return queued;
            }).add(pending);
        }
    }

    private record Pending(String sql, Object[] values) {
    }

    private void flush(List<Pending> queued) {
        for (int from = 0; from < queued.size(); from += STATEMENTS_PER_TRIP) {
            send(queued.subList(from, Math.min(queued.size(), from + STATEMENTS_PER_TRIP)));
        }
        queued.clear();
    }

    /**
     * One round trip: the statements joined by semicolons, their parameters numbered in turn. The driver sends a
     * compound statement's parts in one exchange, in order, within the batch's transaction.
     */
    private void send(List<Pending> statements) {
        if (statements.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder();
        List<Object> values = new ArrayList<>();
        for (Pending statement : statements) {
            sql.append(statement.sql()).append(";\n");
            values.addAll(Arrays.asList(statement.values()));
        }
        jdbc.execute(sql.toString(), (PreparedStatement ps) -> {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value == null) {
                    ps.setNull(i + 1, Types.NULL);
                } else {
                    ps.setObject(i + 1, value);
                }
            }
            ps.execute();
            return null;
        });
    }
}
