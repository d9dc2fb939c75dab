package org.oversight.deploy.support;

import java.io.IOException;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/** Files a test made for itself, cleared when it is done so that repeated runs do not fill the disk. */
public final class TestFiles {

    private TestFiles() {
    }

    /**
     * Deletes {@code path} and everything under it, if it is there. A file that cannot be deleted (a database
     * process still letting go of it) is left to the system's own clearing of temporary files: a test's result does
     * not depend on its tidying up.
     */
    public static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            FileSystemUtils.deleteRecursively(path);
        } catch (IOException e) {
            // left for the system to clear
        }
    }
}
