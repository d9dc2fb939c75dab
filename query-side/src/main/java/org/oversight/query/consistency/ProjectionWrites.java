package org.oversight.query.consistency;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 *
 * <p>Within a batch, single-row inserts of the same text ({@code INSERT INTO t (...) VALUES (:a, NULL, :b)}, with
 * or without {@code ON CONFLICT DO NOTHING}) are sent as one statement of many rows, at the place of the first, so that
 * PostgreSQL runs one statement where a rebuild would have asked for hundreds (a registration writes a row of the
 * child into a dozen tables). A later row may join an earlier one only while no statement queued between them names
 * the table, and only into a table that no foreign key, trigger, view or function ties to others: then moving the
 * row earlier changes nothing any statement reads or writes, and the rows end as they would have sent one by one.
 */
@Component
public class ProjectionWrites {

    /** Statements per round trip, a merged insert counting as one. */
    static final int STATEMENTS_PER_TRIP = 250;

    /** Parameters per round trip: the driver sends at most 65,535 for one prepared statement, compound or not. */
    static final int PARAMETERS_PER_TRIP = 60_000;

    /** Parameters of one statement of many rows: below PostgreSQL's limit for one statement (65,535). */
    static final int MOST_PARAMETERS_MERGED = 30_000;

    private static final String BATCH = ProjectionWrites.class.getName() + ".batch";

    private final JdbcTemplate jdbc;
    private final Map<String, Statement> statements = new ConcurrentHashMap<>();
    private final AtomicLong rowsMerged = new AtomicLong();
    private volatile Set<String> mergeableTables;

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
            Statement statement = statement(sql);
            Pending pending = new Pending(statement,
                    NamedParameterUtils.substituteNamedParameters(statement.parsed(), params),
                    NamedParameterUtils.buildValueArray(statement.parsed(), params, null));
            if (!CurrentUnitOfWork.isStarted()) {
                send(List.of(pending));
                return;
            }
            queue(batch(), pending);
        }
    }

    /**
     * Adds a write to the batch: as a further row of the same insert queued earlier, if nothing queued since names
     * its table; otherwise at the end, and then no row of a table it names joins an insert queued before it.
     */
    private void queue(Batch batch, Pending pending) {
        if (pending.mergeable) {
            Pending earlier = batch.open.get(pending.text);
            if (earlier != null && earlier.parameters() + pending.parameters() <= MOST_PARAMETERS_MERGED) {
                earlier.addRowOf(pending);
                rowsMerged.incrementAndGet();
                return;
            }
        }
        if (!batch.open.isEmpty()) {
            Set<String> names = pending.statement.names();
            batch.open.values().removeIf(open -> names.contains(open.statement.shape().table()));
        }
        batch.queued.add(pending);
        if (pending.mergeable) {
            batch.open.put(pending.text, pending);
        }
    }

    /** How many rows have been sent as part of an earlier row's insert since the start. */
    public long rowsMerged() {
        return rowsMerged.get();
    }

    private Statement statement(String sql) {
        Statement known = statements.get(sql);
        if (known != null) {
            return known;
        }
        ParsedSql named = NamedParameterUtils.parseSqlStatement(sql);
        Statement statement = Statement.of(named, NamedParameterUtils.substituteNamedParameters(named,
                new MapSqlParameterSource()), mergeableTables());
        statements.putIfAbsent(sql, statement);
        return statement;
    }

    /**
     * The tables whose inserts may be sent together: those of the current schema that nothing ties to another
     * table, so that a row written earlier than asked touches nothing but its own table and no statement reads it
     * without naming it. Not a table with a foreign key either way or a trigger of its own, nor one a view reads,
     * nor one whose name appears in any function of the schema (a trigger's on another table, say).
     */
    private Set<String> mergeableTables() {
        Set<String> tables = mergeableTables;
        if (tables == null) {
            tables = Set.copyOf(jdbc.queryForList("""
                    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE n.nspname = current_schema() AND c.relkind = 'r'
                       AND NOT EXISTS (SELECT 1 FROM pg_constraint k
                                        WHERE k.contype = 'f' AND (k.conrelid = c.oid OR k.confrelid = c.oid))
                       AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND NOT t.tgisinternal)
                       AND NOT EXISTS (SELECT 1 FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid
                                        WHERE d.classid = 'pg_rewrite'::regclass AND d.refobjid = c.oid
                                          AND r.ev_class <> c.oid)
                       AND NOT EXISTS (SELECT 1 FROM pg_proc p
                                        WHERE p.pronamespace = n.oid AND p.prosrc ~* ('\\m' || c.relname || '\\M'))
                    """, String.class));
            mergeableTables = tables;
        }
        return tables;
    }

    /**
     * A statement as written: its named parameters, its text with them as {@code ?}, the names it uses (tables and
     * columns alike, lower case), and, for a single-row insert of parameters and constants alone (NULL, TRUE,
     * FALSE) into a mergeable table, how to write it for many rows.
     */
    private record Statement(ParsedSql parsed, String text, Set<String> names, Shape shape) {

        private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_$]*");
        private static final Pattern INSERT = Pattern.compile("\\s*(insert\\s+into\\s+([a-z_][a-z0-9_]*)\\s*\\([^()]*\\)"
                + "\\s*values\\s*)(\\(\\s*(?:\\?|null|true|false)(?:\\s*,\\s*(?:\\?|null|true|false))*\\s*\\))"
                + "(\\s*(?:on\\s+conflict\\s*(?:\\([^()]*\\)\\s*)?do\\s+nothing)?\\s*)", Pattern.CASE_INSENSITIVE);

        static Statement of(ParsedSql parsed, String text, Set<String> mergeable) {
            Set<String> names = new HashSet<>();
            Matcher name = NAME.matcher(text.toLowerCase(Locale.ROOT));
            while (name.find()) {
                names.add(name.group());
            }
            Matcher insert = INSERT.matcher(text);
            Shape shape = null;
            if (insert.matches() && mergeable.contains(insert.group(2).toLowerCase(Locale.ROOT))) {
                shape = new Shape(insert.group(2).toLowerCase(Locale.ROOT), insert.group(1), insert.group(3),
                        insert.group(4));
            }
            return new Statement(parsed, text, Set.copyOf(names), shape);
        }
    }

    /** An insert split around its one row of parameters: {@code head (row) tail}. */
    private record Shape(String table, String head, String row, String tail) {
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

    /**
     * A set of things to work on once for the batch, by name, and the work: the first call in a batch registers
     * {@code work} to run before the batch's writes are sent ({@link #beforeCommit}), given everything added to
     * the set by then, once each, in the order first added. Null outside a batch, and so for an event applied on
     * its own: the caller then does the work at once. Unlike {@link #kept}, it is not dropped before such an
     * event: it is work owed to the batch's commit, not values that event could make stale.
     */
    @SuppressWarnings("unchecked")
    public <T> Set<T> owedAtCommit(String name, Consumer<List<T>> work) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        Batch batch = batch();
        return (Set<T>) batch.owed.computeIfAbsent(name, key -> {
            Set<T> owed = new LinkedHashSet<>();
            batch.beforeCommit.add(() -> {
                while (!owed.isEmpty()) {
                    List<T> items = List.copyOf(owed);
                    owed.clear();
                    work.accept(items);
                }
            });
            return owed;
        });
    }

    /** What a batch has queued: its writes, and the tasks to run before they are sent at its commit. */
    private static final class Batch {
        final List<Pending> queued = new ArrayList<>();
        /** The inserts a later row of the same text may still join, by their text. */
        final Map<String, Pending> open = new HashMap<>();
        final List<Runnable> beforeCommit = new ArrayList<>();
        /** What the projections keep for the batch, by name ({@link #kept}). */
        final Map<String, Map<String, ?>> kept = new HashMap<>();
        /** What the batch owes its commit, by name ({@link #owedAtCommit}). */
        final Map<String, Set<?>> owed = new HashMap<>();

        void sent() {
            queued.clear();
            open.clear();
        }
    }

    private Batch batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch();
            root.onPrepareCommit(u -> commit(batch));
            return batch;
        });
    }

    /**
     * Readies the current batch for an event applied on its own in its middle (after a failed batch), which writes
     * at once and sees nothing of the batch: what the batch has queued so far is sent now, in order, so that the
     * event finds before it what the batch's earlier events asked for; and what the batch keeps ({@link #kept}) is
     * dropped, since the event may change what it holds and cannot reach it. The batch's tasks stay for its commit.
     */
    public void sendQueuedAndDropKept() {
        Batch batch = currentBatch();
        if (batch == null) {
            return;
        }
        if (!batch.queued.isEmpty()) {
            flush(batch.queued);
            batch.sent();
        }
        batch.kept.values().forEach(Map::clear);
    }

    /**
     * A map a projection keeps for the batch being applied, by name: values it read once and reuses for the rest
     * of the batch, and changes as the batch's own events change them. Null outside a batch, and so for an event
     * applied on its own, which reads afresh. Dropped before such an event ({@link #sendQueuedAndDropKept}).
     */
    @SuppressWarnings("unchecked")
    public <V> Map<String, V> kept(String name) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return (Map<String, V>) batch().kept.computeIfAbsent(name, key -> new HashMap<>());
    }

    /** The batch's tasks (and any a task adds), then its writes, all while the batch is still the current one. */
    private void commit(Batch batch) {
        while (!batch.beforeCommit.isEmpty()) {
            List<Runnable> tasks = new ArrayList<>(batch.beforeCommit);
            batch.beforeCommit.clear();
            tasks.forEach(Runnable::run);
        }
        flush(batch.queued);
        batch.sent();
    }

    /** A query with named parameters ({@code :name}), sent after the writes queued before it. */
    public Read read(String sql) {
        return new Read(sql);
    }

    /**
     * One SELECT and its parameters. Inside a batch, the writes queued so far go first in the same round trip
     * (in as many more before it as the queue needs, {@link #trips}), so the read sees them; outside a batch
     * nothing is queued and it is read at once.
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
            ParsedSql statement = statement(sql).parsed();
            String text = NamedParameterUtils.substituteNamedParameters(statement, params);
            Object[] values = NamedParameterUtils.buildValueArray(statement, params, null);
            Batch batch = currentBatch();
            if (batch == null || batch.queued.isEmpty()) {
                return jdbc.query(text, rows, values);
            }
            List<List<Pending>> trips = trips(batch.queued);
            batch.sent();
            List<Pending> last = trips.remove(trips.size() - 1);
            trips.forEach(ProjectionWrites.this::send);
            if (parameters(last) + values.length > PARAMETERS_PER_TRIP) {
                send(last);
                return jdbc.query(text, rows, values);
            }
            return sendThenRead(last, text, values, rows);
        }

        /** The first column of the first row, if there is a row and its value is not null. */
        public <T> Optional<T> optional(Class<T> type) {
            List<T> found = list(new SingleColumnRowMapper<>(type));
            return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
        }
    }

    /** The current batch, or null outside a batch or before anything was queued in it. */
    private static Batch currentBatch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        return CurrentUnitOfWork.get().root().getResource(BATCH);
    }

    /**
     * A write queued: one statement (its text with the parameters as {@code ?}, a list's expanded), or one insert and
     * the further rows that joined it.
     */
    private static final class Pending {

        private final Statement statement;
        private final String text;
        private final List<Object> values;
        /** A single-row insert into a mergeable table, with no parameter expanded into a list. */
        private final boolean mergeable;
        private int rows = 1;

        Pending(Statement statement, String text, Object[] values) {
            this.statement = statement;
            this.text = text;
            this.values = new ArrayList<>(Arrays.asList(values));
            this.mergeable = statement.shape() != null && text.equals(statement.text());
        }

        int parameters() {
            return values.size();
        }

        void addRowOf(Pending same) {
            values.addAll(same.values);
            rows++;
        }

        String sql() {
            if (rows == 1) {
                return text;
            }
            Shape shape = statement.shape();
            StringBuilder sql = new StringBuilder(shape.head().length() + rows * (shape.row().length() + 2)
                    + shape.tail().length());
            sql.append(shape.head()).append(shape.row());
            for (int row = 1; row < rows; row++) {
                sql.append(", ").append(shape.row());
            }
            return sql.append(shape.tail()).toString();
        }
    }

    private void flush(List<Pending> queued) {
        trips(queued).forEach(this::send);
        queued.clear();
    }

    /**
     * The queue cut, in order, into round trips of at most {@link #STATEMENTS_PER_TRIP} statements and {@link
     * #PARAMETERS_PER_TRIP} parameters (a merged insert never has more than that on its own).
     */
    private static List<List<Pending>> trips(List<Pending> queued) {
        List<List<Pending>> trips = new ArrayList<>();
        List<Pending> trip = new ArrayList<>();
        int parameters = 0;
        for (Pending pending : queued) {
            if (!trip.isEmpty() && (trip.size() == STATEMENTS_PER_TRIP
                    || parameters + pending.parameters() > PARAMETERS_PER_TRIP)) {
                trips.add(trip);
                trip = new ArrayList<>();
                parameters = 0;
            }
            trip.add(pending);
            parameters += pending.parameters();
        }
        if (!trip.isEmpty()) {
            trips.add(trip);
        }
        return trips;
    }

    private static int parameters(List<Pending> trip) {
        return trip.stream().mapToInt(Pending::parameters).sum();
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
    private <T> List<T> sendThenRead(List<Pending> writes, String read, Object[] readValues, RowMapper<T> rows) {
        StringBuilder sql = new StringBuilder();
        List<Object> values = new ArrayList<>();
        joined(writes, sql, values);
        sql.append(read);
        values.addAll(Arrays.asList(readValues));
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
            values.addAll(statement.values);
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
