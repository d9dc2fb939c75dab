package org.oversight.query.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    @DisplayName("RFC 4180: CRLF after each record; commas, quotes and line breaks quoted, quotes doubled")
    void quotesAsRfc4180Says() {
        String csv = new Csv().row("plain", "with, comma", "with \"quote\"", "two\nlines", null, "").toString();

        assertThat(csv).isEqualTo("plain,\"with, comma\",\"with \"\"quote\"\"\",\"two\nlines\",,\r\n");
    }

    @Test
    @DisplayName("text a spreadsheet would run as a formula is defused; numbers, negative ones too, are kept")
    void formulasAreDefusedButNumbersKept() {
        assertThat(Csv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field("-3")).isEqualTo("-3");
        assertThat(Csv.field("67%")).isEqualTo("67%");
    }
}
