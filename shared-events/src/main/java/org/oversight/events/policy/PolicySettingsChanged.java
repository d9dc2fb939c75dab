package org.oversight.events.policy;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * An administrator changed a local authority's timescales. The new settings apply to clocks that start on or
 * after {@code effectiveFrom}; clocks already running keep the settings they started under.
 *
 * @param localAuthority the local authority's code ({@link FieldRule#CODE})
 * @param effectiveFrom  the first day the settings apply
 * @param settings       every setting as it now stands (not only the ones that changed)
 * @param reason         why they changed, as the administrator put it ({@link FieldRule#FREE_TEXT})
 */
public record PolicySettingsChanged(
        String localAuthority,
        LocalDate effectiveFrom,
        PolicySettings settings,
        String reason) {
}
