package org.oversight.query.returns.annexa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.oversight.query.returns.Characteristics;
import org.oversight.query.returns.ChildFacts;
import org.oversight.query.returns.ChildFacts.CarePeriod;
import org.oversight.query.returns.ChildFacts.Day;

class AnnexAListsTest {

    private static final LocalDate FROM = LocalDate.of(2025, 4, 1);
    private static final LocalDate TO = LocalDate.of(2026, 3, 31);

    private static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    /** On a plan since May 2025, its category changed at the second review; a review after the range not shown. */
    private static ChildFacts onAPlan() {
        return new ChildFacts("c-1", "DEMO-N", "NM-0001", d("2015-09-14"), null,
                new Characteristics("F", "WBRI", null, false, List.of()), List.of(),
                List.of(new ChildFacts.Plan("p-1", d("2025-05-02"), null, "NEG", 1, List.of(
                        new ChildFacts.Review("r-1", d("2025-08-01"), "NEG"),
                        new ChildFacts.Review("r-2", d("2026-02-10"), "EMO"),
                        new ChildFacts.Review("r-3", d("2026-04-10"), "PHY")))),
                List.of());
    }

    /** A second period of care that began in the year, with three placements and its days recorded. */
    private static ChildFacts inCare() {
        CarePeriod first = new CarePeriod("lac-1", d("2022-01-10"), "V2", d("2022-01-10"), d("2023-02-01"), "E4A",
                null, null, null, List.of(new Day(ChildFacts.PLACEMENT, d("2022-01-10"))));
        CarePeriod second = new CarePeriod("lac-2", d("2025-06-16"), "C2", d("2025-09-01"), null, null,
                "Sam Social", "North CLA team", "LONG_TERM_FOSTERING", List.of(
                        new Day(ChildFacts.PLACEMENT, d("2025-06-16")), new Day(ChildFacts.PLACEMENT, d("2025-10-06")),
                        new Day(ChildFacts.PLACEMENT, d("2026-01-12")), new Day(ChildFacts.REVIEW, d("2025-07-11")),
                        new Day(ChildFacts.REVIEW, d("2025-10-09")), new Day(ChildFacts.SOCIAL_WORK_VISIT,
                                d("2026-03-02")), new Day(ChildFacts.IRO_CONTACT, d("2026-02-20")),
                        new Day(ChildFacts.HEALTH_ASSESSMENT, d("2025-07-01")),
                        new Day(ChildFacts.DENTAL_CHECK, d("2025-12-03"))));
        return new ChildFacts("c-2", "DEMO-N", "NM-0002", d("2012-04-01"), null, Characteristics.UNKNOWN,
                List.of(), List.of(), List.of(first, second));
    }

    @Test
    void list7ShowsTheLatestCategoryAndReviewAsAtTheEndOfTheRange() {
        AnnexARow row = AnnexARows.list7(onAPlan(), FROM, TO).get(0);
        assertThat(row.cell("Initial Category of Abuse")).isEqualTo("Neglect");
        assertThat(row.cell("Latest Category of Abuse")).isEqualTo("Emotional abuse");
        assertThat(row.cell("Date of latest review conference")).isEqualTo("10/02/2026");
        assertThat(row.cell("Age of Child (Years)")).isEqualTo("10");
        assertThat(row.cell("Does the Child have a Disability")).isEqualTo("No");
    }

    @Test
    void placementsInTheLastTwelveMonthsCountTheOneHeldWhenTheyBeganAndEachBegunSince() {
        assertThat(AnnexARows.placementsInTheYearTo(inCare(), TO)).isEqualTo(3);
        // as at 31 March 2027 the June and October placements are more than 12 months old: the one held then counts
        assertThat(AnnexARows.placementsInTheYearTo(inCare(), d("2027-03-31"))).isEqualTo(1);
    }

    @Test
    void aSecondPeriodIsFlaggedOnlyWhileItBeganWithinTheLastTwelveMonths() {
        assertThat(AnnexARows.list8(inCare(), FROM, TO).get(0).cell(AnnexAList.LIST_8.columns().get(9)))
                .isEqualTo("Y");
        assertThat(AnnexARows.list8(inCare(), FROM, d("2026-07-01")).get(0).cell(AnnexAList.LIST_8.columns().get(9)))
                .isEqualTo("N");
    }

    @Test
    void theAgeIsInWholeYearsOnTheLastDayOfTheRangeAndEmptyForAChildNotYetBorn() {
        assertThat(AnnexARows.ageOn(d("2012-04-01"), d("2026-03-31"))).isEqualTo(13);
        assertThat(AnnexARows.ageOn(d("2012-04-01"), d("2026-04-01"))).isEqualTo(14);
        assertThat(AnnexARows.ageOn(null, d("2026-04-01"))).isNull();
    }

    @Test
    void theCsvOfASmallHistoryIsExactlyTheOneWorkedByHand() throws IOException {
        assertThat(csv(AnnexAList.LIST_7, onAPlan())).isEqualTo(expected("annex-a-list-7-small.csv"));
        assertThat(csv(AnnexAList.LIST_8, inCare())).isEqualTo(expected("annex-a-list-8-small.csv"));
    }

    @Test
    void theSpreadsheetReadsBackAsTheSameRowsAsTheCsv() throws IOException {
        for (AnnexAList list : AnnexAList.values()) {
            ChildFacts child = list == AnnexAList.LIST_7 ? onAPlan() : inCare();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AnnexAFormat.Output xlsx = AnnexAFormat.XLSX.open(list, out);
            AnnexAExport.rows(child, list, FROM, TO).forEach(row -> xlsx.row(row.cells()));
            xlsx.finish();

            List<List<String>> read = new ArrayList<>();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
                Sheet sheet = workbook.getSheet("List " + list.number());
                DataFormatter text = new DataFormatter();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < list.columns().size(); i++) {
                        cells.add(text.formatCellValue(row.getCell(i)));
                    }
                    read.add(cells);
                }
            }
            List<List<String>> expected = new ArrayList<>();
            expected.add(list.columns());
            AnnexAExport.rows(child, list, FROM, TO).forEach(row -> expected.add(row.cells()));
            assertThat(read).isEqualTo(expected);
            assertThat(read).hasSize(2);
        }
    }

    @Test
    void aFormulaInACellIsWrittenAsTextNotRun() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnnexAFormat.Output csv = AnnexAFormat.CSV.open(AnnexAList.LIST_7, out);
        List<String> cells = new ArrayList<>(java.util.Collections.nCopies(AnnexAList.LIST_7.columns().size(), ""));
        cells.set(0, "=HYPERLINK(\"x\")");
        csv.row(cells);
        csv.finish();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"'=HYPERLINK(\"\"x\"\")\"");
    }

    private static byte[] csv(AnnexAList list, ChildFacts child) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AnnexAFormat.Output csv = AnnexAFormat.CSV.open(list, out);
        AnnexAExport.rows(child, list, FROM, TO).forEach(row -> csv.row(row.cells()));
        csv.finish();
        return out.toByteArray();
    }

    private byte[] expected(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/returns/" + name)) {
            return in.readAllBytes();
        }
    }
}
