package org.oversight.deploy.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where processor time goes while commands are measured: the launcher's threads by what they do (answering
 * requests, applying projections, compiling, collecting garbage, the rest), and PostgreSQL's server processes, read
 * from {@code /proc} in clock ticks of 10 ms. A reading is a snapshot; the difference of two is the time used
 * between them. Threads that end between two readings take their time with them, which is why the launcher's
 * total ({@link LauncherProcess#cpuTicks()}) is reported beside the kinds.
 */
final class ProcessorTime {

    /** The kinds of the launcher's threads, in the order they are reported. */
    static final String REQUESTS = "requests";
    static final String PROJECTIONS = "projections";
    static final String COMPILER = "compiler";
    static final String GARBAGE_COLLECTOR = "garbage_collector";
    static final String OTHER = "other";
    static final String DATABASE = "database";

    private ProcessorTime() {
    }

    /**
     * A snapshot of ticks by kind: the launcher's threads (from {@code /proc/<pid>/task}) and PostgreSQL's
     * processes (the children of the postmaster named in the data directory's {@code postmaster.pid}).
     */
    static Map<String, Long> read(long launcherPid, Path dataDir) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (String kind : new String[] {REQUESTS, PROJECTIONS, COMPILER, GARBAGE_COLLECTOR, OTHER, DATABASE}) {
            ticks.put(kind, 0L);
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(launcherPid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    ticks.merge(kindOf(name), ticksOf(Files.readString(task.resolve("stat"))), Long::sum);
                } catch (IOException | RuntimeException ended) {
                    // the thread ended while being read
                }
            });
        } catch (IOException | RuntimeException unavailable) {
            return Map.of();
        }
        ticks.put(DATABASE, databaseTicks(dataDir));
        return ticks;
    }

    /** What each kind used between two snapshots, in milliseconds per operation. */
    static Map<String, Object> perOperation(Map<String, Long> before, Map<String, Long> after, long operations) {
        Map<String, Object> spent = new LinkedHashMap<>();
        if (before.isEmpty() || after.isEmpty() || operations == 0) {
            return spent;
        }
        after.forEach((kind, ticks) -> spent.put(kind,
                Timings.round((ticks - before.getOrDefault(kind, 0L)) * 10.0 / operations)));
        return spent;
    }

    /** Thread names as the JVM, Tomcat and Axon give them, cut to 15 characters by the kernel. */
    static String kindOf(String threadName) {
        if (threadName.startsWith("http-nio")) {
            return REQUESTS;
        }
        if (threadName.startsWith("WorkPackage") || threadName.startsWith("Coordinator")
                || threadName.startsWith("EmbeddedEventSt")) {
            return PROJECTIONS;
        }
        if (threadName.contains("CompilerThre")) {
            return COMPILER;
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
            return GARBAGE_COLLECTOR;
        }
        return OTHER;
    }

    static long ticksOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long databaseTicks(Path dataDir) {
        try {
            String postmaster = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
            long total = ticksOf(Files.readString(Path.of("/proc", postmaster, "stat")));
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : (Iterable<Path>) processes::iterator) {
                    String pid = process.getFileName().toString();
                    if (!pid.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = Files.readString(process.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        if (fields[1].equals(postmaster)) {
                            total += ticksOf(stat);
                        }
                    } catch (IOException | RuntimeException ended) {
                        // the process ended while being read
                    }
                }
            }
            return total;
        } catch (IOException | RuntimeException unavailable) {
            return 0;
        }
    }
}
