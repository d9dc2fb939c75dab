package org.oversight.deploy.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A snapshot is read only by the code that wrote it: the code is named by a digest of its compiled classes, which
 * must move with any change to them and stay put without one.
 */
class SealedSnapshotsTest {

    @Test
    void theCodeIsNamedTheSameWhileItIsTheSame() {
        String now = SealedSnapshots.codeRevision();
        assertThat(now).matches("[0-9a-f]{32}").isEqualTo(SealedSnapshots.codeRevision());
    }

    @Test
    void anyClassChangedAddedRemovedOrRenamedNamesOtherCode() {
        TreeMap<String, byte[]> release = classes("org/oversight/command/A.class", "a",
                "org/oversight/command/B.class", "b");
        String named = SealedSnapshots.digest(release);
        assertThat(SealedSnapshots.digest(classes("org/oversight/command/A.class", "a",
                "org/oversight/command/B.class", "b"))).isEqualTo(named);

        assertThat(SealedSnapshots.digest(classes("org/oversight/command/A.class", "a",
                "org/oversight/command/B.class", "c"))).as("changed").isNotEqualTo(named);
        assertThat(SealedSnapshots.digest(classes("org/oversight/command/A.class", "a",
                "org/oversight/command/B.class", "b", "org/oversight/command/C.class", ""))).as("added")
                .isNotEqualTo(named);
        assertThat(SealedSnapshots.digest(classes("org/oversight/command/A.class", "a"))).as("removed")
                .isNotEqualTo(named);
        assertThat(SealedSnapshots.digest(classes("org/oversight/command/A.class", "a",
                "org/oversight/command/D.class", "b"))).as("renamed").isNotEqualTo(named);
        // the same bytes split differently between two classes
        assertThat(SealedSnapshots.digest(classes("org/oversight/command/A.class", "ab",
                "org/oversight/command/B.class", ""))).isNotEqualTo(SealedSnapshots.digest(classes(
                "org/oversight/command/A.class", "a", "org/oversight/command/B.class", "b")));
    }

    private static TreeMap<String, byte[]> classes(String... pathsAndContents) {
        TreeMap<String, byte[]> classes = new TreeMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            classes.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return classes;
    }
}
