package org.oversight.deploy.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A national run of every read takes over half an hour; {@code --reads} asks only the named ones, so that one read
 * can be measured again in minutes. A name the benchmark does not know is refused before anything starts, naming
 * the ones it does.
 */
class BenchmarkReadsTest {

    @Test
    void withoutReadsEveryReadIsAsked() {
        Benchmark.Settings settings = Benchmark.Settings.from(Map.of("only", "reads"));

        assertThat(Benchmark.Settings.READS).allSatisfy(read -> assertThat(settings.asks(read)).as(read).isTrue());
    }

    @Test
    void readsAsksOnlyTheNamedReads() {
        Benchmark.Settings settings = Benchmark.Settings.from(Map.of("reads",
                "caseload_page, iro_report_all_authorities"));

        assertThat(Benchmark.Settings.READS.stream().filter(settings::asks))
                .containsExactly("caseload_page", "iro_report_all_authorities");
    }

    @Test
    void withNoReportReadAskedTheReportSetsNothingUpAndListsEachAsNotAsked() {
        // no database and no launcher: a report read not asked must touch neither
        Map<String, Object> report = ReportReads.measure(null, null, 500, "unused", read -> false);

        assertThat(report).containsOnlyKeys(ReportReads.ONE_AUTHORITY, ReportReads.ALL_AUTHORITIES,
                ReportReads.FACT_BY_FACT);
        assertThat(report.values()).allSatisfy(outcome -> assertThat(outcome).isEqualTo(Map.of("asked", false)));
    }

    @Test
    void anUnknownReadIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> Benchmark.Settings.from(Map.of("reads", "caseload_page,caseload")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got caseload")
                .hasMessageContaining("caseload_page, caseload_api, team_overdue_today");
    }
}
