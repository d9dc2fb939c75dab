package org.oversight.deploy.platform.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.platform.ProjectionMetrics;
import org.oversight.deploy.platform.projections.IsolatingHandlers.BatchMustBeIsolated;
import org.oversight.events.protection.Section47EnquiryStarted;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * What becomes of an event a projection could not apply: set aside with its exception's class and SQL state and
 * never the message; not set aside when applied with its batch or when the failure passes with time; its retries
 * counted when a retry fails. Each decision is counted as a failure.
 */
class DeadLetterDecisionsTest {

    private static final String CHILD = "5f0c8a5e-2d7e-3c1b-9a4e-0b8f3e1d2c6a";
    private static final String QUOTED = "Key (given_name)=(Marigold) already exists";

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeadLetterDecisions decisions = new DeadLetterDecisions("protection", metrics());

    @Test
    void anEventThatFailsOnItsOwnIsSetAsideWithItsClassAndSqlStateOnly() {
        DataIntegrityViolationException failure =
                new DataIntegrityViolationException(QUOTED, new SQLException(QUOTED, "22001"));

        EnqueueDecision<EventMessage<?>> decision = decisions.decide(letter(), failure);

        assertThat(decision.shouldEnqueue()).isTrue();
        Cause cause = letterWithDecision(decision).cause().orElseThrow();
        assertThat(cause.type()).isEqualTo(DataIntegrityViolationException.class.getName());
        assertThat(cause.message()).isEqualTo("SQL state 22001").doesNotContain("Marigold");
        assertThat(DeadLetterDecisions.retries(letterWithDecision(decision).diagnostics())).isZero();
        assertThat(failures()).isEqualTo(1.0);
    }

    @Test
    void aFailureOutsideTheDatabaseIsSetAsideWithItsClassAndNoMessage() {
        EnqueueDecision<EventMessage<?>> decision = decisions.decide(letter(), new NullPointerException(QUOTED));

        Cause cause = letterWithDecision(decision).cause().orElseThrow();
        assertThat(cause.type()).isEqualTo(NullPointerException.class.getName());
        assertThat(cause.message()).isNull();
    }

    @Test
    void anEventThatFailedWithItsBatchIsNotSetAsideButFailsTheBatch() {
        BatchMustBeIsolated failure = new BatchMustBeIsolated(new IllegalStateException(QUOTED));

        assertThatThrownBy(() -> decisions.decide(letter(), failure)).isSameAs(failure);
    }

    @Test
    void aFailureThatPassesWithTimeIsNotSetAsideButFailsTheBatchWithoutItsMessage() {
        for (Exception passing : new Exception[] {
                new PessimisticLockingFailureException(QUOTED, new SQLException(QUOTED, "40P01")),
                new CannotGetJdbcConnectionException(QUOTED),
                new IllegalStateException(QUOTED, new SQLException(QUOTED, "08006")),
                new IllegalStateException(QUOTED, new SQLException(QUOTED, "57014")),
                // a database taking no writes for now (read-only) says nothing about the event
                new IllegalStateException(QUOTED, new SQLException(QUOTED, "25006"))}) {
            assertThatThrownBy(() -> decisions.decide(letter(), passing)).as(passing.toString())
                    .isInstanceOf(DeadLetterDecisions.PassingFailure.class)
                    .hasMessageNotContaining("Marigold");
        }
        assertThat(failures()).isZero();
    }

    @Test
    void aDataFailureDoesNotPassWithTime() {
        assertThat(Failures.passing(new DataIntegrityViolationException(QUOTED, new SQLException(QUOTED, "22021"))))
                .isFalse();
        assertThat(Failures.passing(new IllegalStateException(QUOTED, new SQLException(QUOTED, "23505")))).isFalse();
        assertThat(Failures.passing(new NullPointerException())).isFalse();
    }

    @Test
    void aRetryThatFailsKeepsTheLetterAndCountsTheRetry() {
        JdbcDeadLetter<EventMessage<?>> stored = new JdbcDeadLetter<>("letter-1", 0, CHILD,
                Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T09:00:00Z"), null,
                MetaData.with(DeadLetterDecisions.RETRIES, 2), event());

        EnqueueDecision<EventMessage<?>> decision = decisions.decide(stored,
                new DataIntegrityViolationException(QUOTED, new SQLException(QUOTED, "22001")));

        assertThat(decision.shouldEnqueue()).isTrue();
        DeadLetter<? extends EventMessage<?>> requeued = decision.withDiagnostics(stored);
        assertThat(DeadLetterDecisions.retries(requeued.diagnostics())).isEqualTo(3);
        assertThat(decision.enqueueCause().orElseThrow().getMessage()).isEqualTo("SQL state 22001");
        assertThat(failures()).isEqualTo(1.0);
    }

    private DeadLetter<EventMessage<?>> letterWithDecision(EnqueueDecision<EventMessage<?>> decision) {
        DeadLetter<? extends EventMessage<?>> withCause = letter().withCause(decision.enqueueCause().orElse(null));
        @SuppressWarnings("unchecked")
        DeadLetter<EventMessage<?>> decided = (DeadLetter<EventMessage<?>>) decision.withDiagnostics(withCause);
        return decided;
    }

    private static GenericDeadLetter<EventMessage<?>> letter() {
        return new GenericDeadLetter<>(CHILD, event());
    }

    private static EventMessage<?> event() {
        return new GenericDomainEventMessage<>("ChildProtection", "protection-" + CHILD, 4,
                new Section47EnquiryStarted(CHILD, "E".repeat(81), LocalDate.of(2026, 11, 2)));
    }

    private ProjectionMetrics metrics() {
        return new ProjectionMetrics(ProjectionGrouping.Assignment.of(Map.of("protection", "protection")), registry);
    }

    private double failures() {
        return registry.get("eventProcessor.failed").tag("processorName", "protection").counter().count();
    }
}
