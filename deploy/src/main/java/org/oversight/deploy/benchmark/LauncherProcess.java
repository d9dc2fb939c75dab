package org.oversight.deploy.benchmark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.oversight.deploy.embedded.EmbeddedOversight;

/**
 * The developer's all-in-one launcher ({@link EmbeddedOversight}) as its own operating-system process with a 512 MB
 * heap, on the benchmark's database, so that its resident memory can be read from {@code /proc} while it works.
 */
final class LauncherProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final AtomicLong peakRssKb = new AtomicLong();
    private final Thread sampler;

    private LauncherProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        sampler = new Thread(() -> {
            while (process.isAlive()) {
                peakRssKb.accumulateAndGet(rssKb(), Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    static LauncherProcess start(String jdbcUrl, String password, String chainKey, String dataKey, String heap,
            Path log)
            throws IOException {
        return start(jdbcUrl, password, chainKey, dataKey, heap, log, Map.of());
    }

    /** The launcher with settings of its own in its environment. */
    static LauncherProcess start(String jdbcUrl, String password, String chainKey, String dataKey, String heap,
            Path log, Map<String, String> environment)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-Daxoniq.update-checker.disabled=true");
        command.add("-Ddisable-axoniq-console-message=true");
        String classPath = System.getProperty("java.class.path");
        if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar") && isBootJar(classPath)) {
            command.add("-jar");
            command.add(classPath);
        } else {
            command.add("-cp");
            command.add(classPath);
            command.add(EmbeddedOversight.class.getName());
        }
        command.addAll(List.of("--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--server.port=" + port, "--spring.main.banner-mode=off",
                "--oversight.audit.chain-key=" + chainKey, "--spring.profiles.active=embedded,no-demo-children"));
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // in the environment rather than the arguments, which every user of the machine can list
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", password);
        builder.environment().put("OVERSIGHT_DATA_KEY_ENCRYPTION_KEY", dataKey);
        builder.environment().putAll(environment);
        Process process = builder.start();
        // an interrupted benchmark takes its launcher with it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "stop-launcher"));
        return new LauncherProcess(process, port);
    }

    private static boolean isBootJar(String jar) {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar)) {
            return file.getManifest() != null && file.getManifest().getMainAttributes().getValue("Start-Class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Waits until the health probe answers UP; returns how long start-up took. */
    Duration awaitReady(Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        HttpClient http = HttpClient.newHttpClient();
        while (System.nanoTime() - started < timeout.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The launcher exited with " + process.exitValue() + "; see its log");
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The launcher did not become ready within " + timeout);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The launcher's resident set size now, from /proc (0 where /proc is not available). */
    long rssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
        return 0;
    }

    /**
     * The processor time the launcher has used so far, user and system, in clock ticks of 10 ms (as
     * {@code /proc/<pid>/stat} counts them); 0 where {@code /proc} is not available.
     */
    long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    long peakRssKb() {
        return Math.max(peakRssKb.get(), rssKb());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        sampler.interrupt();
    }
}
