package org.oversight.deploy.support;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.oversight.deploy.embedded.EmbeddedDatabase;
import org.oversight.deploy.embedded.EmbeddedOversight;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Starts the real all-in-one application (with the embedded profile's demo people, but no demo children)
 * against a given database on a random port, as a browser or an HTTP client sees it.
 */
public final class OversightTestApp implements AutoCloseable {

    /** The event-chain key of every test application (base64 of 32 bytes). */
    public static final String TEST_CHAIN_KEY = "b3ZlcnNpZ2h0LXRlc3QtY2hhaW4ta2V5LTMyLWJ5dGVz";

    /** The key-encryption key of every test application (base64 of 32 bytes). */
    public static final String TEST_DATA_KEY = "b3ZlcnNpZ2h0LXRlc3QtZGF0YS1rZXktMzItYnl0ZXM=";

    private final ConfigurableApplicationContext context;

    private OversightTestApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static OversightTestApp start(String jdbcUrl, String... extraArguments) {
        return start((Clock) null, jdbcUrl, extraArguments);
    }

    /**
     * Starts the application with {@code clock} as its one source of "now", in place of the system clock (the
     * production {@code Clock} bean is only made when there is none), so that a test can move time on;
     * {@code null} keeps the system clock.
     */
    public static OversightTestApp start(Clock clock, String jdbcUrl, String... extraArguments) {
        return start(clock, false, jdbcUrl, extraArguments);
    }

    /** Starts the application exactly as the embedded demo does, synthetic demo children included. */
    public static OversightTestApp startWithDemoChildren(String jdbcUrl) {
        return start(null, true, jdbcUrl);
    }

    private static OversightTestApp start(Clock clock, boolean demoChildren, String jdbcUrl,
            String... extraArguments) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        SpringApplication app = new SpringApplication(EmbeddedOversight.class);
        if (demoChildren) {
            app.setAdditionalProfiles(EmbeddedDatabase.PROFILE);
        } else {
            app.setAdditionalProfiles(EmbeddedDatabase.PROFILE, "no-demo-children");
        }
        if (clock != null) {
            app.addInitializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
        }
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--oversight.audit.chain-key=" + TEST_CHAIN_KEY,
                "--oversight.data.key-encryption-key=" + TEST_DATA_KEY,
                // the fewest events the service allows between snapshots, so that every test whose journeys grow
                // past ten events decides from a snapshot, as a long-known child's decisions do
                "--oversight.snapshots.every-events=10"));
        for (String argument : extraArguments) {
            // a test that names its own setting (a chain key for a rotation, say) replaces the default rather
            // than adding to it
            String setting = argument.substring(0, argument.indexOf('=') + 1);
            if (!setting.isEmpty()) {
                args.removeIf(given -> given.startsWith(setting));
            }
            args.add(argument);
        }
        OversightTestApp started = new OversightTestApp(app.run(args.toArray(String[]::new)));
        ApiClient.forgetTokens(started.baseUrl());
        return started;
    }

    public String baseUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * The processor holding {@code processingGroup}, returned once it has claimed every one of its segments and
     * each has passed the store's last event, none of them replaying: its projections then hold the whole store.
     * Segments go at their own pace, so one child's row being there says nothing of another's.
     */
    public StreamingEventProcessor caughtUp(String processingGroup) {
        StreamingEventProcessor processor = bean(EventProcessingConfiguration.class)
                .<StreamingEventProcessor>eventProcessorByProcessingGroup(processingGroup).orElseThrow();
        JdbcClient jdbc = bean(JdbcClient.class);
        Awaitility.await("processor " + processor.getName() + " past the store's last event")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> pastTheLastEvent(processor, jdbc, true));
        return processor;
    }

    /**
     * Waits until every segment of every streaming processor has passed the store's last event: a service started
     * on a store already full of generated histories, before a test reads its projections. (A processor that starts
     * on an existing store may still say it replays once it has caught up, so that is not asked.)
     */
    public void everyProcessorCaughtUp(Duration atMost) {
        JdbcClient jdbc = bean(JdbcClient.class);
        List<StreamingEventProcessor> processors = bean(EventProcessingConfiguration.class).eventProcessors()
                .values().stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).toList();
        Awaitility.await("every processor past the store's last event").atMost(atMost)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> processors.stream().allMatch(processor -> pastTheLastEvent(processor, jdbc, false)));
    }

    /**
     * Whether each segment has passed the store's last event. {@code caughtUp}: the processor must have claimed its
     * segments and be replaying none; otherwise a processor without segments passes, and none may be in error.
     */
    private static boolean pastTheLastEvent(StreamingEventProcessor processor, JdbcClient jdbc, boolean caughtUp) {
        long last = jdbc.sql("SELECT coalesce(max(globalindex), -1) FROM domainevententry")
                .query(Long.class).single();
        long segments = jdbc.sql("SELECT count(*) FROM tokenentry WHERE processorname = :name")
                .param("name", processor.getName()).query(Long.class).single();
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return (segments > 0 || !caughtUp) && status.size() == segments && status.values().stream().allMatch(
                segment -> (caughtUp ? !segment.isReplaying() : !segment.isErrorState())
                        && segment.getCurrentPosition().orElse(-1) >= last);
    }

    @Override
    public void close() {
        context.close();
    }
}
