package org.oversight.deploy.platform.projections;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.config.ModuleConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.lifecycle.Phase;
import org.axonframework.springboot.EventProcessorProperties;
import org.oversight.query.consistency.ProjectionProcessors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which processor reads the event store for each projection. The projections are read together, by one processor
 * ({@value #TOGETHER}): the store is read and each event opened once for all of them, instead of once per
 * projection. Each projection keeps its own dead-letter queue, sequenced by child, its own dead-letter policy and its
 * own reset; the processor's batches, transactions, token and segments are shared.
 *
 * <p>A projection runs on a processor of its own, named after it, when
 * <ul>
 *     <li>it is listed in {@code oversight.projections.alone} (to replay it on its own: it is reset, its tables and
 *     dead letters emptied, and it reads the store from the first event while the others carry on), or</li>
 *     <li>it was last built on its own ({@code projection_processor}), or</li>
 *     <li>it has a position of its own and none recorded: a deployment upgraded from one processor per projection
 *     keeps its positions, and its projections are read together from the next full rebuild, or</li>
 *     <li>it has no position while the projections read together have one: it never saw the events they passed, so
 *     it is reset and reads the store from the first event on its own.</li>
 * </ul>
 * Otherwise it is read together. Where each projection was last built is recorded in {@code projection_processor}
 * as every node starts, under a lock shared by the nodes, before any processor starts; a full rebuild empties that
 * table with the tokens, and the projections are then read together again.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ProjectionGrouping {

    /** The processor that reads the store for every projection not on one of its own. */
    public static final String TOGETHER = "projections";

    /** Any number, the same on every node: holds the nodes' decisions about projections one after another. */
    private static final long LOCK = 0x6f76657273696768L;

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionGrouping.class);

    /** The projections: every processor configured under {@code axon.eventhandling.processors} but the shared one. */
    public static Set<String> projections(EventProcessorProperties processors) {
        Set<String> names = new TreeSet<>(processors.getProcessors().keySet());
        names.remove(TOGETHER);
        return names;
    }

    @Bean
    Assignment projectionAssignment(EventProcessorProperties processors, DataSource dataSource,
            PlatformTransactionManager transactions,
            @Value("${oversight.projections.alone:}") List<String> alone,
            ObjectProvider<FlywayMigrationInitializer> migrations) {
        // asked for while Axon is configured, before the schema would otherwise be migrated: migrated first
        migrations.getIfAvailable();
        Set<String> projections = projections(processors);
        Set<String> unknown = new TreeSet<>(alone.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        unknown.removeAll(projections);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("oversight.projections.alone names no projection: " + unknown
                    + "; the projections are " + projections);
        }
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Map<String, String> recorded = new TreeMap<>();
        jdbc.sql("SELECT projection, processor FROM projection_processor").query((row, n) -> {
            recorded.put(row.getString(1), row.getString(2));
            return null;
        }).list();
        Set<String> positioned = new TreeSet<>(
                jdbc.sql("SELECT DISTINCT processorname FROM tokenentry").query(String.class).list());
        Map<String, String> processorOf = new TreeMap<>();
        for (String projection : projections) {
            processorOf.put(projection, decide(projection, alone.stream().map(String::strip).toList(), recorded,
                    positioned));
        }
        return new Assignment(processorOf, jdbc, new TransactionTemplate(transactions));
    }

    /** Which processor reads the store for the projection (the rules in the class's description). */
    static String decide(String projection, Collection<String> alone, Map<String, String> recorded,
            Set<String> positioned) {
        if (alone.contains(projection)) {
            return projection;
        }
        if (recorded.containsKey(projection)) {
            return recorded.get(projection);
        }
        if (positioned.contains(projection) || positioned.contains(TOGETHER)) {
            return projection;
        }
        return TOGETHER;
    }

    /** Axon's event processing, each pooled processor asking only the projections that handle an event's kind. */
    @Bean
    EventProcessingModule projectionsByEventType() {
        return new ProjectionsByEventType.Module();
    }

    @Bean
    ConfigurerModule projectionsReadTogether(Assignment assignment) {
        return configurer -> {
            assignment.processorOf.forEach((projection, processor) -> {
                if (processor.equals(TOGETHER)) {
                    configurer.eventProcessing().assignProcessingGroup(projection, TOGETHER);
                }
            });
            configurer.registerModule(new ModuleConfiguration() {
                @Override
                public void initialize(Configuration configuration) {
                    // before any processor starts, so that none applies an event to a projection about to be reset
                    configuration.onStart(Phase.INBOUND_EVENT_CONNECTORS - 1,
                            () -> assignment.settle(configuration.eventProcessingConfiguration().eventProcessors()));
                }
            });
        };
    }

    /** Where each projection is read on this node, and the recording of it. */
    public static final class Assignment implements ProjectionProcessors {

        private final Map<String, String> processorOf;
        private final JdbcClient jdbc;
        private final TransactionTemplate transaction;

        Assignment(Map<String, String> processorOf, JdbcClient jdbc, TransactionTemplate transaction) {
            this.processorOf = Map.copyOf(processorOf);
            this.jdbc = jdbc;
            this.transaction = transaction;
        }

        /** Projections read by the processors named, recorded nowhere (for tests of what follows from it). */
        public static Assignment of(Map<String, String> processorOf) {
            return new Assignment(processorOf, null, null);
        }

        @Override
        public String processorOf(String projection) {
            return processorOf.getOrDefault(projection, projection);
        }

        /** Whether the processing group is one of the projections. */
        public boolean isProjection(String group) {
            return processorOf.containsKey(group);
        }

        /** The processors that read the store for projections on this node's configuration. */
        public Set<String> processors() {
            return new TreeSet<>(processorOf.values());
        }

        /** The projections each processor reads for. */
        public Set<String> projectionsOf(String processor) {
            Set<String> projections = new TreeSet<>();
            processorOf.forEach((projection, reader) -> {
                if (reader.equals(processor)) {
                    projections.add(projection);
                }
            });
            return projections;
        }

        /**
         * Records where each projection this node runs is read, resetting first any projection that is to read the
         * store from the first event on a processor of its own while it was read together (or never recorded and
         * without a position). One node at a time, so that a projection is reset once, before any node applies an
         * event to it.
         */
        void settle(Map<String, EventProcessor> running) {
            transaction.executeWithoutResult(status -> {
                jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
                Map<String, String> recorded = new TreeMap<>();
                jdbc.sql("SELECT projection, processor FROM projection_processor").query((row, n) -> {
                    recorded.put(row.getString(1), row.getString(2));
                    return null;
                }).list();
                processorOf.forEach((projection, processor) -> {
                    if (!(running.get(processor) instanceof StreamingEventProcessor streaming)) {
                        return;  // not run on this node (the command service runs none)
                    }
                    if (processor.equals(projection) && !processor.equals(recorded.get(projection))) {
                        long positions = jdbc.sql("SELECT count(*) FROM tokenentry WHERE processorname = ?")
                                .param(projection).query(Long.class).single();
                        if (TOGETHER.equals(recorded.get(projection)) || positions == 0) {
                            jdbc.sql("DELETE FROM tokenentry WHERE processorname = ?").param(projection).update();
                            streaming.resetTokens();
                            LOG.info("Projection {} is reset and reads the event store from the first event on a "
                                    + "processor of its own", projection);
                        } else {
                            LOG.info("Projection {} keeps its own position; it is read with the others from the "
                                    + "next full rebuild", projection);
                        }
                    }
                    jdbc.sql("INSERT INTO projection_processor (projection, processor) VALUES (?, ?) "
                                    + "ON CONFLICT (projection) DO UPDATE SET processor = excluded.processor")
                            .params(projection, processor).update();
                });
            });
        }
    }
}
