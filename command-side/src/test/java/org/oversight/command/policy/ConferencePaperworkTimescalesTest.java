package org.oversight.command.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.command.directory.Chair;
import org.oversight.command.directory.Directory;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.policy.ConferencePaperworkTimescalesSet;

/** An authority's timescales for a conference's papers: set by an administrator, held to the settings' rules. */
class ConferencePaperworkTimescalesTest {

    private static final String LA = "LA1";
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 5);

    private FixtureConfiguration<LocalAuthorityPolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LocalAuthorityPolicy.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay(ENGLAND).toInstant(), ENGLAND));
        fixture.registerInjectableResource(new Directory() {
            @Override
            public Optional<Chair> chair(String username) {
                return Optional.empty();
            }

            @Override
            public Optional<String> displayName(String username) {
                return Optional.empty();
            }

            @Override
            public boolean isLocalAuthority(String code) {
                return Set.of(LA).contains(code);
            }
        });
    }

    private static Matcher<RuleViolation> refusal(PolicyRule rule) {
        return new CustomTypeSafeMatcher<>("a refusal under " + rule.code()) {
            @Override
            protected boolean matchesSafely(RuleViolation violation) {
                return violation.rule().equals(rule.code());
            }
        };
    }

    @Test
    void anAdministratorSetsTwentyWorkingDaysForTheMinutes() {
        fixture.givenNoPriorActivity()
                .when(SetConferencePaperworkTimescales.of(LA, TODAY, 1, 20, " Partnership protocol "))
                .expectEvents(new ConferencePaperworkTimescalesSet(LA, TODAY, 1, 20, "Partnership protocol"));
    }

    @Test
    void theyTakeEffectTodayOrLater() {
        fixture.givenNoPriorActivity()
                .when(SetConferencePaperworkTimescales.of(LA, TODAY.minusDays(1), 1, 20, "Backdated"))
                .expectException(refusal(PolicyRule.EFFECTIVE_FROM_NOT_IN_PAST)).expectNoEvents();
    }

    @Test
    void theMinutesNeverFallDueBeforeTheDecisionsAndTheRangesHold() {
        fixture.givenNoPriorActivity().when(SetConferencePaperworkTimescales.of(LA, TODAY, 5, 4, "Odd"))
                .expectException(refusal(PolicyRule.WITHIN_RANGE)).expectNoEvents();
        fixture.givenNoPriorActivity().when(SetConferencePaperworkTimescales.of(LA, TODAY, 0, 15, "None"))
                .expectException(refusal(PolicyRule.WITHIN_RANGE)).expectNoEvents();
        fixture.givenNoPriorActivity().when(SetConferencePaperworkTimescales.of(LA, TODAY, 1, 41, "Long"))
                .expectException(refusal(PolicyRule.WITHIN_RANGE)).expectNoEvents();
    }

    @Test
    void aChangeChangesSomethingAndComesInOrder() {
        fixture.given(new ConferencePaperworkTimescalesSet(LA, TODAY.plusDays(10), 1, 20, "First"))
                .when(SetConferencePaperworkTimescales.of(LA, TODAY.plusDays(11), 1, 20, "Same"))
                .expectException(refusal(PolicyRule.SOMETHING_CHANGES)).expectNoEvents();
        fixture.given(new ConferencePaperworkTimescalesSet(LA, TODAY.plusDays(10), 1, 20, "First"))
                .when(SetConferencePaperworkTimescales.of(LA, TODAY.plusDays(9), 2, 20, "Earlier"))
                .expectException(refusal(PolicyRule.EFFECTIVE_IN_ORDER)).expectNoEvents();
    }

    @Test
    void anAuthorityTheServiceDoesNotCoverIsRefused() {
        fixture.givenNoPriorActivity().when(SetConferencePaperworkTimescales.of("ELSEWHERE", TODAY, 1, 20, "No"))
                .expectException(refusal(PolicyRule.LOCAL_AUTHORITY_KNOWN)).expectNoEvents();
    }
}
