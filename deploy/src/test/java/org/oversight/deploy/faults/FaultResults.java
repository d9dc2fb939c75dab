package org.oversight.deploy.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each scenario's figures, written as it ends to {@code results.md} and {@code results.json} in
 * {@code target/faults} and in the suite's run directory, so that a scenario that fails later leaves the
 * earlier ones' figures behind.
 */
final class FaultResults {

    private static final Map<String, Map<String, Object>> SCENARIOS = new LinkedHashMap<>();

    private FaultResults() {
    }

    static synchronized void record(String scenario, Map<String, Object> figures) throws IOException {
        SCENARIOS.put(scenario, figures);
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("written", Instant.now().toString());
        all.put("cores", Runtime.getRuntime().availableProcessors());
        all.put("scenarios", SCENARIOS);
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(all);
        StringBuilder md = new StringBuilder("# Fault suite results\n\nWritten " + all.get("written") + " on "
                + all.get("cores") + " cores.\n");
        for (var entry : SCENARIOS.entrySet()) {
            md.append("\n## ").append(entry.getKey()).append("\n\n| figure | value |\n|---|---|\n");
            entry.getValue().forEach((name, value) -> md.append("| ").append(name).append(" | ")
                    .append(String.valueOf(value).replace("|", "/")).append(" |\n"));
        }
        for (Path dir : new Path[] {Path.of("target", "faults"),
                Path.of(System.getProperty("oversight.faults.run-dir", "/tmp/oversight-faults"))}) {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("results.json"), json);
            Files.writeString(dir.resolve("results.md"), md);
        }
    }
}
