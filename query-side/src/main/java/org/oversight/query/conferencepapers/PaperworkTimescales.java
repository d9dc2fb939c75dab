package org.oversight.query.conferencepapers;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.oversight.events.policy.ConferencePaperworkTimescalesSet;

/**
 * A local authority's timescales for a conference's papers, version by version: a conference's clocks run under
 * the version in force on the day it was held, and under the defaults before any was set.
 */
public record PaperworkTimescales(List<Version> versions) {

    public PaperworkTimescales {
        versions = versions.stream().sorted(Comparator.comparing(Version::effectiveFrom)).toList();
    }

    public record Version(LocalDate effectiveFrom, int decisionsWorkingDays, int minutesWorkingDays) {
    }

    public static final Version DEFAULTS = new Version(LocalDate.MIN,
            ConferencePaperworkTimescalesSet.DEFAULT_DECISIONS_WORKING_DAYS,
            ConferencePaperworkTimescalesSet.DEFAULT_MINUTES_WORKING_DAYS);

    public static PaperworkTimescales defaults() {
        return new PaperworkTimescales(List.of());
    }

    /** The version in force on {@code day}. */
    public Version on(LocalDate day) {
        Version inForce = DEFAULTS;
        for (Version version : versions) {
            if (!version.effectiveFrom().isAfter(day)) {
                inForce = version;
            }
        }
        return inForce;
    }
}
