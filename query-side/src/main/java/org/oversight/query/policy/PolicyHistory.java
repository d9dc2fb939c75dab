package org.oversight.query.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.oversight.events.policy.PolicySettings;

/**
 * One local authority's timescales over time, oldest version first. Before the first version the authority
 * works to {@link PolicySettings#DEFAULTS}.
 */
public record PolicyHistory(String localAuthority, List<Version> versions) {

    /** A version as recorded: what it says, from when, who recorded it and why. */
    public record Version(long sequence, LocalDate effectiveFrom, PolicySettings settings, String reason,
            String changedBy, String changedByName, Instant recordedAt) {
    }

    public static PolicyHistory defaults(String localAuthority) {
        return new PolicyHistory(localAuthority, List.of());
    }

    public PolicyHistory {
        versions = List.copyOf(versions);
    }

    /**
     * The settings a clock starting on {@code day} runs under: those of the latest version effective on or
     * before it (of two versions effective the same day, the one recorded later).
     */
    public PolicySettings on(LocalDate day) {
        PolicySettings inForce = PolicySettings.DEFAULTS;
        for (Version version : versions) {
            if (!version.effectiveFrom().isAfter(day)) {
                inForce = version.settings();
            }
        }
        return inForce;
    }
}
