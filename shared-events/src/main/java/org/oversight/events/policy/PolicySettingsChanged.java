package org.oversight.events.policy;

import java.time.LocalDate;

/**
 * An administrator changed a local authority's timescales. The new settings apply to clocks that start on or
 * after {@code effectiveFrom}; clocks already running keep the settings they started under.
 *
 * @param localAuthority the local authority's code
 * @param effectiveFrom  the first day the settings apply
 * @param settings       every setting as it now stands (not only the ones that changed)
 * @param reason         why they changed, as the administrator put it
 */
public record PolicySettingsChanged(
        String localAuthority,
        LocalDate effectiveFrom,
        PolicySettings settings,
        String reason) {
}
