package org.oversight.deploy.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oversight.events.policy.PolicySettingsChanged;

/**
 * Revision 2 to 3 of {@link PolicySettingsChanged}: the settings gained the months by which a looked-after child's
 * next dental check is due and the months that stand for a school term between PEP reviews. An authority that
 * recorded its settings before these existed had set neither, so its versions read with the intervals the service
 * worked to when they were added. The numbers are written here, not read from today's defaults, so that a later
 * change of a default does not rewrite the past.
 */
final class HealthAndEducationTimescalesAdded extends JsonUpcaster {

    static final String DENTAL = "dentalCheckMonths";
    static final String PEP = "pepReviewMonths";
    static final int DENTAL_WHEN_ADDED = 6;
    static final int PEP_WHEN_ADDED = 4;

    HealthAndEducationTimescalesAdded() {
        super(PolicySettingsChanged.class, "2", "3");
    }

    @Override
    protected ObjectNode reshape(ObjectNode previous) {
        if (previous.get("settings") instanceof ObjectNode settings) {
            if (!settings.has(DENTAL)) {
                settings.put(DENTAL, DENTAL_WHEN_ADDED);
            }
            if (!settings.has(PEP)) {
                settings.put(PEP, PEP_WHEN_ADDED);
            }
        }
        return previous;
    }
}
