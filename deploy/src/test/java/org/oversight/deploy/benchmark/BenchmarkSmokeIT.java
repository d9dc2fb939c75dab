package org.oversight.deploy.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oversight.deploy.generator.Size;

/**
 * The benchmark harness at the demo size with tiny iteration counts: not a measurement, a guard that the one
 * benchmark command still runs end to end and writes every section of its results.
 */
class BenchmarkSmokeIT {

    @TempDir
    Path scratch;

    @AfterEach
    void forgetTheProjectionReplayedAlone() {
        System.clearProperty("oversight.benchmark.alone");
    }

    @Test
    void theBenchmarkRunsAtDemoSizeAndWritesEverySection() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path out = Path.of("target", "benchmark-smoke");
        // every part, with one projection replayed alone: each replayed alone starts the launcher again
        System.setProperty("oversight.benchmark.alone", "search");
        Path results = Benchmark.run(new Benchmark.Settings(Size.DEMO, 3, LocalDate.of(2026, 11, 23),
                scratch.resolve("postgres"), port, out, Duration.ofMillis(300), 3, Duration.ZERO, 9, 100_000, "512m",
                Benchmark.Settings.PARTS, 0.2, Set.copyOf(Benchmark.Settings.READS)));

        String written = Files.readString(results);
        assertThat(written).contains("## Machine", "## Data set", "## Targets", "## Commands", "## Append",
                "## Rebuild", "## Reads", "## Memory", "## Destroy", "## Returns");
        assertThat(written).contains("http_session", "http_bearer", "jdbc_single_row_transactions",
                "axon_to_raw_ratio", "rebuild_to_raw_ratio", "caseload_page", "escalation_dashboard",
                "chain_verification_500_events", "peak_rss_mb", "until_projections_forgot_seconds", "children_per_second",
                "iro_report_one_authority", "iro_report_all_authorities", "warm_up_commands_not_counted",
                "cpu_ms_per_command_by_kind", "projections:", "database:", "warm_up_requests: 3",
                "Due items of a rebuild worked out within a minute of the projections catching up");
        // the national SSDA903 run: every authority's three tables, with rows per authority
        assertThat(written).contains("ssda903:", "episodes_rows", "reviews_rows", "slowest_authority_seconds",
                "per_authority:");
        // the search projection replayed on its own processor, and only it
        assertThat(written).contains("## Each projection replayed on its own\n\n- search:")
                .doesNotContain("- report:\n  - events_per_second");
        assertThat(out.resolve("results.json")).exists();
        // the decision on children in care: recorded, not refused, on both paths
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        JsonNode decisions = json.path("commands").path("decision_on_a_child_in_care")
                .path("on_children_just_taken_into_care");
        for (String path : new String[] {"http_session_32_clients", "http_bearer_32_clients"}) {
            assertThat(decisions.path(path).path("count").asLong()).as(path).isPositive();
            assertThat(decisions.path(path).path("errors").asLong()).as(path).isZero();
        }
        assertThat(decisions.path("journey_events_median_after").asLong())
                .isGreaterThan(decisions.path("journey_events_median_before").asLong());
        // read from the launcher's metrics, which must have both counters
        JsonNode gaps = json.path("commands").path("event_store_gaps_during_the_points");
        assertThat(gaps.path("oversight_event_store_gap_looks_total").isIntegralNumber()).isTrue();
        assertThat(gaps.path("oversight_event_store_positions_passed_over_total").isIntegralNumber()).isTrue();
        // one authority's report is read by a QA lead of that authority alone (the kept totals' path)
        assertThat(json.path("reads").path("iro_report_one_authority").path("reader_authorities").asInt())
                .isEqualTo(1);
        // every read at size is measured: none answered as not found (the readers must be allowed to see it)
        assertThat(written).doesNotContain("not available (HTTP");
    }
}
