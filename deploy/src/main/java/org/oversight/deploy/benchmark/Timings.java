package org.oversight.deploy.benchmark;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latencies of one measurement, in nanoseconds, and what they come to. */
final class Timings {

    private long[] nanos = new long[1024];
    private int count;
    private long elapsedNanos;

    synchronized void add(long nanosTaken) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = nanosTaken;
    }

    synchronized void addAll(Timings other) {
        for (int i = 0; i < other.count; i++) {
            add(other.nanos[i]);
        }
    }

    void elapsed(long nanosElapsed) {
        this.elapsedNanos = nanosElapsed;
    }

    synchronized int count() {
        return count;
    }

    /** The given percentile (nearest rank) in milliseconds. */
    synchronized double percentileMillis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    double perSecond() {
        return elapsedNanos == 0 ? Double.NaN : count() * 1e9 / elapsedNanos;
    }

    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", count());
        summary.put("p50_ms", round(percentileMillis(50)));
        summary.put("p99_ms", round(percentileMillis(99)));
        summary.put("max_ms", round(percentileMillis(100)));
        if (elapsedNanos > 0) {
            summary.put("per_second", round(perSecond()));
        }
        return summary;
    }

    static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 100) / 100.0;
    }
}
