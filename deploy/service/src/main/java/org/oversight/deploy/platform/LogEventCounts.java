package org.oversight.deploy.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.logging.LogbackMetrics;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The count of log events written, by level, under the name and tag Spring Boot's own binder gives it ({@code
 * logback.events}, {@code level}), so that what operators read and alert on is unchanged.
 *
 * <p>Spring Boot's binder counts in a logback turbo filter, and logback asks every turbo filter before answering
 * each {@code isDebugEnabled} or {@code isTraceEnabled}, which the frameworks ask many times a request: one to two
 * per cent of a command's processor time in recordings of the request threads, for events almost none of which
 * are written. These counts are kept by an appender on the root logger instead, which only events written reach
 * (every logger here passes its events on to the root).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(LoggerContext.class)
public class LogEventCounts {

    /** Takes the place of Spring Boot's binder, which stands aside for a bean of its type. */
    @Bean
    @Conditional(LogbackInUse.class)
    LogbackMetrics logbackMetrics() {
        return new CountingAppenderMetrics((LoggerContext) LoggerFactory.getILoggerFactory());
    }

    /** Logback is the logging in use, not only on the class path. */
    static final class LogbackInUse implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return LoggerFactory.getILoggerFactory() instanceof LoggerContext;
        }
    }

    /**
     * Binds, for each registry, an appender that counts, rather than a turbo filter. A reset of logback's
     * configuration stops and detaches every appender, so each counting one is started and attached again after
     * it, as Micrometer's binder adds its filter again. A stop of logback's context drops every listener, this one
     * with Micrometer's, so counting ends there for both. Closing the application context takes them off.
     */
    static final class CountingAppenderMetrics extends LogbackMetrics {

        private final LoggerContext context;
        private final List<ReattachAfterReset> bound = new CopyOnWriteArrayList<>();

        CountingAppenderMetrics(LoggerContext context) {
            super(List.of(), context);
            this.context = context;
        }

        @Override
        public void bindTo(MeterRegistry registry) {
            CountingAppender counting = new CountingAppender(registry);
            counting.setContext(context);
            counting.setName("oversight-log-event-counts");
            ReattachAfterReset binding = new ReattachAfterReset(counting);
            binding.onReset(context);
            context.addListener(binding);
            bound.add(binding);
        }

        @Override
        public void close() {
            super.close();
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            for (ReattachAfterReset binding : bound) {
                context.removeListener(binding);
                root.detachAppender(binding.counting());
                binding.counting().stop();
            }
            bound.clear();
        }

        /** Starts the counting appender and puts it on the root logger, at first and once logback has been reset. */
        private record ReattachAfterReset(CountingAppender counting) implements LoggerContextListener {

            @Override
            public boolean isResetResistant() {
                return true;
            }

            @Override
            public void onReset(LoggerContext context) {
                counting.start();
                context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(counting);
            }

            @Override
            public void onStart(LoggerContext context) {
            }

            @Override
            public void onStop(LoggerContext context) {
            }

            @Override
            public void onLevelChange(Logger logger, Level level) {
            }
        }
    }

    /** One counter a level, increased for each event that reaches the root logger. */
    static final class CountingAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

        private final Counter error;
        private final Counter warn;
        private final Counter info;
        private final Counter debug;
        private final Counter trace;

        CountingAppender(MeterRegistry registry) {
            error = counter(registry, "error");
            warn = counter(registry, "warn");
            info = counter(registry, "info");
            debug = counter(registry, "debug");
            trace = counter(registry, "trace");
        }

        private static Counter counter(MeterRegistry registry, String level) {
            return Counter.builder("logback.events").tag("level", level)
                    .description("Number of log events that were enabled by the effective log level")
                    .baseUnit("events").register(registry);
        }

        @Override
        protected void append(ILoggingEvent event) {
            switch (event.getLevel().toInt()) {
                case Level.ERROR_INT -> error.increment();
                case Level.WARN_INT -> warn.increment();
                case Level.INFO_INT -> info.increment();
                case Level.DEBUG_INT -> debug.increment();
                case Level.TRACE_INT -> trace.increment();
                default -> { }
            }
        }
    }
}
