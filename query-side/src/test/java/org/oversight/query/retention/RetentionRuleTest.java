package org.oversight.query.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oversight.events.retention.LocalRetention;
import org.oversight.events.retention.RecordType;
import org.oversight.events.retention.RetentionTrigger;

/** Due dates worked out by hand, from the recorded facts, for each rule. */
class RetentionRuleTest {

    private static final Map<RecordType, LocalRetention> DEFAULTS = Map.of();

    private static RetentionFacts lookedAfter(LocalDate born, LocalDate died) {
        return new RetentionFacts(born, null, born.plusYears(2), true, died, false, false, null, null);
    }

    @Test
    void aLookedAfterChildsRecordIsDueOnTheir75thBirthday() {
        Retention retention = RetentionRule.of(lookedAfter(LocalDate.of(2012, 6, 14), null), DEFAULTS);

        assertThat(retention.recordType()).isEqualTo(RecordType.LOOKED_AFTER);
        assertThat(retention.statutory()).isTrue();
        assertThat(retention.dueOn()).isEqualTo(LocalDate.of(2087, 6, 14));
        assertThat(retention.rule()).contains("75th anniversary").contains("reg 50(1)");
        assertThat(retention.why()).isEqualTo("Born on 14 June 2012: the 75th birthday is 14 June 2087");
        assertThat(retention.dueBy(LocalDate.of(2087, 6, 13))).isFalse();
        assertThat(retention.dueBy(LocalDate.of(2087, 6, 14))).isTrue();
    }

    @Test
    void aChildBornOn29FebruaryHasTheir75thBirthdayOn1MarchOfAYearWithoutOne() {
        // 2016 + 75 = 2091, not a leap year: 28 February would destroy a day early on one reading of the law
        assertThat(RetentionRule.of(lookedAfter(LocalDate.of(2016, 2, 29), null), DEFAULTS).dueOn())
                .isEqualTo(LocalDate.of(2091, 3, 1));
        // 2020 + 75 = 2095, not a leap year either
        assertThat(RetentionRule.of(lookedAfter(LocalDate.of(2020, 2, 29), null), DEFAULTS).dueOn())
                .isEqualTo(LocalDate.of(2095, 3, 1));
        // 2024 + 76 = 2100, which is not a leap year (a century not divisible by 400)
        assertThat(Anniversary.of(LocalDate.of(2024, 2, 29), 76)).isEqualTo(LocalDate.of(2100, 3, 1));
        // a leap year on: the day itself
        assertThat(Anniversary.of(LocalDate.of(2016, 2, 29), 4)).isEqualTo(LocalDate.of(2020, 2, 29));
        // a child born on 28 February is not moved
        assertThat(RetentionRule.of(lookedAfter(LocalDate.of(2016, 2, 28), null), DEFAULTS).dueOn())
                .isEqualTo(LocalDate.of(2091, 2, 28));
    }

    @Test
    void aLookedAfterChildWhoDiesBefore18IsKept15YearsFromTheDeath() {
        Retention retention = RetentionRule.of(lookedAfter(LocalDate.of(2010, 9, 3), LocalDate.of(2024, 11, 20)),
                DEFAULTS);

        // 15 years beginning with 20 November 2024 end on 19 November 2039: due the next day
        assertThat(retention.dueOn()).isEqualTo(LocalDate.of(2039, 11, 20));
        assertThat(retention.rule()).contains("15 years beginning with the day the child died");
        assertThat(retention.why()).isEqualTo("Died on 20 November 2024, before their 18th birthday");
    }

    @Test
    void aDeathOnThe18thBirthdayIsNotBefore18() {
        // the child attains 18 at the start of the 18th birthday: a death that day keeps the 75-year rule
        Retention retention = RetentionRule.of(lookedAfter(LocalDate.of(2006, 5, 1), LocalDate.of(2024, 5, 1)),
                DEFAULTS);
        assertThat(retention.dueOn()).isEqualTo(LocalDate.of(2081, 5, 1));
        Retention dayBefore = RetentionRule.of(lookedAfter(LocalDate.of(2006, 5, 1), LocalDate.of(2024, 4, 30)),
                DEFAULTS);
        assertThat(dayBefore.dueOn()).isEqualTo(LocalDate.of(2039, 4, 30));
    }

    @Test
    void aDeathOn29FebruaryIsKeptToTheEndOfFebruaryFifteenYearsOn() {
        Retention retention = RetentionRule.of(lookedAfter(LocalDate.of(2010, 1, 1), LocalDate.of(2024, 2, 29)),
                DEFAULTS);
        // 2039 has no 29 February: the 15 years end on 28 February 2039, due on 1 March
        assertThat(retention.dueOn()).isEqualTo(LocalDate.of(2039, 3, 1));
    }

    @Test
    void aPlanOnlyRecordIsDueTheLocalPeriodAfterTheLastPlanEnded() {
        RetentionFacts facts = new RetentionFacts(LocalDate.of(2015, 4, 2), null, LocalDate.of(2019, 1, 7), false,
                null, false, true, LocalDate.of(2021, 8, 31), LocalDate.of(2019, 1, 7));

        Retention byDefault = RetentionRule.of(facts, DEFAULTS);
        assertThat(byDefault.recordType()).isEqualTo(RecordType.CHILD_PROTECTION_PLAN);
        assertThat(byDefault.statutory()).isFalse();
        assertThat(byDefault.dueOn()).isEqualTo(LocalDate.of(2056, 8, 31));
        assertThat(byDefault.rule()).startsWith("Kept 35 years from the day the last involvement closed").contains("local");
        assertThat(byDefault.why()).isEqualTo("The last child protection plan ended on 31 August 2021");

        Retention local = RetentionRule.of(facts, Map.of(RecordType.CHILD_PROTECTION_PLAN,
                new LocalRetention(RecordType.CHILD_PROTECTION_PLAN, 7, RetentionTrigger.CLOSURE)));
        assertThat(local.dueOn()).isEqualTo(LocalDate.of(2028, 8, 31));
    }

    @Test
    void aPlanThatEndedOn29FebruaryIsDueOn1MarchOfAYearWithoutOne() {
        RetentionFacts facts = new RetentionFacts(LocalDate.of(2015, 4, 2), null, LocalDate.of(2019, 1, 7), false,
                null, false, true, LocalDate.of(2024, 2, 29), null);
        assertThat(RetentionRule.of(facts, Map.of(RecordType.CHILD_PROTECTION_PLAN,
                new LocalRetention(RecordType.CHILD_PROTECTION_PLAN, 5, RetentionTrigger.CLOSURE))).dueOn())
                .isEqualTo(LocalDate.of(2029, 3, 1));
    }

    @Test
    void anOpenPlanKeepsTheRecordWhateverTheDate() {
        RetentionFacts facts = new RetentionFacts(LocalDate.of(2015, 4, 2), null, LocalDate.of(2019, 1, 7), false,
                null, true, true, LocalDate.of(2020, 3, 1), null);
        Retention retention = RetentionRule.of(facts, DEFAULTS);
        assertThat(retention.dueOn()).isNull();
        assertThat(retention.dueBy(LocalDate.of(2200, 1, 1))).isFalse();
    }

    @Test
    void aLocalPeriodCountedFromBirthIsAWholeNumberOfBirthdays() {
        RetentionFacts facts = new RetentionFacts(LocalDate.of(2015, 4, 2), null, LocalDate.of(2019, 1, 7), false,
                null, false, true, LocalDate.of(2021, 8, 31), null);
        Retention retention = RetentionRule.of(facts, Map.of(RecordType.CHILD_PROTECTION_PLAN,
                new LocalRetention(RecordType.CHILD_PROTECTION_PLAN, 25, RetentionTrigger.BIRTH)));
        assertThat(retention.dueOn()).isEqualTo(LocalDate.of(2040, 4, 2));
        assertThat(retention.why()).isEqualTo("Born on 2 April 2015");
    }

    @Test
    void anEnquiryWithNoPlanIsDueTheLocalPeriodAfterItsLastRecordedDay() {
        RetentionFacts facts = new RetentionFacts(LocalDate.of(2012, 10, 10), null, LocalDate.of(2014, 5, 5), false,
                null, false, false, null, LocalDate.of(2014, 6, 2));
        Retention retention = RetentionRule.of(facts, DEFAULTS);
        assertThat(retention.recordType()).isEqualTo(RecordType.CHILD_PROTECTION_ENQUIRY);
        assertThat(retention.dueOn()).isEqualTo(LocalDate.of(2024, 6, 2));
    }

    @Test
    void aChildOnceLookedAfterIsKeptAsALookedAfterChildWhateverElseIsRecorded() {
        RetentionFacts facts = new RetentionFacts(LocalDate.of(2012, 10, 10), null, LocalDate.of(2014, 5, 5), true,
                null, false, true, LocalDate.of(2015, 1, 1), LocalDate.of(2014, 6, 2));
        assertThat(RetentionRule.of(facts, DEFAULTS).dueOn()).isEqualTo(LocalDate.of(2087, 10, 10));
    }

    @Test
    void aBareRegistrationIsDueTheLocalPeriodAfterIt() {
        RetentionFacts facts = new RetentionFacts(null, LocalDate.of(2020, 3, 1), LocalDate.of(2019, 12, 16), false,
                null, false, false, null, null);
        Retention retention = RetentionRule.of(facts, DEFAULTS);
        assertThat(retention.recordType()).isEqualTo(RecordType.REGISTRATION_ONLY);
        assertThat(retention.dueOn()).isEqualTo(LocalDate.of(2025, 12, 16));
    }

    @Test
    void aRecordWithNoReadableDateOfBirthIsKeptAndNeverDueUntilOneIsRead() {
        // a record whose key is destroyed reads its dates as empty when a projection is rebuilt from the store
        RetentionFacts lookedAfter = new RetentionFacts(null, null, LocalDate.of(2019, 1, 7), true, null, false,
                false, null, null);
        Retention retention = RetentionRule.of(lookedAfter, DEFAULTS);
        assertThat(retention.recordType()).isEqualTo(RecordType.LOOKED_AFTER);
        assertThat(retention.dueOn()).isNull();
        assertThat(retention.why()).isEqualTo(RetentionRule.NO_BIRTH);

        RetentionFacts registeredOnly = new RetentionFacts(null, null, LocalDate.of(2019, 1, 7), false, null, false,
                false, null, null);
        Retention fromBirth = RetentionRule.of(registeredOnly, Map.of(RecordType.REGISTRATION_ONLY,
                new LocalRetention(RecordType.REGISTRATION_ONLY, 1, RetentionTrigger.BIRTH)));
        assertThat(fromBirth.dueOn()).isNull();
        assertThat(fromBirth.dueBy(LocalDate.of(2099, 1, 1))).isFalse();
    }
}
