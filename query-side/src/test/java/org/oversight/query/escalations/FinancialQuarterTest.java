package org.oversight.query.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FinancialQuarterTest {

    @Test
    @DisplayName("31 March is Q4 of the year ending; 1 April starts Q1 of the next financial year")
    void theFinancialYearStartsOnTheFirstOfApril() {
        assertThat(FinancialQuarter.of(LocalDate.of(2025, 3, 31))).isEqualTo(new FinancialQuarter(2024, 4));
        assertThat(FinancialQuarter.of(LocalDate.of(2025, 4, 1))).isEqualTo(new FinancialQuarter(2025, 1));
    }

    @Test
    @DisplayName("30 June | 1 July is Q1 | Q2, 30 September | 1 October Q2 | Q3, 31 December | 1 January Q3 | Q4 of "
            + "one financial year")
    void quartersChangeAtTheEndOfJuneSeptemberAndDecember() {
        assertThat(FinancialQuarter.of(LocalDate.of(2025, 6, 30)).key()).isEqualTo("2025-26-Q1");
        assertThat(FinancialQuarter.of(LocalDate.of(2025, 7, 1)).key()).isEqualTo("2025-26-Q2");
        assertThat(FinancialQuarter.of(LocalDate.of(2025, 9, 30)).key()).isEqualTo("2025-26-Q2");
        assertThat(FinancialQuarter.of(LocalDate.of(2025, 10, 1)).key()).isEqualTo("2025-26-Q3");
        assertThat(FinancialQuarter.of(LocalDate.of(2025, 12, 31)).key()).isEqualTo("2025-26-Q3");
        assertThat(FinancialQuarter.of(LocalDate.of(2026, 1, 1)).key()).isEqualTo("2025-26-Q4");
    }

    @Test
    void aQuarterKnowsItsDaysItsNeighboursAndItsNames() {
        FinancialQuarter q4 = new FinancialQuarter(2099, 4);
        assertThat(q4.firstDay()).isEqualTo(LocalDate.of(2100, 1, 1));
        assertThat(q4.lastDay()).isEqualTo(LocalDate.of(2100, 3, 31));
        assertThat(q4.next()).isEqualTo(new FinancialQuarter(2100, 1));
        assertThat(q4.next().previous()).isEqualTo(q4);
        assertThat(q4.key()).isEqualTo("2099-00-Q4");
        assertThat(q4.label()).isEqualTo("Q4 2099–00");
        assertThat(new FinancialQuarter(2025, 2).title()).isEqualTo("Q2 2025–26 (July to September 2025)");
        assertThat(FinancialQuarter.parse("2025-26-Q3")).isEqualTo(new FinancialQuarter(2025, 3));
        assertThat(FinancialQuarter.parse("2025-27-Q3")).as("inconsistent years").isNull();
        assertThat(FinancialQuarter.parse("Q3")).isNull();
    }
}
