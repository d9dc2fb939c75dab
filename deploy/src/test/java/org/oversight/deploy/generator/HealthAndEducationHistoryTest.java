package org.oversight.deploy.generator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.oversight.command.lookedafter.RecordEducationPlan;
import org.oversight.command.lookedafter.RecordHealthCheck;
import org.oversight.events.lookedafter.HealthCheck;

/**
 * The generated health checks and PEP meetings: most on time, a share late and a share never made, all inside the
 * period, review assessments six-monthly before the 5th birthday and yearly after.
 */
class HealthAndEducationHistoryTest {

    private static final LocalDate START = LocalDate.of(2024, 1, 8);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Test
    void mostInitialAssessmentsAreInTimeSomeLateAndSomeNeverMade() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int inTime = 0;
        int late = 0;
        int missing = 0;
        for (int i = 0; i < 2_000; i++) {
            HealthAndEducationHistory period = new HealthAndEducationHistory("c", START, TODAY,
                    LocalDate.of(2016, 5, 1), null, "iro.ahmed");
            LocalDate due = HistoryGenerator.addWorkingDays(START, 20);
            List<LocalDate> initial = new ArrayList<>();
            period.generate(random, (on, command) -> {
                if (command instanceof RecordHealthCheck check
                        && check.check() == HealthCheck.INITIAL_HEALTH_ASSESSMENT) {
                    initial.add(on);
                }
            });
            if (initial.isEmpty()) {
                missing++;
            } else if (initial.get(0).isAfter(due)) {
                late++;
            } else {
                inTime++;
            }
        }
        assertThat(inTime).as("seed %d", seed).isBetween(1_300, 1_700);
        assertThat(late).as("seed %d", seed).isBetween(150, 400);
        assertThat(missing).as("seed %d", seed).isBetween(150, 400);
    }

    @Test
    void everyCheckIsInsideThePeriodAndReviewAssessmentsFollowTheFifthBirthday() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        LocalDate born = LocalDate.of(2020, 9, 1);
        LocalDate lastDay = LocalDate.of(2027, 8, 31);
        for (int i = 0; i < 500; i++) {
            List<LocalDate> assessments = new ArrayList<>();
            new HealthAndEducationHistory("c", START, lastDay, born, null, "iro.ahmed").generate(random,
                    (on, command) -> {
                        assertThat(on).as("seed %d", seed).isBetween(START, lastDay);
                        if (command instanceof RecordHealthCheck check && check.check() != HealthCheck.DENTAL_CHECK) {
                            assessments.add(on);
                        }
                        if (command instanceof RecordEducationPlan) {
                            assertThat(on).as("PEPs from the 3rd birthday, seed %d", seed)
                                    .isAfterOrEqualTo(born.plusYears(3));
                        }
                    });
            for (int a = 1; a < assessments.size(); a++) {
                LocalDate previous = assessments.get(a - 1);
                int months = previous.isBefore(born.plusYears(5)) ? 6 : 12;
                assertThat(assessments.get(a)).as("seed %d", seed)
                        .isAfter(previous).isBeforeOrEqualTo(previous.plusMonths(months).plusDays(60));
            }
        }
    }
}
