package org.oversight.query.returns.annexa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each Annex A check with a row that breaks it and one that keeps it. */
class AnnexACheckTest {

    private static AnnexARow row(AnnexAList list, String... columnsAndValues) {
        List<String> cells = new ArrayList<>(Collections.nCopies(list.columns().size(), ""));
        cells.set(0, "NM-0001");
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            cells.set(list.columns().indexOf(columnsAndValues[i]), columnsAndValues[i + 1]);
        }
        return new AnnexARow(list, "c-1", cells);
    }

    private record Rows(AnnexARow failing, AnnexARow passing) {
    }

    private static final Map<AnnexACheck, Rows> ROWS = new EnumMap<>(AnnexACheck.class);

    static {
        String start = "Child Protection Plan Start Date";
        ROWS.put(AnnexACheck.PLAN_ENDS_BEFORE_START, new Rows(
                row(AnnexAList.LIST_7, start, "20/06/2025", "Child Protection Plan End Date", "19/06/2025"),
                row(AnnexAList.LIST_7, start, "20/06/2025", "Child Protection Plan End Date", "20/06/2025")));
        ROWS.put(AnnexACheck.REVIEW_NOT_AFTER_PLAN_START, new Rows(
                row(AnnexAList.LIST_7, start, "20/06/2025", "Date of latest review conference", "20/06/2025"),
                row(AnnexAList.LIST_7, start, "20/06/2025", "Date of latest review conference", "19/09/2025")));
        String started = "Date Started to be Looked After";
        ROWS.put(AnnexACheck.CEASED_BEFORE_STARTED, new Rows(
                row(AnnexAList.LIST_8, started, "16/06/2025", "Date Ceased to be Looked After", "15/06/2025"),
                row(AnnexAList.LIST_8, started, "16/06/2025", "Date Ceased to be Looked After", "16/06/2025")));
        ROWS.put(AnnexACheck.LEGAL_STATUS_BEFORE_STARTED, new Rows(
                row(AnnexAList.LIST_8, started, "16/06/2025", "Start date of current legal status", "15/06/2025"),
                row(AnnexAList.LIST_8, started, "16/06/2025", "Start date of current legal status", "16/06/2025")));
        ROWS.put(AnnexACheck.REVIEW_BEFORE_STARTED, new Rows(
                row(AnnexAList.LIST_8, started, "16/06/2025", "Date of Latest Statutory Review", "01/06/2025"),
                row(AnnexAList.LIST_8, started, "16/06/2025", "Date of Latest Statutory Review", "11/07/2025")));
    }

    @Test
    void everyCheckHasAFailingAndAPassingRow() {
        assertThat(ROWS.keySet()).containsExactlyInAnyOrder(AnnexACheck.values());
    }

    @Test
    void eachCheckIsBrokenByItsFailingRowAndKeptByItsPassingRow() {
        ROWS.forEach((check, rows) -> {
            assertThat(AnnexACheck.check(rows.failing())).as(check.rule() + " failing row")
                    .extracting(f -> f.rule()).contains(check.rule());
            assertThat(AnnexACheck.check(rows.passing())).as(check.rule() + " passing row")
                    .extracting(f -> f.rule()).doesNotContain(check.rule());
        });
    }
}
