package org.oversight.query.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The report as a spreadsheet: the same rows as its CSV on one sheet, and the words of every figure's numerator
 * and denominator on them, so that the file read alone says what each number counts. Counts are written as
 * numbers; a text cell a spreadsheet could read as a formula is written as text, never as a formula.
 */
public final class ReportSpreadsheet {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private ReportSpreadsheet() {
    }

    public static byte[] of(Report report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("IRO report " + report.period().key());
            List<List<String>> rows = ReportExports.reportRows(report);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<String> fields = rows.get(r);
                for (int c = 0; c < fields.size(); c++) {
                    String field = fields.get(c);
                    if (r > 0 && isWholeNumber(field)) {
                        row.createCell(c).setCellValue(Long.parseLong(field));
                    } else {
                        row.createCell(c).setCellValue(field);
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isWholeNumber(String field) {
        return !field.isEmpty() && field.length() < 15 && field.chars().allMatch(Character::isDigit);
    }
}
