package org.oversight.command.protection;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Identifiers of what a child protection plan holds between conferences. */
final class PlanIds {

    private PlanIds() {
    }

    /** An action is agreed at a conference, in the order the chair listed it there: the pair names it for good. */
    static String actionOf(String childId, String conferenceId, int position) {
        String key = "oversight-protection-action|" + childId + "|" + conferenceId + "|" + position;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
