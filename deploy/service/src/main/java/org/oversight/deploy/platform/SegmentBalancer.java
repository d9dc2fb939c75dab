package org.oversight.deploy.platform;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Shares each streaming processor's segments fairly between the nodes running it. Axon's pooled processor
 * claims every unclaimed segment it can, so the first node up would otherwise keep them all. Each node
 * records a heartbeat per processor; a node holding more than its share ({@code ceil(segments / live nodes)})
 * releases the surplus for a while, and the other nodes' coordinators claim it. When a node leaves (or its
 * heartbeat ages out) the others' share grows and they claim its segments once its claims expire.
 */
@Component
@ConditionalOnProperty(name = "oversight.segment-balancing.enabled", havingValue = "true", matchIfMissing = true)
public class SegmentBalancer {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentBalancer.class);

    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final String nodeId;
    private final Duration interval;

    public SegmentBalancer(JdbcClient jdbc, EventProcessingConfiguration processing, NodeIdentity node,
            @Value("${oversight.segment-balancing.interval:PT5S}") Duration interval) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.nodeId = node.id();
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${oversight.segment-balancing.interval:PT5S}",
            initialDelayString = "${oversight.segment-balancing.interval:PT5S}")
    public void balance() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                balance(name, streaming);
            }
        });
    }

    private void balance(String name, StreamingEventProcessor processor) {
        jdbc.sql("""
                INSERT INTO processing_node (processor_name, node_id, last_seen) VALUES (:p, :n, now())
                ON CONFLICT (processor_name, node_id) DO UPDATE SET last_seen = now()
                """).param("p", name).param("n", nodeId).update();
        int liveNodes = jdbc.sql("SELECT count(*) FROM processing_node WHERE processor_name = :p "
                        + "AND last_seen > now() - make_interval(secs => :stale)")
                .param("p", name).param("stale", interval.toSeconds() * 3.0 + 1).query(Integer.class).single();
        int segments = jdbc.sql("SELECT count(*) FROM tokenentry WHERE processorname = :p")
                .param("p", name).query(Integer.class).single();
        if (liveNodes < 2 || segments == 0) {
            return;
        }
        int share = (segments + liveNodes - 1) / liveNodes;
        List<Integer> mine = processor.processingStatus().keySet().stream().sorted().toList();
        int surplus = mine.size() - share;
        for (int i = 0; i < surplus; i++) {
            int segment = mine.get(mine.size() - 1 - i);
            // long enough for the other nodes' coordinators (which look for unclaimed segments every 5 s) to claim it
            processor.releaseSegment(segment, interval.toMillis() * 3 + 10_000, TimeUnit.MILLISECONDS);
            LOG.info("Released segment {} of {} to share {} segments between {} nodes", segment, name, segments,
                    liveNodes);
        }
    }

    /** Leaving: the other nodes' share grows at once instead of after the heartbeat ages out. */
    @PreDestroy
    public void leave() {
        jdbc.sql("DELETE FROM processing_node WHERE node_id = :n").param("n", nodeId).update();
    }
}
