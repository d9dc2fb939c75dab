package org.oversight.deploy.history;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * "Now" as each generating thread sets it: the moment the command being replayed was recorded. Without a
 * moment set, the system clock. The aggregates' "not in the future" rules and every event's timestamp then see
 * the day the history says the fact was recorded.
 */
final class SimulatedClock extends Clock {

    private static final ThreadLocal<Instant> NOW = new ThreadLocal<>();
    private final ZoneId zone;

    SimulatedClock(ZoneId zone) {
        this.zone = zone;
    }

    static void set(Instant instant) {
        NOW.set(instant);
    }

    static void clear() {
        NOW.remove();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new SimulatedClock(other);
    }

    @Override
    public Instant instant() {
        Instant now = NOW.get();
        return now != null ? now : Instant.now();
    }
}
