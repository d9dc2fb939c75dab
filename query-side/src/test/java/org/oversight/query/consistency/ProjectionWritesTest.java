package org.oversight.query.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oversight.query.testing.ProjectionDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A batch's writes against a real PostgreSQL: single-row inserts of one text are sent as one statement, and the rows
 * end exactly as they would have sent one by one. A row that jumped a statement naming its table, a table tied to
 * others by a trigger or a foreign key merged, or a statement over the driver's parameter limit shows here.
 */
class ProjectionWritesTest {

    private static final String INSERT = "INSERT INTO plain (id, v) VALUES (:id, :v) ON CONFLICT (id) DO NOTHING";

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private JdbcTemplate jdbc;
    private ProjectionWrites writes;

    @BeforeEach
    void tables() {
        jdbc = new JdbcTemplate(database.dataSource());
        jdbc.execute("""
                DROP TABLE IF EXISTS plain, other, watched, watched_statements, child, parent, viewed CASCADE;
                CREATE TABLE plain (id INT PRIMARY KEY, v TEXT);
                CREATE TABLE other (id INT PRIMARY KEY, v TEXT);
                CREATE TABLE watched (id INT PRIMARY KEY, v TEXT);
                CREATE TABLE watched_statements (n INT);
                CREATE OR REPLACE FUNCTION count_statement() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO watched_statements VALUES (1);
                    RETURN NULL;
                END
                $$;
                CREATE TRIGGER watched_inserted AFTER INSERT ON watched FOR EACH STATEMENT
                    EXECUTE FUNCTION count_statement();
                CREATE TABLE parent (id INT PRIMARY KEY);
                CREATE TABLE child (id INT PRIMARY KEY, parent_id INT REFERENCES parent (id) ON DELETE CASCADE);
                CREATE TABLE viewed (id INT PRIMARY KEY);
                CREATE VIEW viewed_count AS SELECT count(*) AS n FROM viewed;
                """);
        writes = new ProjectionWrites(jdbc);
    }

    @Test
    @DisplayName("rows of one insert, with others between them, go as one statement and land as sent one by one")
    void merged() {
        long before = writes.rowsMerged();
        inOneBatch(
                () -> insert(1, "first"),
                () -> writes.sql("INSERT INTO other (id, v) VALUES (:id, NULL)").param("id", 1).update(),
                () -> insert(2, "second"),
                () -> insert(1, "the same row again, which does nothing"),
                () -> writes.sql("INSERT INTO other (id, v) VALUES (:id, NULL)").param("id", 2).update(),
                () -> insert(3, "third"));
        assertThat(writes.rowsMerged() - before).isEqualTo(4);
        assertThat(rows("plain")).containsExactly("1 first", "2 second", "3 third");
        assertThat(jdbc.queryForList("SELECT id FROM other WHERE v IS NULL ORDER BY id", Integer.class))
                .containsExactly(1, 2);
    }

    @Test
    @DisplayName("a row never moves ahead of a statement that names its table, nor of a read of it")
    void neverJumpsItsTable() {
        long before = writes.rowsMerged();
        List<Long> counted = new ArrayList<>();
        inOneBatch(
                () -> insert(1, "new"),
                () -> writes.sql("UPDATE plain SET v = 'updated'").update(),
                () -> insert(2, "new"),
                () -> counted.add(writes.read("SELECT count(*) FROM plain").optional(Long.class).orElseThrow()),
                () -> insert(3, "new"),
                () -> writes.sql("DELETE FROM plain WHERE id = :id").param("id", 3).update(),
                () -> insert(3, "again"));
        assertThat(writes.rowsMerged() - before).isZero();
        assertThat(counted).containsExactly(2L);
        assertThat(rows("plain")).containsExactly("1 updated", "2 new", "3 again");
    }

    @Test
    @DisplayName("inserts into a table with a trigger, one a trigger writes, one a view reads or one tied by a "
            + "foreign key are sent one by one")
    void tiedTablesAreNotMerged() {
        long before = writes.rowsMerged();
        inOneBatch(
                () -> writes.sql("INSERT INTO watched (id, v) VALUES (:id, :v)").param("id", 1).param("v", "a")
                        .update(),
                () -> writes.sql("INSERT INTO watched (id, v) VALUES (:id, :v)").param("id", 2).param("v", "b")
                        .update(),
                () -> writes.sql("INSERT INTO parent (id) VALUES (:id)").param("id", 1).update(),
                () -> writes.sql("INSERT INTO child (id, parent_id) VALUES (:id, :parent)").param("id", 10)
                        .param("parent", 1).update(),
                () -> writes.sql("INSERT INTO parent (id) VALUES (:id)").param("id", 2).update(),
                () -> writes.sql("INSERT INTO child (id, parent_id) VALUES (:id, :parent)").param("id", 11)
                        .param("parent", 2).update(),
                () -> writes.sql("INSERT INTO watched_statements (n) VALUES (:n)").param("n", 5).update(),
                () -> writes.sql("INSERT INTO watched_statements (n) VALUES (:n)").param("n", 6).update(),
                () -> writes.sql("INSERT INTO viewed (id) VALUES (:id)").param("id", 1).update(),
                () -> writes.sql("INSERT INTO viewed (id) VALUES (:id)").param("id", 2).update());
        assertThat(writes.rowsMerged() - before).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM watched_statements WHERE n = 1", Long.class))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM child", Long.class)).isEqualTo(2);
    }

    @Test
    @DisplayName("an upsert that updates is sent one by one: the same row twice in a batch keeps the last")
    void upsertsAreNotMerged() {
        long before = writes.rowsMerged();
        String upsert = "INSERT INTO plain (id, v) VALUES (:id, :v) ON CONFLICT (id) DO UPDATE SET v = EXCLUDED.v";
        inOneBatch(
                () -> writes.sql(upsert).param("id", 1).param("v", "first").update(),
                () -> writes.sql(upsert).param("id", 1).param("v", "last").update());
        assertThat(writes.rowsMerged() - before).isZero();
        assertThat(rows("plain")).containsExactly("1 last");
    }

    @Test
    @DisplayName("more rows than one statement may carry are split below the driver's limit, and a read sees them all")
    void manyRows() {
        int rows = 25_000;
        List<Long> counted = new ArrayList<>();
        inOneBatch(() -> {
            for (int id = 1; id <= rows; id++) {
                writes.sql("INSERT INTO other (id, v) VALUES (:id, :v)").param("id", id).param("v", "row " + id)
                        .update();
                insert(id, "row " + id);
            }
            counted.add(writes.read("SELECT count(*) FROM plain").optional(Long.class).orElseThrow());
            insert(rows + 1, "after the read");
        });
        assertThat(counted).containsExactly((long) rows);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM plain", Long.class)).isEqualTo(rows + 1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM other", Long.class)).isEqualTo(rows);
        assertThat(jdbc.queryForObject("SELECT v FROM plain WHERE id = 12345", String.class)).isEqualTo("row 12345");
    }

    @Test
    @DisplayName("before an event applied on its own in a batch, the batch's queue is sent and what it keeps dropped")
    void readiedForAnEventOnItsOwn() {
        List<String> seen = new ArrayList<>();
        inOneBatch(
                () -> {
                    writes.<String>kept("kept").put("key", "read once");
                    insert(1, "queued");
                },
                () -> {
                    writes.sendQueuedAndDropKept();
                    seen.add(String.valueOf(jdbc.queryForObject("SELECT count(*) FROM plain", Long.class)));
                    seen.add(String.valueOf(writes.<String>kept("kept").get("key")));
                    insert(2, "after");
                });
        assertThat(seen).containsExactly("1", "null");
        assertThat(writes.<String>kept("kept")).as("outside a batch").isNull();
        assertThat(rows("plain")).containsExactly("1 queued", "2 after");
    }

    @Test
    @DisplayName("what a batch owes its commit is worked on once, at the commit, before the queued writes are "
            + "sent, each item once in the order first added, and is kept across an event applied on its own")
    void owedAtTheCommit() {
        List<List<Integer>> worked = new ArrayList<>();
        List<String> seenAtWork = new ArrayList<>();
        Consumer<List<Integer>> work = items -> {
            worked.add(items);
            seenAtWork.add(String.valueOf(jdbc.queryForObject("SELECT count(*) FROM plain", Long.class)));
            items.forEach(id -> insert(id, "worked"));
        };
        inOneBatch(
                () -> {
                    writes.owedAtCommit("owed", work).add(3);
                    insert(2, "queued");
                },
                () -> {
                    writes.sendQueuedAndDropKept();
                    writes.owedAtCommit("owed", work).add(1);
                    insert(4, "queued");
                },
                () -> {
                    writes.owedAtCommit("owed", work).add(3);
                    assertThat(worked).as("nothing worked on before the commit").isEmpty();
                });
        assertThat(worked).containsExactly(List.of(3, 1));
        // the first queued row was sent before the event on its own; the second waits for the work
        assertThat(seenAtWork).as("rows in the table when the work ran").containsExactly("1");
        assertThat(rows("plain")).containsExactly("1 worked", "2 queued", "3 worked", "4 queued");
        assertThat(writes.<Integer>owedAtCommit("owed", work)).as("outside a batch").isNull();
    }

    private void insert(int id, String v) {
        writes.sql(INSERT).param("id", id).param("v", v).update();
    }

    /** Each step handled as an event of one batch, as a processor applies them. */
    private static void inOneBatch(Runnable... steps) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            events.add(GenericEventMessage.asEventMessage(i));
        }
        Consumer<Integer> apply = i -> steps[i].run();
        new BatchingUnitOfWork<>(events).execute(() -> apply.accept((Integer) CurrentUnitOfWork.get().getMessage()
                .getPayload()));
    }

    private List<String> rows(String table) {
        return jdbc.queryForList("SELECT id || ' ' || v FROM " + table + " ORDER BY id", String.class);
    }
}
