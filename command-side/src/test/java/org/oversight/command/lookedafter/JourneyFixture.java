package org.oversight.command.lookedafter;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.oversight.command.childcase.ChildCase;
import org.oversight.command.childcase.RepositoryChildRegister;
import org.oversight.command.policy.MeetingTypeRegister;
import org.oversight.events.policy.MeetingTypes;
import org.oversight.command.rules.Rule;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.lookedafter.CarePlanActionAgreed;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.LookedAfterReviewHeld;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PeriodOfCareEnded;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.oversight.events.lookedafter.ReasonPeriodEnded;

/**
 * The journey under test, handling its commands as in production. Children's cases live in a real
 * event-sourced {@code Repository<ChildCase>} over an in-memory store, read through the production
 * {@link RepositoryChildRegister}, so the journey reads the date of birth through the case's own accessor rather
 * than through a stand-in.
 */
final class JourneyFixture {

    static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    /** A Tuesday. */
    static final LocalDate TODAY = LocalDate.of(2026, 3, 3);
    static final String CHILD = "child-1";
    static final LocalDate BORN = LocalDate.of(2019, 5, 1);
    static final String PERIOD = "period-1";
    static final LocalDate STARTED = LocalDate.of(2026, 1, 2);
    static final String REVIEW = "review-1";
    static final String DECISION = "Placement to continue";
    static final String RECOMMENDATION = "Refer for a dental check";

    /** The built-in meeting types, and one the child's authority added. */
    static final MeetingTypeRegister MEETING_TYPES = (localAuthority, code) -> Iros.LA.equals(localAuthority)
            && "family-group".equals(code) ? Optional.of(new MeetingTypes.MeetingType(code, "Family group meeting"))
            : MeetingTypes.builtIn(code);

    final FixtureConfiguration<LookedAfterJourney> fixture;
    private final EventStore caseEvents = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();

    JourneyFixture() {
        this(TODAY);
    }

    JourneyFixture(LocalDate today) {
        Clock clock = Clock.fixed(today.atStartOfDay(ENGLAND).toInstant(), ENGLAND);
        Iros directory = new Iros();
        Repository<ChildCase> cases = EventSourcingRepository.builder(ChildCase.class)
                .eventStore(caseEvents)
                .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                        new SimpleResourceParameterResolverFactory(List.of(clock, directory)),
                        ClasspathParameterResolverFactory.forClass(ChildCase.class)))
                .build();
        fixture = new AggregateTestFixture<>(LookedAfterJourney.class);
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(directory);
        fixture.registerInjectableResource(new RepositoryChildRegister(cases));
        fixture.registerInjectableResource(MEETING_TYPES);
        registered(CHILD, BORN);
    }

    /** Registers a born child's case (as the child case aggregate would have recorded it). */
    JourneyFixture registered(String childId, LocalDate dateOfBirth) {
        return registration(new ChildRegistered(childId, Iros.LA, childId, "Sam", "Jones", dateOfBirth, null,
                dateOfBirth));
    }

    JourneyFixture registeredUnborn(String childId, LocalDate expectedDateOfDelivery) {
        return registration(new ChildRegistered(childId, Iros.LA, childId, "Baby", "Jones", null,
                expectedDateOfDelivery, TODAY));
    }

    private JourneyFixture registration(ChildRegistered registered) {
        caseEvents.publish(new GenericDomainEventMessage<>("ChildCase", registered.childId(), 0L, registered));
        return this;
    }

    /** Matches a refusal under the given rule, whatever its message. */
    static Matcher<RuleViolation> breaks(Rule rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.rule().equals(rule.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal under rule ").appendValue(rule.code());
            }

            @Override
            protected void describeMismatchSafely(RuleViolation violation, Description description) {
                description.appendText("was refused under ").appendValue(violation.rule())
                        .appendText(": ").appendValue(violation.getMessage());
            }
        };
    }

    static PeriodOfCareStarted started(LocalDate on, LegalStatus legalStatus) {
        return new PeriodOfCareStarted(CHILD, PERIOD, on, legalStatus, "U6");
    }

    static PeriodOfCareStarted started() {
        return started(STARTED, LegalStatus.C2);
    }

    static PeriodOfCareEnded ended(LocalDate on) {
        return new PeriodOfCareEnded(CHILD, PERIOD, on, ReasonPeriodEnded.E4A);
    }

    static LookedAfterReviewHeld reviewed(String reviewId, LocalDate on, ParticipationCode participation) {
        return new LookedAfterReviewHeld(CHILD, PERIOD, reviewId, on, participation, true, List.of(DECISION),
                List.of(RECOMMENDATION), Iros.IRO.username(), Iros.IRO.displayName());
    }

    static CarePlanActionAgreed agreed(String actionId, LocalDate reviewOn, LocalDate dueOn) {
        return new CarePlanActionAgreed(CHILD, actionId, REVIEW, "Book a dental check", "Social worker", dueOn,
                reviewOn);
    }

    static HoldLookedAfterReview review(String reviewId, LocalDate on, ParticipationCode participation,
            HoldLookedAfterReview.AgreedAction... actions) {
        return new HoldLookedAfterReview(CHILD, reviewId, on, participation, true, List.of(DECISION),
                List.of(RECOMMENDATION), Iros.IRO.username(), List.of(actions));
    }
}
