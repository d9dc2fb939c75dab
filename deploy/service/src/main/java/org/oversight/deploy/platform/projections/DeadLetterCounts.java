package org.oversight.deploy.platform.projections;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many events each projection has set aside, and for how many children (or escalations, or authorities'
 * settings, where no child is named). One grouped query, kept for a second: the health endpoint and the metrics
 * scrape ask for it often, and dead letters come and go far more slowly.
 */
@Component
public class DeadLetterCounts {

    private static final long FRESH_FOR_NANOS = 1_000_000_000L;

    /** A projection's dead letters and the sequences they hold up. */
    public record Count(long deadLetters, long sequences) {
    }

    private final JdbcClient jdbc;
    private final Set<String> projections;
    private volatile Map<String, Count> counts;
    private volatile long countedAt;

    public DeadLetterCounts(JdbcClient jdbc, EventProcessorProperties processors) {
        this.jdbc = jdbc;
        this.projections = ProjectionGrouping.projections(processors);
    }

    /** The projections' names, in order. */
    public Set<String> projections() {
        return new java.util.TreeSet<>(projections);
    }

    /** Every projection's count, in name order; those with nothing set aside count zero. */
    public Map<String, Count> counts() {
        Map<String, Count> known = counts;
        if (known != null && System.nanoTime() - countedAt < FRESH_FOR_NANOS) {
            return known;
        }
        Map<String, Count> fresh = new TreeMap<>();
        projections.forEach(name -> fresh.put(name, new Count(0, 0)));
        jdbc.sql("""
                SELECT processinggroup, count(*), count(DISTINCT sequenceidentifier) FROM deadletterentry
                 GROUP BY processinggroup
                """).query((rs, i) -> Map.entry(rs.getString(1), new Count(rs.getLong(2), rs.getLong(3))))
                .list().stream()
                .filter(entry -> projections.contains(entry.getKey()))
                .forEach(entry -> fresh.put(entry.getKey(), entry.getValue()));
        counts = fresh;
        countedAt = System.nanoTime();
        return fresh;
    }

    /** Counts afresh at the next question: after a retry, which an operator expects to see at once. */
    void forget() {
        counts = null;
    }
}
