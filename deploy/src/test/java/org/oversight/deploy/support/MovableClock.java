package org.oversight.deploy.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock in England, moved on by a test: start the application with it
 * ({@link OversightTestApp#start(Clock, String, String...)}) and call {@link #moveOn(Duration)} to let days pass.
 * Time keeps running between moves, so "now" never stands still and events stay in order.
 *
 * <p>The command side refuses dates in the future by this clock, so record what happened on a day before moving
 * on past it, and read pages afterwards.
 */
public final class MovableClock extends Clock {

    public static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private final Clock system;
    private final AtomicReference<Duration> offset;

    private MovableClock(Clock system, AtomicReference<Duration> offset) {
        this.system = system;
        this.offset = offset;
    }

    /** Starts at the real time now. */
    public static MovableClock startingNow() {
        return new MovableClock(Clock.system(ENGLAND), new AtomicReference<>(Duration.ZERO));
    }

    /** Stands still at {@code instant} until moved on: for tests that need the exact moment. */
    public static MovableClock standingAt(Instant instant) {
        return new MovableClock(Clock.fixed(instant, ENGLAND), new AtomicReference<>(Duration.ZERO));
    }

    /** Moves every reader of this clock forward; a negative duration is refused, time does not go back. */
    public void moveOn(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("A movable clock only moves forward");
        }
        offset.accumulateAndGet(duration, Duration::plus);
    }

    /** Today's date in England by this clock. */
    public LocalDate today() {
        return LocalDate.now(this);
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    /** The same moving time seen in another zone: moving either moves both. */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new MovableClock(system.withZone(zone), offset);
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset.get());
    }
}
