package org.oversight.query.returns.cin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oversight.query.calendar.BankHolidays;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.returns.Characteristics;
import org.oversight.query.returns.CollectionYear;
import org.oversight.query.returns.cin.CinChild.ProtectionPlan;
import org.oversight.query.returns.cin.CinChild.Section47;

/** Each CIN rule with a row that breaks it and one that keeps it, census year 2025 to 2026. */
class CinRuleTest {

    private static final WorkingDayCalendar CALENDAR = BankHolidays.shipped().toCalendar();
    private static final CollectionYear YEAR = new CollectionYear(2026);

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    /** Monday 2 June 2025, its target Monday 23 June, a conference on Friday 20 June. */
    private static Section47 held() {
        return new Section47(d("2025-06-02"), d("2025-06-23"), d("2025-06-20"), false);
    }

    private static ProtectionPlan plan(String start, String end, String... reviews) {
        return new ProtectionPlan(d(start), end == null ? null : d(end), "NEG", "NEG", 0,
                Arrays.stream(reviews).map(LocalDate::parse).toList());
    }

    private static CinChild child(List<Section47> enquiries, List<ProtectionPlan> plans) {
        return new CinChild("c-1", "NM-0001", d("2015-09-14"), null, Characteristics.UNKNOWN, enquiries, plans);
    }

    private record Rows(CinChild failing, CinChild passing) {
    }

    private static final Map<CinRule, Rows> ROWS = new EnumMap<>(CinRule.class);

    static {
        ROWS.put(CinRule.R8615, new Rows(
                child(List.of(new Section47(d("2025-06-23"), d("2025-07-14"), d("2025-06-20"), false)), List.of()),
                child(List.of(held()), List.of())));
        // 10 March 2026 + 15 working days = 31 March: queried; 11 March's target is 1 April: not yet
        ROWS.put(CinRule.R8675Q, new Rows(
                child(List.of(new Section47(d("2026-03-10"), d("2026-03-31"), null, false)), List.of()),
                child(List.of(new Section47(d("2026-03-11"), d("2026-04-01"), null, false)), List.of())));
        ROWS.put(CinRule.R8715, new Rows(
                child(List.of(new Section47(d("2025-03-10"), d("2025-03-31"), d("2025-03-28"), false)), List.of()),
                child(List.of(held()), List.of())));
        ROWS.put(CinRule.R8740, new Rows(
                child(List.of(new Section47(d("2025-03-10"), d("2025-03-31"), null, false)), List.of()),
                child(List.of(new Section47(d("2026-03-20"), d("2026-04-13"), null, false)), List.of())));
        ROWS.put(CinRule.R8839, new Rows(
                child(List.of(new Section47(d("2026-03-16"), d("2026-04-07"), null, false),
                        new Section47(d("2026-03-20"), d("2026-04-13"), null, false)), List.of()),
                child(List.of(held(), new Section47(d("2026-03-20"), d("2026-04-13"), null, false)), List.of())));
        ROWS.put(CinRule.R8870Q, new Rows(
                child(List.of(new Section47(d("2025-06-02"), d("2025-06-21"), d("2025-06-20"), false)), List.of()),
                child(List.of(held()), List.of())));
        ROWS.put(CinRule.R8875, new Rows(
                child(List.of(new Section47(d("2025-06-02"), d("2025-06-23"), d("2025-06-21"), false)), List.of()),
                child(List.of(held()), List.of())));
        ROWS.put(CinRule.ICPC_NOT_REQUIRED_WITH_DATE, new Rows(
                child(List.of(new Section47(d("2025-06-02"), d("2025-06-23"), d("2025-06-20"), true)), List.of()),
                child(List.of(new Section47(d("2025-06-02"), d("2025-06-23"), null, true)), List.of())));
        ROWS.put(CinRule.R2885, new Rows(
                child(List.of(held()), List.of(plan("2025-06-19", null))),
                child(List.of(held()), List.of(plan("2025-06-20", null)))));
        ROWS.put(CinRule.R8720, new Rows(
                child(List.of(), List.of(plan("2026-04-01", null))),
                child(List.of(), List.of(plan("2025-01-06", null)))));
        ROWS.put(CinRule.R8730, new Rows(
                child(List.of(), List.of(new ProtectionPlan(d("2025-01-06"), null, "NEG", "NEG", null, List.of()))),
                child(List.of(), List.of(plan("2025-01-06", null)))));
        ROWS.put(CinRule.R8905, new Rows(
                child(List.of(), List.of(new ProtectionPlan(d("2025-01-06"), null, "XYZ", "NEG", 0, List.of()))),
                child(List.of(), List.of(plan("2025-01-06", null)))));
        ROWS.put(CinRule.R8910, new Rows(
                child(List.of(), List.of(new ProtectionPlan(d("2025-01-06"), null, "NEG", null, 0, List.of()))),
                child(List.of(), List.of(new ProtectionPlan(d("2025-01-06"), null, "NEG", "MUL", 0, List.of())))));
        ROWS.put(CinRule.R8925, new Rows(
                child(List.of(), List.of(plan("2025-06-20", "2025-06-19"))),
                child(List.of(), List.of(plan("2025-01-06", "2025-06-19")))));
        ROWS.put(CinRule.R8840, new Rows(
                child(List.of(), List.of(plan("2025-06-20", "2025-06-20"))),
                child(List.of(), List.of(plan("2025-01-06", "2025-06-20")))));
        ROWS.put(CinRule.R8841, new Rows(
                child(List.of(), List.of(plan("2025-01-06", null, "2025-01-06"))),
                child(List.of(), List.of(plan("2025-01-06", null, "2025-01-07")))));
        ROWS.put(CinRule.R8930, new Rows(
                child(List.of(), List.of(plan("2024-01-08", "2025-03-31"))),
                child(List.of(), List.of(plan("2024-01-08", "2025-04-01")))));
        ROWS.put(CinRule.R8935, new Rows(
                child(List.of(), List.of(plan("2024-01-08", null), plan("2025-06-20", null))),
                child(List.of(), List.of(plan("2024-01-08", "2025-06-20"), plan("2025-06-20", null)))));
        ROWS.put(CinRule.R8940, new Rows(
                child(List.of(), List.of(plan("2024-01-08", "2025-07-01"), plan("2025-06-20", "2025-12-01"))),
                child(List.of(), List.of(plan("2024-01-08", "2025-06-20"), plan("2025-06-20", "2025-12-01")))));
    }

    @Test
    void everyRuleHasAFailingAndAPassingRow() {
        assertThat(ROWS.keySet()).containsExactlyInAnyOrder(CinRule.values());
    }

    @Test
    void eachRuleIsBrokenByItsFailingRowAndKeptByItsPassingRow() {
        ROWS.forEach((rule, rows) -> {
            assertThat(rule.brokenBy(rows.failing(), YEAR, CALENDAR)).as(rule.rule() + " failing row").isTrue();
            assertThat(rule.brokenBy(rows.passing(), YEAR, CALENDAR)).as(rule.rule() + " passing row").isFalse();
        });
    }

    @Test
    void aFailureNamesTheChildAsTheFileDoesAndTheRuleByItsDfeNumber() {
        assertThat(CinRule.check(ROWS.get(CinRule.R8925).failing(), YEAR, CALENDAR))
                .anySatisfy(failure -> {
                    assertThat(failure.localIdentifier()).isEqualTo("NM-0001");
                    assertThat(failure.rule()).isEqualTo("8925");
                    assertThat(failure.message()).isEqualTo("Child Protection Plan End Date earlier than Start Date");
                });
    }
}
