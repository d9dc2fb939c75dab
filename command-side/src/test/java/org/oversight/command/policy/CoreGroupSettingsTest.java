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
import org.oversight.events.policy.CoreGroupSettingsSet;

/**
 * How an authority's core groups are held in Oversight: the date their meetings are recorded from and the local
 * interval between meetings, set by an administrator and held to the settings' rules.
 */
class CoreGroupSettingsTest {

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
    void anAdministratorSaysCoreGroupsAreRecordedFromTheDayTheServiceStartedAndSetsSixWeeks() {
        fixture.givenNoPriorActivity()
                .when(SetCoreGroupSettings.of(LA, TODAY, LocalDate.of(2025, 9, 1), 30, " Went live in September "))
                .expectEvents(new CoreGroupSettingsSet(LA, TODAY, LocalDate.of(2025, 9, 1), 30, "Went live in September"));
    }

    @Test
    void theRecordedFromDateMayBeLeftOutSoThatEveryPlansCoreGroupsAreHeldHere() {
        fixture.givenNoPriorActivity().when(SetCoreGroupSettings.of(LA, TODAY, null, 20, "Monthly core groups"))
                .expectEvents(new CoreGroupSettingsSet(LA, TODAY, null, 20, "Monthly core groups"));
    }

    @Test
    void theRecordedFromDateIsTodayOrEarlierNeverLater() {
        fixture.givenNoPriorActivity().when(SetCoreGroupSettings.of(LA, TODAY, TODAY.plusDays(1), 30, "Go-live"))
                .expectException(refusal(PolicyRule.CORE_GROUPS_RECORDED_FROM_NOT_IN_FUTURE)).expectNoEvents();
        fixture.givenNoPriorActivity().when(SetCoreGroupSettings.of(LA, TODAY, TODAY, 30, "Go-live today"))
                .expectEvents(new CoreGroupSettingsSet(LA, TODAY, TODAY, 30, "Go-live today"));
    }

    @Test
    void theIntervalTakesEffectTodayOrLaterInOrder() {
        fixture.givenNoPriorActivity().when(SetCoreGroupSettings.of(LA, TODAY.minusDays(1), null, 20, "Backdated"))
                .expectException(refusal(PolicyRule.EFFECTIVE_FROM_NOT_IN_PAST)).expectNoEvents();
        fixture.given(new CoreGroupSettingsSet(LA, TODAY.plusDays(10), null, 20, "Next month"))
                .when(SetCoreGroupSettings.of(LA, TODAY.plusDays(5), null, 25, "Sooner"))
                .expectException(refusal(PolicyRule.EFFECTIVE_IN_ORDER)).expectNoEvents();
    }

    @Test
    void theIntervalIsBetweenFiveAndSixtyWorkingDays() {
        fixture.givenNoPriorActivity().when(SetCoreGroupSettings.of(LA, TODAY, null, 4, "Weekly"))
                .expectException(refusal(PolicyRule.WITHIN_RANGE)).expectNoEvents();
        fixture.givenNoPriorActivity().when(SetCoreGroupSettings.of(LA, TODAY, null, 61, "Quarterly"))
                .expectException(refusal(PolicyRule.WITHIN_RANGE)).expectNoEvents();
        fixture.givenNoPriorActivity().when(SetCoreGroupSettings.of(LA, TODAY, null, 60, "Twelve weeks"))
                .expectEvents(new CoreGroupSettingsSet(LA, TODAY, null, 60, "Twelve weeks"));
    }

    @Test
    void aChangeChangesSomething() {
        fixture.given(new CoreGroupSettingsSet(LA, TODAY, LocalDate.of(2025, 9, 1), 30, "Went live"))
                .when(SetCoreGroupSettings.of(LA, TODAY, LocalDate.of(2025, 9, 1), 30, "Again"))
                .expectException(refusal(PolicyRule.SOMETHING_CHANGES)).expectNoEvents();
    }

    @Test
    void anAuthorityTheServiceDoesNotCoverIsRefused() {
        fixture.givenNoPriorActivity().when(SetCoreGroupSettings.of("LA9", TODAY, null, 30, "Elsewhere"))
                .expectException(refusal(PolicyRule.LOCAL_AUTHORITY_KNOWN)).expectNoEvents();
    }
}
