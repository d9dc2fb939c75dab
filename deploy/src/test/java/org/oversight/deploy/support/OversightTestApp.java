package org.oversight.deploy.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
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
     * each has passed the store's head as it stood when called, none of them replaying or in error: its
     * projections then hold every event appended before.
     * Segments go at their own pace, so one child's row being there says nothing of another's.
     */
    public StreamingEventProcessor caughtUp(String processingGroup) {
        StreamingEventProcessor processor = bean(EventProcessingConfiguration.class)
                .<StreamingEventProcessor>eventProcessorByProcessingGroup(processingGroup).orElseThrow();
        long target = head();
        JdbcClient jdbc = bean(JdbcClient.class);
        Awaitility.await("processor " + processor.getName() + " past the store's head at " + target)
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> past(processor, jdbc, target, true));
        return processor;
    }

    /** The position of the store's last event when asked, -1 for an empty store. */
    private long head() {
        TrackingToken head = bean(EventStore.class).createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }

    /**
     * Waits until every streaming processor has claimed each of its segments and each has passed the store's head
     * as it stood when called, none of them in error: the projections then hold every event appended before, on
     * a service just started on a full store as after a test's own commands. (A processor that starts on an
     * existing store may still say it replays once it has caught up, so that is not asked.) Fails naming the
     * processors still behind.
     *
     * @return the head's position, which the processors passed
     */
    public long everyProcessorAtTheHead(Duration atMost) {
        long target = head();
        JdbcClient jdbc = bean(JdbcClient.class);
        Map<String, StreamingEventProcessor> processors = new TreeMap<>();
        bean(EventProcessingConfiguration.class).eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                processors.put(name, streaming);
            }
        });
        Awaitility.await("every processor past the store's head").atMost(atMost).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(processors.entrySet().stream()
                        .filter(each -> !past(each.getValue(), jdbc, target, false)).map(Map.Entry::getKey).toList())
                        .as("processors behind the store's head at %d", target).isEmpty());
        return target;
    }

    /**
     * Whether the processor holds every one of its segments and each has passed {@code position}, none of them in
     * error (a segment trying a failed batch again is not in the status until it claims it once more), and, when
     * {@code notReplaying}, none of them replaying.
     */
    private static boolean past(StreamingEventProcessor processor, JdbcClient jdbc, long position,
            boolean notReplaying) {
        long segments = jdbc.sql("SELECT count(*) FROM tokenentry WHERE processorname = :name")
                .param("name", processor.getName()).query(Long.class).single();
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return segments > 0 && status.size() == segments && status.values().stream().allMatch(
                segment -> !segment.isErrorState() && !(notReplaying && segment.isReplaying())
                        && segment.getCurrentPosition().orElse(-1) >= position);
    }

    @Override
    public void close() {
        context.close();
    }
}
