package org.oversight.command.childcase;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oversight.command.rules.Rule;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.childcase.BirthRecorded;
import org.oversight.events.childcase.ChildCharacteristicsRecorded;
import org.oversight.events.childcase.ChildRecordDestroyed;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.childcase.MothersChildBirthRecorded;

/**
 * When a looked-after mother's own child was born (SSDA903 {@code MC_DOB}): recorded only once her characteristics
 * say she is a mother, never in the future, never before she was 11 (worked by hand: born 29 February 2012, her
 * 11th birthday is 28 February 2023 by the calendar's rule for a leap-day birthday, the day before is refused),
 * corrected with a reason.
 */
class MothersChildTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 3);
    private static final LocalDate MOTHER_BORN = LocalDate.of(2012, 2, 29);
    private static final String CHILD = "7e1c2a90-3b4d-4f6e-8a1b-5c9d0e2f3a41";

    private FixtureConfiguration<ChildCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildCase.class);
        fixture.registerInjectableResource(Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Europe/London")).toInstant(),
                ZoneId.of("Europe/London")));
        fixture.registerInjectableResource(new DemoDirectory());
        fixture.registerInjectableResource(new HeldIdentifiers());
    }

    private static ChildRegistered born() {
        return new ChildRegistered(CHILD, DemoDirectory.LA, "M1", "Sam", "Jones", MOTHER_BORN, null, TODAY);
    }

    private static ChildCharacteristicsRecorded mother(String answer) {
        return new ChildCharacteristicsRecorded(CHILD, "F", "WBRI", null, "N", null, "N", answer, null);
    }

    @Test
    void theDateIsRecordedForAChildWhoseCharacteristicsSayShesAMother() {
        fixture.given(born(), mother("Y"))
                .when(RecordMothersChildBirth.of(CHILD, LocalDate.of(2025, 11, 20), "  "))
                .expectEvents(new MothersChildBirthRecorded(CHILD, LocalDate.of(2025, 11, 20), null))
                .expectResultMessagePayload(2L);
    }

    @Test
    void aReasonGivenWithTheFirstRecordIsNoCorrectionAndIsDropped() {
        fixture.given(born(), mother("Y"))
                .when(RecordMothersChildBirth.of(CHILD, LocalDate.of(2025, 11, 20), "Typed by mistake"))
                .expectEvents(new MothersChildBirthRecorded(CHILD, LocalDate.of(2025, 11, 20), null));
    }

    @Test
    void itIsRefusedWhileHerCharacteristicsDoNotSayShesAMother() {
        fixture.given(born())
                .when(RecordMothersChildBirth.of(CHILD, LocalDate.of(2025, 11, 20), null))
                .expectException(breaking(MothersChildRule.ONLY_FOR_A_MOTHER));
        fixture.given(born(), mother("N"))
                .when(RecordMothersChildBirth.of(CHILD, LocalDate.of(2025, 11, 20), null))
                .expectException(breaking(MothersChildRule.ONLY_FOR_A_MOTHER));
        fixture.given(born(), mother("Y"), mother("N"))
                .when(RecordMothersChildBirth.of(CHILD, LocalDate.of(2025, 11, 20), null))
                .expectException(breaking(MothersChildRule.ONLY_FOR_A_MOTHER));
    }

    @Test
    void todayIsAcceptedAndTomorrowIsRefused() {
        fixture.given(born(), mother("Y"))
                .when(RecordMothersChildBirth.of(CHILD, TODAY, null))
                .expectEvents(new MothersChildBirthRecorded(CHILD, TODAY, null));
        fixture.given(born(), mother("Y"))
                .when(RecordMothersChildBirth.of(CHILD, TODAY.plusDays(1), null))
                .expectException(breaking(MothersChildRule.NOT_IN_THE_FUTURE));
    }

    @Test
    void herEleventhBirthdayIsTheEarliestDayAcceptedALeapDayBirthdayFallingOnTheLastOfFebruary() {
        fixture.given(born(), mother("Y"))
                .when(RecordMothersChildBirth.of(CHILD, LocalDate.of(2023, 2, 28), null))
                .expectEvents(new MothersChildBirthRecorded(CHILD, LocalDate.of(2023, 2, 28), null));
        fixture.given(born(), mother("Y"))
                .when(RecordMothersChildBirth.of(CHILD, LocalDate.of(2023, 2, 27), null))
                .expectException(breaking(MothersChildRule.NOT_BEFORE_THE_MOTHER_COULD_BE_ONE));
        fixture.given(born(), mother("Y"))
                .when(RecordMothersChildBirth.of(CHILD, MOTHER_BORN.minusDays(1), null))
                .expectException(breaking(MothersChildRule.NOT_BEFORE_THE_MOTHER_COULD_BE_ONE));
    }

    @Test
    void aChildRegisteredBeforeBirthIsJudgedFromTheBirthRecorded() {
        fixture.given(new ChildRegistered(CHILD, DemoDirectory.LA, "M1", "Sam", "Jones", null, TODAY.plusWeeks(2),
                        TODAY.minusYears(14)), new BirthRecorded(CHILD, LocalDate.of(2012, 6, 1)), mother("Y"))
                .when(RecordMothersChildBirth.of(CHILD, LocalDate.of(2023, 5, 31), null))
                .expectException(breaking(MothersChildRule.NOT_BEFORE_THE_MOTHER_COULD_BE_ONE));
    }

    @Test
    void aCorrectionGivesItsReasonAndChangesTheDate() {
        MothersChildBirthRecorded first = new MothersChildBirthRecorded(CHILD, LocalDate.of(2025, 11, 20), null);
        fixture.given(born(), mother("Y"), first)
                .when(RecordMothersChildBirth.of(CHILD, LocalDate.of(2025, 11, 2), "The birth certificate says the 2nd"))
                .expectEvents(new MothersChildBirthRecorded(CHILD, LocalDate.of(2025, 11, 2),
                        "The birth certificate says the 2nd"));
        fixture.given(born(), mother("Y"), first)
                .when(RecordMothersChildBirth.of(CHILD, LocalDate.of(2025, 11, 2), null))
                .expectException(breaking(MothersChildRule.CORRECTION_GIVES_ITS_REASON));
        fixture.given(born(), mother("Y"), first)
                .when(RecordMothersChildBirth.of(CHILD, LocalDate.of(2025, 11, 20), "Checked again"))
                .expectException(breaking(MothersChildRule.CORRECTION_CHANGES_THE_DATE));
    }

    @Test
    void nothingIsRecordedAfterTheRecordIsDestroyed() {
        fixture.given(born(), mother("Y"), new ChildRecordDestroyed(CHILD, DemoDirectory.LA, "LAC", "data.iqbal",
                        TODAY.atStartOfDay(ZoneId.of("Europe/London")).toInstant(), 3))
                .when(RecordMothersChildBirth.of(CHILD, LocalDate.of(2025, 11, 20), null))
                .expectException(breaking(MothersChildRule.NOTHING_AFTER_DESTRUCTION));
    }

    private static Matcher<RuleViolation> breaking(Rule rule) {
        return new FeatureMatcher<>(Matchers.equalTo(rule.code()), "a refusal under rule", "rule") {
            @Override
            protected String featureValueOf(RuleViolation actual) {
                return actual.rule();
            }
        };
    }
}
