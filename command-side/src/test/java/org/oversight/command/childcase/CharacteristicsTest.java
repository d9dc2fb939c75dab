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

/** The child's characteristics: recorded once the child is born, in the DfE's codes, corrected with a reason. */
class CharacteristicsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 3);
    private static final String CHILD = "5d0b5c1e-7a3f-4c52-9e0d-2b8f4a6c1d37";

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
        return new ChildRegistered(CHILD, DemoDirectory.LA, "A123", "Sam", "Jones", LocalDate.of(2012, 5, 1), null,
                TODAY);
    }

    private static ChildRegistered unborn() {
        return new ChildRegistered(CHILD, DemoDirectory.LA, "A123", "Baby", "Jones", null, TODAY.plusWeeks(6),
                TODAY);
    }

    private static RecordCharacteristics girl(String mother, String reason) {
        return RecordCharacteristics.of(CHILD, "f", " wbri ", "d820300025001", "N", " Polish ", "y", mother, reason);
    }

    private static ChildCharacteristicsRecorded recordedGirl() {
        return new ChildCharacteristicsRecorded(CHILD, "F", "WBRI", "D820300025001", "N", "Polish", "Y", "N", null);
    }

    @Test
    void characteristicsAreRecordedInTheDfesCodes() {
        fixture.given(born())
                .when(girl("n", null))
                .expectEvents(recordedGirl())
                .expectResultMessagePayload(1L);
    }

    @Test
    void aCorrectionCarriesTheWholeSetAndItsReason() {
        fixture.given(born(), recordedGirl())
                .when(RecordCharacteristics.of(CHILD, "F", "WIRI", "D820300025001", "N", "Polish", "Y", "N",
                        "The family told us at the review"))
                .expectEvents(new ChildCharacteristicsRecorded(CHILD, "F", "WIRI", "D820300025001", "N", "Polish",
                        "Y", "N", "The family told us at the review"));
    }

    @Test
    void aCorrectionWithoutAReasonIsRefused() {
        fixture.given(born(), recordedGirl())
                .when(RecordCharacteristics.of(CHILD, "F", "WIRI", null, "N", null, "N", null, null))
                .expectException(breaking(CharacteristicsRule.CORRECTION_GIVES_ITS_REASON));
    }

    @Test
    void aCorrectionThatChangesNothingIsRefused() {
        fixture.given(born(), recordedGirl())
                .when(girl("N", "Checked again"))
                .expectException(breaking(CharacteristicsRule.CORRECTION_CHANGES_AN_ANSWER));
    }

    @Test
    void aUniquePupilNumberWithTheWrongCheckLetterIsRefused() {
        fixture.given(born())
                .when(RecordCharacteristics.of(CHILD, "M", "WBRI", "E820300025001", "N", null, "N", null, null))
                .expectException(breaking(CharacteristicsRule.UNIQUE_PUPIL_NUMBER_CHECKS));
    }

    @Test
    void noUniquePupilNumberIsAnAnswer() {
        fixture.given(born())
                .when(RecordCharacteristics.of(CHILD, "M", "CHNE", " ", "Y", null, "N", null, null))
                .expectEvents(new ChildCharacteristicsRecorded(CHILD, "M", "CHNE", null, "Y", null, "N", null, null));
    }

    @Test
    void anEthnicityOutsideTheDfesListIsRefused() {
        fixture.given(born())
                .when(RecordCharacteristics.of(CHILD, "M", "WHITE", null, "N", null, "N", null, null))
                .expectException(breaking(CharacteristicsRule.ETHNICITY_FROM_THE_DFE_LIST));
    }

    @Test
    void aSexOutsideMaleFemaleOrNotKnownIsRefused() {
        fixture.given(born())
                .when(RecordCharacteristics.of(CHILD, "1", "WBRI", null, "N", null, "N", null, null))
                .expectException(breaking(CharacteristicsRule.SEX_FROM_THE_LIST));
    }

    @Test
    void disabilityIsAnsweredYesOrNo() {
        fixture.given(born())
                .when(RecordCharacteristics.of(CHILD, "M", "WBRI", null, "MAYBE", null, "N", null, null))
                .expectException(breaking(CharacteristicsRule.YES_OR_NO));
    }

    @Test
    void whetherTheChildIsAMotherIsAskedOnlyOfAGirl() {
        fixture.given(born())
                .when(RecordCharacteristics.of(CHILD, "M", "WBRI", null, "N", null, "N", "N", null))
                .expectException(breaking(CharacteristicsRule.MOTHER_ONLY_OF_A_GIRL));
    }

    @Test
    void anUnbornChildsCharacteristicsWaitForTheBirth() {
        fixture.given(unborn())
                .when(girl(null, null))
                .expectException(breaking(CharacteristicsRule.RECORDED_AFTER_BIRTH));
        fixture.given(unborn(), new BirthRecorded(CHILD, TODAY))
                .when(girl(null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void nothingIsRecordedAfterTheRecordIsDestroyed() {
        fixture.given(born(), new ChildRecordDestroyed(CHILD, DemoDirectory.LA, "LAC", "data.iqbal",
                        TODAY.atStartOfDay(ZoneId.of("Europe/London")).toInstant(), 3))
                .when(girl(null, null))
                .expectException(breaking(CharacteristicsRule.NOTHING_AFTER_DESTRUCTION));
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
