package org.oversight.query.consistency;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SingleColumnRowMapper;
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
 * <p>A handler that reads what it or another wrote earlier in the same batch reads through {@link #read}: the
 * statements queued so far are sent first, in order, in the same round trip as the read, so the read sees every
 * write asked for before it, as it would had each been written at once. A handler that reads with
 * {@code JdbcClient} directly must not read tables written through this queue.
 */
@Component
public class ProjectionWrites {

    /** Statements per round trip: PostgreSQL's protocol limits the parameters of one message. */
    static final int STATEMENTS_PER_TRIP = 250;

    private static final String BATCH = ProjectionWrites.class.getName() + ".batch";

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
            batch().queued.add(pending);
        }
    }

    /**
     * Runs {@code task} once, when the batch commits, before its queued writes are sent: the task may read
     * through {@link #read} and queue more writes, which go with the rest. A projection that would otherwise
     * work something out again after each event of a group (a period's reviews refolded after each review) asks
     * for it once a batch this way. Outside a batch it runs at once.
     */
    public void beforeCommit(Runnable task) {
        if (!CurrentUnitOfWork.isStarted()) {
            task.run();
            return;
        }
        batch().beforeCommit.add(task);
    }

    /** What a batch has queued: its writes, and the tasks to run before they are sent at its commit. */
    private static final class Batch {
        final List<Pending> queued = new ArrayList<>();
        final List<Runnable> beforeCommit = new ArrayList<>();
    }

    private Batch batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            root.onPrepareCommit(u -> commit(batch));
            return batch;
        });
    }

    /** The batch's tasks (and any a task adds), then its writes, all while the batch is still the current one. */
    private void commit(Batch batch) {
        while (!batch.beforeCommit.isEmpty()) {
            List<Runnable> tasks = new ArrayList<>(batch.beforeCommit);
            batch.beforeCommit.clear();
            tasks.forEach(Runnable::run);
        }
        flush(batch.queued);
    }

    /** A query with named parameters ({@code :name}), sent after the writes queued before it. */
    public Read read(String sql) {
        return new Read(sql);
    }

    /**
     * One SELECT and its parameters. Inside a batch, the writes queued so far go first in the same round trip
     * (as many round trips more as there are whole lots of {@link #STATEMENTS_PER_TRIP} before them), so the
     * read sees them; outside a batch nothing is queued and it is read at once.
     */
    public final class Read {

        private final String sql;
        private final MapSqlParameterSource params = new MapSqlParameterSource();

        private Read(String sql) {
            this.sql = sql;
        }

        public Read param(String name, Object value) {
            params.addValue(name, value);
            return this;
        }

        public <T> List<T> list(RowMapper<T> rows) {
            ParsedSql statement = parsed.computeIfAbsent(sql, NamedParameterUtils::parseSqlStatement);
            Pending read = new Pending(NamedParameterUtils.substituteNamedParameters(statement, params),
                    NamedParameterUtils.buildValueArray(statement, params, null));
            List<Pending> queued = queued();
            if (queued == null || queued.isEmpty()) {
                return jdbc.query(read.sql(), rows, read.values());
            }
            int whole = (queued.size() / STATEMENTS_PER_TRIP) * STATEMENTS_PER_TRIP;
            if (whole == queued.size()) {
                whole -= STATEMENTS_PER_TRIP;
            }
            flush(queued.subList(0, whole));
            List<Pending> before = new ArrayList<>(queued);
            queued.clear();
            return sendThenRead(before, read, rows);
        }

        /** The first column of the first row, if there is a row and its value is not null. */
        public <T> Optional<T> optional(Class<T> type) {
            List<T> found = list(new SingleColumnRowMapper<>(type));
            return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
        }
    }

    /** The current batch's queue, or null outside a batch or before anything was queued in it. */
    private static List<Pending> queued() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        Batch batch = CurrentUnitOfWork.get().root().getResource(BATCH);
        return batch == null ? null : batch.queued;
    }

    private record Pending(String sql, Object[] values) {
    }

    private void flush(List<Pending> queued) {
        if (queued.isEmpty()) {
            return;
        }
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
        joined(statements, sql, values);
        jdbc.execute(sql.toString(), (PreparedStatement ps) -> {
            bind(ps, values);
            ps.execute();
            return null;
        });
    }

    /**
     * One round trip: the writes, then the read, as one compound statement. Each write gives one result (its
     * count of rows); the read's rows are the result after them.
     */
    private <T> List<T> sendThenRead(List<Pending> writes, Pending read, RowMapper<T> rows) {
        StringBuilder sql = new StringBuilder();
        List<Object> values = new ArrayList<>();
        joined(writes, sql, values);
        sql.append(read.sql());
        values.addAll(Arrays.asList(read.values()));
        return jdbc.execute(sql.toString(), (PreparedStatement ps) -> {
            bind(ps, values);
            ps.execute();
            for (int i = 0; i < writes.size(); i++) {
                ps.getMoreResults();
            }
            List<T> found = new ArrayList<>();
            try (ResultSet rs = ps.getResultSet()) {
                if (rs == null) {
                    throw new IllegalStateException("A read after the batch's writes gave no rows to read");
                }
                int row = 0;
                while (rs.next()) {
                    found.add(rows.mapRow(rs, row++));
                }
            }
            return found;
        });
    }

    private static void joined(List<Pending> statements, StringBuilder sql, List<Object> values) {
        for (Pending statement : statements) {
            sql.append(statement.sql()).append(";\n");
            values.addAll(Arrays.asList(statement.values()));
        }
    }

    private static void bind(PreparedStatement ps, List<Object> values) throws java.sql.SQLException {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                ps.setNull(i + 1, Types.NULL);
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }
}
