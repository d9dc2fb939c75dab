package org.oversight.query.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.oversight.query.testing.ProjectionDatabase;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The merge of the shipped list with administrators' rows, against a real PostgreSQL whose {@code bank_holiday}
 * table is made by the Flyway migration itself. No Spring context: the component is built by hand.
 */
class StatutoryCalendarTest {

    @RegisterExtension
    static final ProjectionDatabase database = new ProjectionDatabase();

    private JdbcClient jdbc;
    private StatutoryCalendar calendar;
    private ListAppender<ILoggingEvent> log;

    @BeforeEach
    void freshTableAndCalendar() {
        database.freshSchema("V3_2__bank_holidays.sql");
        jdbc = JdbcClient.create(database.dataSource());
        calendar = new StatutoryCalendar(jdbc);
        log = new ListAppender<>();
        log.start();
        logger().addAppender(log);
    }

    @AfterEach
    void detachLog() {
        logger().detachAppender(log);
    }

    @Test
    @DisplayName("an empty table leaves the shipped list, known to 2027: Fri 17 Dec 2027 + 15 working days → "
            + "Tue 11 Jan 2028, flagged because 2028 is unknown")
    void shippedListAlone() {
        assertThat(calendar.current().lastKnownYear()).isEqualTo(2027);
        assertThat(calendar.dueWithinWorkingDays(LocalDate.of(2027, 12, 17), 15))
                .isEqualTo(new DueDate(LocalDate.of(2028, 1, 11), true));
    }

    @Test
    @DisplayName("one administrator's 2028 row is merged but does not make 2028 known: Fri 17 Dec 2027 + 15 skips "
            + "the New Year's substitute Mon 3 Jan 2028 → Wed 12 Jan 2028, still flagged")
    void aSingleRowForANewYearIsMergedButTheYearStaysUnknown() {
        addHoliday("2028-01-03", "New Year's Day (substitute day)", "admin.ford");

        WorkingDayCalendar merged = calendar.reload();

        assertThat(merged.lastKnownYear()).isEqualTo(2027);
        assertThat(merged.isWorkingDay(LocalDate.of(2028, 1, 3))).isFalse();
        assertThat(merged.isWorkingDay(LocalDate.of(2026, 12, 28))).as("shipped holidays kept").isFalse();
        assertThat(calendar.dueWithinWorkingDays(LocalDate.of(2027, 12, 17), 15))
                .isEqualTo(new DueDate(LocalDate.of(2028, 1, 12), true));
        assertThat(merged.knowsHolidaysFor(LocalDate.of(2028, 12, 31))).isFalse();
    }

    @Test
    @DisplayName("an administrator's full 2028 list (8 holidays: 3 Jan, 14 and 17 Apr, 1 and 29 May, 28 Aug, 25 and "
            + "26 Dec) makes 2028 known: Fri 17 Dec 2027 + 15 → Wed 12 Jan 2028, not flagged")
    void aFullYearOfRowsMakesTheYearKnown() {
        for (String date : List.of("2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29",
                "2028-08-28", "2028-12-25", "2028-12-26")) {
            addHoliday(date, "Bank holiday", "admin.ford");
        }

        WorkingDayCalendar merged = calendar.reload();

        assertThat(merged.lastKnownYear()).isEqualTo(2028);
        assertThat(calendar.dueWithinWorkingDays(LocalDate.of(2027, 12, 17), 15))
                .isEqualTo(new DueDate(LocalDate.of(2028, 1, 12), false));
    }

    @Test
    @DisplayName("a one-off royal occasion on Mon 7 Jun 2027 added with only date and title takes effect on reload, "
            + "not before, and removing it takes effect on the next reload")
    void additionTakesEffectOnReload() {
        LocalDate occasion = LocalDate.of(2027, 6, 7);
        WorkingDayCalendar before = calendar.current();
        assertThat(calendar.isWorkingDay(occasion)).isTrue();

        jdbc.sql("INSERT INTO bank_holiday (holiday_date, title) VALUES (:date, :title)")
                .param("date", occasion).param("title", "Bank holiday for a royal occasion").update();

        assertThat(calendar.current()).as("cached until reload").isSameAs(before);
        assertThat(calendar.isWorkingDay(occasion)).isTrue();

        WorkingDayCalendar after = calendar.reload();

        assertThat(calendar.current()).isSameAs(after);
        assertThat(calendar.isWorkingDay(occasion)).isFalse();
        // Fri 4 Jun 2027 + 1 working day now skips the weekend and the Monday → Tue 8 Jun 2027
        assertThat(calendar.dueWithinWorkingDays(LocalDate.of(2027, 6, 4), 1))
                .isEqualTo(new DueDate(LocalDate.of(2027, 6, 8), false));

        jdbc.sql("DELETE FROM bank_holiday").update();
        calendar.reload();
        assertThat(calendar.isWorkingDay(occasion)).isTrue();
    }

    @Test
    @DisplayName("warns once per unknown year asked about, naming only the year; known years and months due dates "
            + "never warn; a reload lets a still-unknown year warn again")
    void warnsOncePerUnknownYear() {
        calendar.dueWithinWorkingDays(LocalDate.of(2026, 12, 18), 15);
        calendar.workingDaysBetween(LocalDate.of(2015, 1, 1), LocalDate.of(2027, 12, 31));
        calendar.dueWithinMonths(LocalDate.of(2027, 8, 31), 6);
        assertThat(warnings()).as("nothing outside 2015-2027 was counted").isEmpty();

        calendar.dueWithinWorkingDays(LocalDate.of(2027, 12, 31), 1);
        calendar.dueWithinWorkingDays(LocalDate.of(2027, 12, 31), 1);
        calendar.isWorkingDay(LocalDate.of(2028, 3, 1));
        assertThat(warnings()).containsExactly("Bank holidays for 2028 are not known (the statutory calendar knows "
                + "2015 to 2027): working-day due dates reaching 2028 count every weekday as a working day and may "
                + "be too early. Add 2028's bank holidays to the bank_holiday table and reload the calendar.");

        calendar.workingDaysBetween(LocalDate.of(2028, 12, 31), LocalDate.of(2029, 1, 2));
        calendar.dueWithinWorkingDays(LocalDate.of(2014, 12, 30), 2); // counts Wed 31 Dec 2014, due Fri 2 Jan 2015
        assertThat(warnings()).hasSize(3);
        assertThat(warnings().get(1)).startsWith("Bank holidays for 2029 are not known");
        assertThat(warnings().get(2)).startsWith("Bank holidays for 2014 are not known");

        calendar.reload();
        calendar.isWorkingDay(LocalDate.of(2028, 3, 1));
        assertThat(warnings()).hasSize(4);
        assertThat(warnings().get(3)).startsWith("Bank holidays for 2028 are not known");
    }

    private void addHoliday(String date, String title, String addedBy) {
        jdbc.sql("INSERT INTO bank_holiday (holiday_date, title, added_by) VALUES (:date, :title, :addedBy)")
                .param("date", LocalDate.parse(date)).param("title", title).param("addedBy", addedBy).update();
    }

    private List<String> warnings() {
        return log.list.stream()
                .filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(StatutoryCalendar.class);
    }
}
