package org.oversight.query.returns.annexa;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The two forms an Annex A list downloads in, each written a row at a time as the rows come. */
public enum AnnexAFormat {

    CSV("csv", "text/csv;charset=UTF-8;header=present"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final String extension;
    private final String mediaType;

    AnnexAFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public static AnnexAFormat of(String extension) {
        for (AnnexAFormat format : values()) {
            if (format.extension.equals(extension)) {
                return format;
            }
        }
        return null;
    }

    /** A file being written: the header row first, then {@link #row} for each row, then {@link #finish}. */
    public interface Output {
        void row(List<String> cells);

        void finish();
    }

    public Output open(AnnexAList list, OutputStream out) {
        Output output = this == CSV ? new CsvOutput(out) : new XlsxOutput(list, out);
        output.row(list.columns());
        return output;
    }

    /**
     * RFC 4180: CRLF after every record, a field quoted when it holds a comma, a quote or a line break. A field a
     * spreadsheet would run as a formula gets a leading apostrophe (OWASP's advice against CSV injection); the
     * list's numbers are never negative, so no number is touched.
     */
    private static final class CsvOutput implements Output {
        private static final Pattern NUMBER = Pattern.compile("\\d+");
        private final Writer writer;

        CsvOutput(OutputStream out) {
            writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        }

        @Override
        public void row(List<String> cells) {
            try {
                for (int i = 0; i < cells.size(); i++) {
                    if (i > 0) {
                        writer.write(',');
                    }
                    writer.write(field(cells.get(i)));
                }
                writer.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void finish() {
            try {
                writer.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static String field(String value) {
            String safe = value;
            if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0 && !NUMBER.matcher(safe).matches()) {
                safe = "'" + safe;
            }
            if (safe.contains(",") || safe.contains("\"") || safe.contains("\r") || safe.contains("\n")) {
                return '"' + safe.replace("\"", "\"\"") + '"';
            }
            return safe;
        }
    }

    /**
     * A streaming workbook: at most a window of rows is held in memory, the rest in a compressed temporary file
     * that closing the workbook deletes, so a large authority's list never sits whole in memory.
     */
    private static final class XlsxOutput implements Output {
        private static final int WINDOW = 100;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
        private final Sheet sheet;
        private final CellStyle header;
        private final OutputStream out;
        private int next;

        XlsxOutput(AnnexAList list, OutputStream out) {
            this.out = out;
            workbook.setCompressTempFiles(true);
            sheet = workbook.createSheet("List " + list.number());
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
        }

        @Override
        public void row(List<String> cells) {
            Row row = sheet.createRow(next);
            for (int i = 0; i < cells.size(); i++) {
                row.createCell(i).setCellValue(cells.get(i));
                if (next == 0) {
                    row.getCell(i).setCellStyle(header);
                }
            }
            next++;
        }

        @Override
        public void finish() {
            try (SXSSFWorkbook book = workbook) {
                book.write(out);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
