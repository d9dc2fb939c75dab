package org.oversight.deploy.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * Describes a failure for the log without its messages: a message may quote a child's details (a database
 * constraint error quotes the offending values), so only exception types and code locations are logged.
 */
public final class SafeDescription {

    private static final int FRAMES = 12;

    private SafeDescription() {
    }

    public static String of(Throwable failure) {
        List<String> lines = new ArrayList<>();
        Throwable current = failure;
        Throwable root = failure;
        while (current != null) {
            lines.add((current == failure ? "" : "caused by ") + current.getClass().getName());
            root = current;
            current = current.getCause() == current ? null : current.getCause();
        }
        StackTraceElement[] frames = root.getStackTrace();
        for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
            lines.add("    at " + frames[i]);
        }
        return String.join(System.lineSeparator(), lines);
    }
}
