package org.oversight.deploy.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oversight.events.policy.PolicySettingsChanged;

/**
 * Revision 3 to 4 of {@link PolicySettingsChanged}: the settings gained the child protection conference
 * timescales, the first review after a pre-birth plan (working days from the birth, or months from the conference,
 * whichever is sooner) and the transfer-in conference (working days from the other authority's notification). An
 * authority that recorded its settings before these existed had set none, so its versions read with the
 * timescales the service worked to when they were added, written here so that a later default does not rewrite
 * the past.
 */
final class ConferenceTimescalesAdded extends JsonUpcaster {

    static final String AFTER_BIRTH = "preBirthReviewAfterBirthWorkingDays";
    static final String AFTER_CONFERENCE = "preBirthReviewAfterConferenceMonths";
    static final String TRANSFER_IN = "transferInConferenceWorkingDays";
    static final int AFTER_BIRTH_WHEN_ADDED = 10;
    static final int AFTER_CONFERENCE_WHEN_ADDED = 3;
    static final int TRANSFER_IN_WHEN_ADDED = 15;

    ConferenceTimescalesAdded() {
        super(PolicySettingsChanged.class, "3", "4");
    }

    @Override
    protected ObjectNode reshape(ObjectNode previous) {
        if (previous.get("settings") instanceof ObjectNode settings) {
            if (!settings.has(AFTER_BIRTH)) {
                settings.put(AFTER_BIRTH, AFTER_BIRTH_WHEN_ADDED);
            }
            if (!settings.has(AFTER_CONFERENCE)) {
                settings.put(AFTER_CONFERENCE, AFTER_CONFERENCE_WHEN_ADDED);
            }
            if (!settings.has(TRANSFER_IN)) {
                settings.put(TRANSFER_IN, TRANSFER_IN_WHEN_ADDED);
            }
        }
        return previous;
    }
}
