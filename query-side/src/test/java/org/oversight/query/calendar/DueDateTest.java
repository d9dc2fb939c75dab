package org.oversight.query.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The due date is inclusive both for "was it in time" and for "is it overdue yet". */
class DueDateTest {

    private static final DueDate ICPC_DUE = new DueDate(LocalDate.of(2027, 1, 13), false);

    @ParameterizedTest(name = "ICPC due Wed 13 Jan 2027, held {0}: in time = {1}")
    @CsvSource({
            "2027-01-12, true",
            "2027-01-13, true",
            "2027-01-14, false",
            "2027-02-13, false",
    })
    void metOnOrBeforeTheDueDate(LocalDate heldOn, boolean inTime) {
        assertThat(ICPC_DUE.isMetBy(heldOn)).isEqualTo(inTime);
    }

    @ParameterizedTest(name = "ICPC due Wed 13 Jan 2027, not yet held on {0}: overdue = {1}")
    @CsvSource({
            "2027-01-12, false",
            "2027-01-13, false",
            "2027-01-14, true",
    })
    void overdueOnlyOnceTheDueDateHasPassed(LocalDate today, boolean overdue) {
        assertThat(ICPC_DUE.isOverdueOn(today)).isEqualTo(overdue);
    }
}
