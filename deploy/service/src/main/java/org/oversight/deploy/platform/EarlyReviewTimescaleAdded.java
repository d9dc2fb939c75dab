package org.oversight.deploy.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.oversight.events.policy.PolicySettingsChanged;
import org.oversight.events.revisions.EventRevisions;

/**
 * Revision 1 to 2 of {@link PolicySettingsChanged}: the settings gained the working days from the IRO's
 * early-review request by which the review is held. An authority that recorded its settings before the timescale
 * existed had set none, so its versions read with the default every authority worked to until then. The number is
 * written here rather than read from today's defaults: a later change of the default must not rewrite the past.
 */
final class EarlyReviewTimescaleAdded extends JsonUpcaster {

    static final String FIELD = "earlyReviewWorkingDays";
    static final int DEFAULT_WHEN_ADDED = 20;

    EarlyReviewTimescaleAdded() {
        super(PolicySettingsChanged.class, EventRevisions.FIRST, "2");
    }

    @Override
    protected ObjectNode reshape(ObjectNode previous) {
        if (previous.get("settings") instanceof ObjectNode settings && !settings.has(FIELD)) {
            settings.put(FIELD, DEFAULT_WHEN_ADDED);
        }
        return previous;
    }
}
