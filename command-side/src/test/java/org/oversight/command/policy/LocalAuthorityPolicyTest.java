package org.oversight.command.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.oversight.command.directory.Chair;
import org.oversight.command.directory.Directory;
import org.oversight.events.escalation.DefaultEscalationPolicy;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.policy.PolicySettings;
import org.oversight.events.policy.PolicySettingsChanged;

/** A local authority's timescales: who may set what, from when. "Today" is Monday 2 March 2026. */
class LocalAuthorityPolicyTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final String LA = "LA1";
    private static final String ID = PolicyIds.policyId(LA);
    private static final PolicySettings TIGHTER = new PolicySettings(3, 32, 1, 15, 50, 10,
            Map.of("TEAM_MANAGER", 3, "DIRECTOR_OF_CHILDRENS_SERVICES", 10));

    private FixtureConfiguration<LocalAuthorityPolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(LocalAuthorityPolicy.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay(LONDON).toInstant(), LONDON));
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
        fixture.registerInjectableResource(new DefaultEscalationPolicy());
    }

    private static Matcher<RuleViolation> refusal(PolicyRule rule, String field) {
        return new CustomTypeSafeMatcher<>("a refusal under " + rule.code() + " on " + field) {
            @Override
            protected boolean matchesSafely(RuleViolation item) {
                return item.rule().equals(rule.code()) && java.util.Objects.equals(item.field(), field);
            }
        };
    }

    private static ChangePolicySettings change(LocalDate from, PolicySettings settings) {
        return ChangePolicySettings.of(LA, from, settings, "New protocol agreed with the DCS");
    }

    @Test
    void theFirstChangeStartsTheAuthoritysHistoryFromToday() {
        fixture.givenNoPriorActivity()
                .when(change(TODAY, TIGHTER))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PolicySettingsChanged(LA, TODAY, TIGHTER, "New protocol agreed with the DCS"));
    }

    @Test
    void aChangeMayBeRecordedAheadOfTheDayItTakesEffect() {
        fixture.given(new PolicySettingsChanged(LA, TODAY, TIGHTER, "First"))
                .when(change(TODAY.plusMonths(1), PolicySettings.DEFAULTS))
                .expectEvents(new PolicySettingsChanged(LA, TODAY.plusMonths(1), PolicySettings.DEFAULTS,
                        "New protocol agreed with the DCS"));
    }

    @Test
    void settingsCannotBeBackdatedEvenByOneDayBecauseRunningClocksWereJudgedByTheOldOnes() {
        fixture.givenNoPriorActivity()
                .when(change(TODAY.minusDays(1), TIGHTER))
                .expectException(refusal(PolicyRule.EFFECTIVE_FROM_NOT_IN_PAST, "effectiveFrom"));
    }

    @Test
    void aChangeCannotTakeEffectBeforeAChangeAlreadyScheduled() {
        fixture.given(new PolicySettingsChanged(LA, TODAY.plusDays(10), TIGHTER, "Scheduled"))
                .when(change(TODAY.plusDays(9), PolicySettings.DEFAULTS))
                .expectException(refusal(PolicyRule.EFFECTIVE_IN_ORDER, "effectiveFrom"));
    }

    @Test
    void twoVersionsMayShareADaySoAMistakeCanBePutRightBeforeItTakesEffect() {
        fixture.given(new PolicySettingsChanged(LA, TODAY.plusDays(10), TIGHTER, "Scheduled"))
                .when(change(TODAY.plusDays(10), PolicySettings.DEFAULTS))
                .expectEvents(new PolicySettingsChanged(LA, TODAY.plusDays(10), PolicySettings.DEFAULTS,
                        "New protocol agreed with the DCS"));
    }

    @Test
    void recordingTheSameSettingsAgainIsRefused() {
        fixture.given(new PolicySettingsChanged(LA, TODAY, TIGHTER, "First"))
                .when(change(TODAY, TIGHTER))
                .expectException(refusal(PolicyRule.SOMETHING_CHANGES, null));
    }

    @Test
    void anAuthorityTheServiceDoesNotCoverIsRefused() {
        fixture.givenNoPriorActivity()
                .when(ChangePolicySettings.of("LA9", TODAY, TIGHTER, "Why"))
                .expectException(refusal(PolicyRule.LOCAL_AUTHORITY_KNOWN, "localAuthority"));
    }

    @Test
    void aResponseTimeForALevelTheAuthorityDoesNotUseIsRefused() {
        fixture.givenNoPriorActivity()
                .when(change(TODAY, new PolicySettings(5, 34, 1, 20, 50, 20, Map.of("DEPUTY_MAYOR", 5))))
                .expectException(refusal(PolicyRule.LEVEL_CONFIGURED, "escalationResponseWorkingDays"));
    }

    @ParameterizedTest(name = "{0} = {1} is out of range")
    @CsvSource({
            "iroAllocationWorkingDays, 0", "iroAllocationWorkingDays, 21",
            "preBirthConferenceByWeek, 19", "preBirthConferenceByWeek, 41",
            "decisionsWorkingDays, 0", "decisionsWorkingDays, 21",
            "recordWorkingDays, 0", "recordWorkingDays, 61",
            "midwayCheckPercent, 24", "midwayCheckPercent, 76",
            "earlyReviewWorkingDays, 0", "earlyReviewWorkingDays, 41",
            "dentalCheckMonths, 2", "dentalCheckMonths, 13", "pepReviewMonths, 1", "pepReviewMonths, 7",
            "escalationResponseWorkingDays.TEAM_MANAGER, 0", "escalationResponseWorkingDays.TEAM_MANAGER, 21"})
    void everyTimescaleHasARange(String field, int value) {
        PolicySettings d = PolicySettings.DEFAULTS;
        PolicySettings settings = new PolicySettings(
                field.equals("iroAllocationWorkingDays") ? value : d.iroAllocationWorkingDays(),
                field.equals("preBirthConferenceByWeek") ? value : d.preBirthConferenceByWeek(),
                field.equals("decisionsWorkingDays") ? value : d.decisionsWorkingDays(),
                field.equals("recordWorkingDays") ? value : d.recordWorkingDays(),
                field.equals("midwayCheckPercent") ? value : d.midwayCheckPercent(),
                field.equals("earlyReviewWorkingDays") ? value : d.earlyReviewWorkingDays(),
                field.equals("dentalCheckMonths") ? value : d.dentalCheckMonths(),
                field.equals("pepReviewMonths") ? value : d.pepReviewMonths(),
                field.startsWith("escalation") ? Map.of("TEAM_MANAGER", value) : Map.of());
        fixture.givenNoPriorActivity()
                .when(change(TODAY, settings))
                .expectException(refusal(PolicyRule.WITHIN_RANGE, field));
    }

    @ParameterizedTest(name = "{0} = {1} is the edge of its range and allowed")
    @CsvSource({"1, 20, 1, 1, 25, 1, 3, 2, 1", "20, 40, 20, 60, 75, 40, 12, 6, 20"})
    void theEdgesOfEachRangeAreAllowed(int iro, int week, int decisions, int record, int midway, int earlyReview,
            int dental, int pep, int response) {
        PolicySettings edges = new PolicySettings(iro, week, decisions, record, midway, earlyReview, dental, pep,
                Map.of("TEAM_MANAGER", response));
        fixture.givenNoPriorActivity()
                .when(change(TODAY, edges))
                .expectEvents(new PolicySettingsChanged(LA, TODAY, edges, "New protocol agreed with the DCS"));
    }

    @ParameterizedTest(name = "{0} = {1} is out of range")
    @CsvSource({"preBirthReviewAfterBirthWorkingDays, 0", "preBirthReviewAfterBirthWorkingDays, 41",
            "preBirthReviewAfterConferenceMonths, 0", "preBirthReviewAfterConferenceMonths, 7",
            "transferInConferenceWorkingDays, 0", "transferInConferenceWorkingDays, 41"})
    void everyConferenceTimescaleHasARange(String field, int value) {
        fixture.givenNoPriorActivity()
                .when(change(TODAY, conferenceTimescales(
                        field.equals("preBirthReviewAfterBirthWorkingDays") ? value : 10,
                        field.equals("preBirthReviewAfterConferenceMonths") ? value : 3,
                        field.equals("transferInConferenceWorkingDays") ? value : 15)))
                .expectException(refusal(PolicyRule.WITHIN_RANGE, field));
    }

    @ParameterizedTest(name = "{0}, {1}, {2} are the edges of their ranges and allowed")
    @CsvSource({"1, 1, 1", "40, 6, 40"})
    void theEdgesOfEachConferenceTimescaleAreAllowed(int afterBirth, int afterConference, int transferIn) {
        PolicySettings edges = conferenceTimescales(afterBirth, afterConference, transferIn);
        fixture.givenNoPriorActivity()
                .when(change(TODAY, edges))
                .expectEvents(new PolicySettingsChanged(LA, TODAY, edges, "New protocol agreed with the DCS"));
    }

    private static PolicySettings conferenceTimescales(int afterBirth, int afterConference, int transferIn) {
        PolicySettings d = PolicySettings.DEFAULTS;
        return new PolicySettings(d.iroAllocationWorkingDays(), d.preBirthConferenceByWeek(), d.decisionsWorkingDays(),
                d.recordWorkingDays(), d.midwayCheckPercent(), d.earlyReviewWorkingDays(), d.dentalCheckMonths(),
                d.pepReviewMonths(), afterBirth, afterConference, transferIn, Map.of());
    }
}
