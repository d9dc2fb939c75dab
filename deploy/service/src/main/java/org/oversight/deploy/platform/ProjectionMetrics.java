package org.oversight.deploy.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.oversight.deploy.platform.projections.ProjectionGrouping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The projections' own metrics, cheap enough to leave on during a rebuild.
 *
 * <p>Axon's default Micrometer monitors look up a timer, a counter and a capacity gauge by tags for every event a
 * processor reads, handled or not, and parse each event's timestamp: most of a rebuild's time went there, since
 * each processor ignores most of the store. This monitor does no per-event work beyond two field writes for an
 * ignored event and a counter increment for a handled one. It keeps the gauge operators already watch,
 * {@code eventProcessor.latency} (milliseconds between an event being recorded and the processor reading it, as
 * at the last event read), and adds counts of events handled and of failures. Labelled by processor name only.
 *
 * <p>The command bus keeps Axon's monitors: one command is one timer update.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionMetrics {

    private final Map<String, ProcessorMonitor> monitors = new TreeMap<>();
    private final ProjectionGrouping.Assignment assignment;

    public ProjectionMetrics(ProjectionGrouping.Assignment assignment, MeterRegistry registry) {
        this.assignment = assignment;
        // by processor: projections read together are counted together
        assignment.processors().forEach(name -> monitors.put(name, new ProcessorMonitor(name, registry)));
        // the accounts follow every event in the command's own transaction: Axon's per-event monitors would cost
        // every command what they cost a rebuild
        monitors.put(PeopleAccounts.PROCESSOR, new ProcessorMonitor(PeopleAccounts.PROCESSOR, registry));
    }

    @Bean
    ConfigurerModule lightProcessorMonitors() {
        return configurer -> monitors.forEach((name, monitor) ->
                configurer.eventProcessing().registerMessageMonitor(name, configuration -> monitor));
    }

    /**
     * Counts a failure of the processor: a batch rolled back to be applied again, or an event set aside as a
     * dead letter (also when a retry of it fails). Reported by the processor's error handler and dead-letter
     * policy rather than by the monitor, which sees neither a failure at commit nor an event set aside.
     */
    public void failed(String processor) {
        // a projection's own failure (a dead letter) counts under the processor that reads for it
        ProcessorMonitor monitor = monitors.getOrDefault(processor, monitors.get(assignment.processorOf(processor)));
        if (monitor != null) {
            monitor.failed.increment();
        }
    }

    /** One processor's monitor; shared by its coordinator and every segment's worker. */
    static final class ProcessorMonitor implements MessageMonitor<Message<?>> {

        private final Counter handled;
        private final Counter failed;
        private final MonitorCallback callback;
        private volatile Message<?> lastRead;
        private volatile long lastReadAtMillis;

        ProcessorMonitor(String processor, MeterRegistry registry) {
            handled = Counter.builder("eventProcessor.handled").tag("processorName", processor)
                    .description("Events the projection has handled: applied, or set aside as dead letters (a batch "
                            + "applied again counts again)")
                    .register(registry);
            failed = Counter.builder("eventProcessor.failed").tag("processorName", processor)
                    .description("Failures: batches rolled back to be applied again one event at a time, and events "
                            + "set aside as dead letters (or failing again when retried)")
                    .register(registry);
            Gauge.builder("eventProcessor.latency", this, ProcessorMonitor::latencyMillis)
                    .tag("processorName", processor)
                    .description("Milliseconds from an event being recorded to the projection reading it, as at the "
                            + "last event read")
                    .register(registry);
            callback = new MonitorCallback() {
                @Override
                public void reportSuccess() {
                    handled.increment();
                }

                @Override
                public void reportFailure(Throwable cause) {
                    // counted once per failed batch by failed(), which also sees failures at commit
                }

                @Override
                public void reportIgnored() {
                    // most events are not for this projection: nothing to count
                }
            };
        }

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            lastRead = message;
            lastReadAtMillis = System.currentTimeMillis();
            return callback;
        }

        /** Worked out when scraped, so that no event's timestamp is parsed while the projection works. */
        double latencyMillis() {
            Message<?> message = lastRead;
            if (!(message instanceof EventMessage<?> event)) {
                return 0;
            }
            Instant recorded = event.getTimestamp();
            return Math.max(0, lastReadAtMillis - recorded.toEpochMilli());
        }
    }
}
