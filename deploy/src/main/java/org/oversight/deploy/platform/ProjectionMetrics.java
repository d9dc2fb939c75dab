package org.oversight.deploy.platform;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.springboot.EventProcessorProperties;
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
 * at the last event read), and adds counts of events handled and failed. Labelled by processor name only.
 *
 * <p>The command bus keeps Axon's monitors: one command is one timer update.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionMetrics {

    @Bean
    ConfigurerModule lightProcessorMonitors(EventProcessorProperties processors, MeterRegistry registry) {
        return configurer -> processors.getProcessors().keySet().forEach(name -> {
            ProcessorMonitor monitor = new ProcessorMonitor(name, registry);
            configurer.eventProcessing().registerMessageMonitor(name, configuration -> monitor);
        });
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
                    .description("Events the projection has applied").register(registry);
            failed = Counter.builder("eventProcessor.failed").tag("processorName", processor)
                    .description("Events whose handling failed (the batch is retried)").register(registry);
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
                    failed.increment();
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
