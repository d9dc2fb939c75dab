package org.oversight.deploy.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A part of the benchmark that fails is recorded with its reason and the parts after it still run: a national run
 * takes more than an hour, and one failed request must not lose the figures of everything measured after it.
 */
class BenchmarkPartsTest {

    @TempDir
    Path out;

    @Test
    void aFailedPartIsRecordedAndThePartsAfterItStillRun() throws Exception {
        Benchmark benchmark = new Benchmark(Benchmark.Settings.from(Map.of("out", out.toString(),
                "only", "reads,commands")));
        List<String> ran = new ArrayList<>();

        benchmark.part("reads", () -> {
            ran.add("reads");
            throw new IllegalStateException("The caseload answered 500");
        });
        benchmark.part("commands", () -> ran.add("commands"));
        benchmark.part("destroy", () -> ran.add("destroy"));

        assertThat(ran).containsExactly("reads", "commands");
        String results = Files.readString(out.resolve("results.json"));
        assertThat(results).contains("\"reads\"", "\"failed\"", "The caseload answered 500");
        assertThat(Files.readString(benchmark.write())).contains("## Reads", "- failed: IllegalStateException");
    }
}
