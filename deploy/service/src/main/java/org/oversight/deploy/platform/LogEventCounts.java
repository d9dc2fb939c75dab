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
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The count of log events written, by level, under the name and tag Spring Boot's own binder gives it ({@code
 * logback.events}, {@code level}), so that what operators read and alert on is unchanged.
 *
 * <p>Spring Boot's binder counts in a logback turbo filter, and logback asks every turbo filter before answering
 * each {@code isDebugEnabled} or {@code isTraceEnabled}, which the frameworks ask many times a request: about one
 * and a half per cent of a command's processor time, for events almost none of which are written. These counts are
 * kept by an appender on the root logger instead, which only events written reach.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(LoggerContext.class)
public class LogEventCounts {

    /** Takes the place of Spring Boot's binder, which stands aside for a bean of its type. */
    @Bean
    LogbackMetrics logbackMetrics() {
        return new CountingAppenderMetrics();
    }

    /**
     * Binds an appender that counts, rather than a turbo filter. A reset of logback's configuration stops and
     * detaches every appender, so the counting one is started and attached again after each; closing the context
     * takes it off for good.
     */
    static final class CountingAppenderMetrics extends LogbackMetrics {

        private volatile CountingAppender appender;
        private volatile LoggerContextListener reattach;

        @Override
        public void bindTo(MeterRegistry registry) {
            if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
                return;
            }
            CountingAppender counting = new CountingAppender(registry);
            counting.setContext(context);
            counting.setName("oversight-log-event-counts");
            attach(context, counting);
            LoggerContextListener listener = new ReattachAfterReset(counting);
            context.addListener(listener);
            appender = counting;
            reattach = listener;
        }

        private static void attach(LoggerContext context, CountingAppender counting) {
            counting.start();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(counting);
        }

        @Override
        public void close() {
            super.close();
            CountingAppender counting = appender;
            if (counting != null && LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
                context.removeListener(reattach);
                Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
                root.detachAppender(counting);
                counting.stop();
            }
        }

        /** Puts the counting appender back once logback has been reset. */
        private record ReattachAfterReset(CountingAppender counting) implements LoggerContextListener {

            @Override
            public boolean isResetResistant() {
                return true;
            }

            @Override
            public void onReset(LoggerContext context) {
                attach(context, counting);
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
