package org.oversight.deploy.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The launcher's heap while a measurement runs, sampled twice a second with the JDK's {@code jstat}: the peak of the
 * heap in use (which garbage not yet collected raises up to the launcher's {@code -Xmx}) and the peak of the old
 * generation, where what a request keeps for long ends up. Where {@code jstat} is not available it says so.
 */
final class HeapSampler implements AutoCloseable {

    private final Process jstat;
    private final Thread reader;
    private final AtomicLong peakHeapKb = new AtomicLong();
    private final AtomicLong peakOldKb = new AtomicLong();
    private final AtomicLong samples = new AtomicLong();

    private HeapSampler(Process jstat) {
        this.jstat = jstat;
        reader = new Thread(this::read, "heap-sampler");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts sampling the process; {@code null} where the JDK has no {@code jstat}. */
    static HeapSampler start(long pid) {
        Path tool = Path.of(System.getProperty("java.home"), "bin", "jstat");
        if (!Files.isExecutable(tool)) {
            return null;
        }
        try {
            return new HeapSampler(new ProcessBuilder(tool.toString(), "-gc", String.valueOf(pid), "500")
                    .redirectErrorStream(true).start());
        } catch (IOException e) {
            return null;
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jstat.getInputStream(),
                StandardCharsets.UTF_8))) {
            String[] columns = null;
            String line;
            while ((line = lines.readLine()) != null) {
                String[] values = line.strip().split("\\s+");
                if (values.length > 0 && values[0].equals("S0C")) {
                    columns = values;
                } else if (columns != null && values.length == columns.length) {
                    sample(columns, values);
                }
            }
        } catch (IOException | RuntimeException e) {
            // the launcher has gone, or jstat could not attach: what was sampled stands
        }
    }

    private void sample(String[] columns, String[] values) {
        double heap = 0;
        double old = 0;
        for (int i = 0; i < columns.length; i++) {
            switch (columns[i]) {
                case "S0U", "S1U", "EU" -> heap += Double.parseDouble(values[i]);
                case "OU" -> {
                    old = Double.parseDouble(values[i]);
                    heap += old;
                }
                default -> {
                }
            }
        }
        peakHeapKb.accumulateAndGet((long) heap, Math::max);
        peakOldKb.accumulateAndGet((long) old, Math::max);
        samples.incrementAndGet();
    }

    Map<String, Object> result() {
        Map<String, Object> result = new LinkedHashMap<>();
        if (samples.get() == 0) {
            result.put("peak_heap", "not measurable (jstat gave no sample)");
            return result;
        }
        result.put("peak_heap_used_mb", Timings.round(peakHeapKb.get() / 1024.0));
        result.put("peak_old_generation_used_mb", Timings.round(peakOldKb.get() / 1024.0));
        result.put("heap_samples", samples.get());
        return result;
    }

    @Override
    public void close() {
        jstat.destroy();
    }
}
