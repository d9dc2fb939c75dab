package org.oversight.query.search;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.oversight.query.audit.ReadLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every search, logged as a read: who searched, when, how many children it listed (and whether more matched)
 * and which, in {@code child_search_log}; and for each child listed, a read of the child's record ("listed in
 * search results") in the read log, so that a child's own trail shows every search that showed them. What was
 * searched for is never kept: the terms are personal data, and the children listed say enough.
 */
@Component
public class SearchLog {

    private final JdbcClient jdbc;
    private final ReadLog reads;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public SearchLog(JdbcClient jdbc, ReadLog reads, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Records the search and its reads together: nothing is shown that is not logged. */
    public void searched(String username, List<String> listed, boolean more) {
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO child_search_log (searched_at, username, results, more_matched, listed)
                    VALUES (:at, :username, :results, :more, :listed::text[])
                    """).param("at", Timestamp.from(clock.instant())).param("username", username)
                    .param("results", listed.size()).param("more", more)
                    .param("listed", listed.toArray(String[]::new)).update();
            for (String childId : listed) {
                reads.record(childId, ReadLog.How.SEARCH, null);
            }
        });
    }
}
