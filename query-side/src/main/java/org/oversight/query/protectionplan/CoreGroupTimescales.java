package org.oversight.query.protectionplan;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.oversight.events.policy.CoreGroupSettingsSet;

/**
 * How one local authority's core groups are held in Oversight: the date they are recorded from (the latest
 * setting's: it says what the records hold, so it applies to every plan whenever it was said) and the interval
 * between meetings, version by version (a clock runs to the version in force on the day it started).
 *
 * @param recordedFrom the first initial conference date whose plan's core groups are held here; {@code null} for all
 */
public record CoreGroupTimescales(LocalDate recordedFrom, List<Version> versions) {

    public CoreGroupTimescales {
        versions = versions.stream().sorted(Comparator.comparing(Version::effectiveFrom)).toList();
    }

    public record Version(LocalDate effectiveFrom, int laterIntervalWorkingDays) {
    }

    public static CoreGroupTimescales defaults() {
        return new CoreGroupTimescales(null, List.of());
    }

    /** The interval between meetings in force on {@code day}: the latest version from it or before, or the default. */
    public int laterIntervalOn(LocalDate day) {
        int interval = CoreGroupSettingsSet.DEFAULT_LATER_INTERVAL_WORKING_DAYS;
        for (Version version : versions) {
            if (!version.effectiveFrom().isAfter(day)) {
                interval = version.laterIntervalWorkingDays();
            }
        }
        return interval;
    }

    /** Whether the core groups of a plan started at an initial conference on {@code startedOn} are held here. */
    public boolean heldHere(LocalDate startedOn) {
        return recordedFrom == null || !startedOn.isBefore(recordedFrom);
    }
}
