package org.oversight.query.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The caseload table's rows as written in Java: every value escaped, every cell the page and its tests rely on. */
class CaseloadRowsHtmlTest {

    private static final CaseloadRow LOOKED_AFTER = new CaseloadRow("child-1", "Ava <b>O'Neil</b> & \"Co\"",
            "Born 1 Mar 2015", "Overdue", "govuk-tag govuk-tag--red", "Review of the care plan",
            "by Monday 2 March 2026", "Aisha Ahmed", "IRO", "since 1 Jan 2024", "No plan", null,
            new CaseloadRow.LookedAfter("Since 1 Jan 2024", "No review yet", "2 open actions", "1 overdue",
                    "0 changes of IRO in this period"),
            "Consultation not yet held");
    private static final CaseloadRow NOTHING_DUE = new CaseloadRow("child-2", "Ben Bell", "Born 2 Feb 2016",
            "On track", "govuk-tag govuk-tag--green", null, null, null, "Child protection chair",
            "since 3 Mar 2025", "Neglect", "since 3 Mar 2025, no review yet", null, null);

    @Test
    @DisplayName("a child's name and every other value is escaped, in text and in attributes")
    void valuesAreEscaped() {
        String html = CaseloadRowsHtml.of(List.of(LOOKED_AFTER), false);
        assertThat(html).doesNotContain("<b>").doesNotContain("O'Neil").doesNotContain("\"Co\"")
                .contains("Ava &lt;b&gt;O&#39;Neil&lt;/b&gt; &amp; &quot;Co&quot;")
                .contains("<span class=\"govuk-visually-hidden\"> for Ava &lt;b&gt;O&#39;Neil");
        assertThat(CaseloadRowsHtml.text("\"><script>")).isEqualTo("&quot;&gt;&lt;script&gt;");
        assertThat(CaseloadRowsHtml.text(null)).isEmpty();
    }

    @Test
    @DisplayName("each row links to the child and the timeline and marks the cells the page's tests read")
    void rowsCarryTheirLinksAndMarks() {
        String html = CaseloadRowsHtml.of(List.of(LOOKED_AFTER, NOTHING_DUE), false);
        assertThat(html).contains("<tr class=\"govuk-table__row\" data-child=\"child-1\">")
                .contains("href=\"/children/child-1\"").contains("href=\"/children/child-1/timeline\"")
                .contains("<strong class=\"govuk-tag govuk-tag--red\" data-testid=\"urgency\">Overdue</strong>")
                .contains("data-testid=\"due-with-next\">Consultation not yet held</strong>")
                .contains("<li data-testid=\"open-actions\">2 open actions</li>")
                .contains("<li data-testid=\"overdue-actions\"><strong class=\"govuk-tag govuk-tag--red\">1 overdue")
                .contains("data-testid=\"next-due\"><span>Nothing due</span>")
                .contains("data-testid=\"looked-after\"><span>Not looked after</span>")
                .contains("<span class=\"govuk-body-s govuk-!-display-block\">since 3 Mar 2025, no review yet</span>");
        assertThat(html.split("<tr ", -1)).hasSize(3);
        assertThat(html).doesNotContain("Aisha Ahmed").doesNotContain("null");
    }

    @Test
    @DisplayName("a team's table has a cell for each allocation's chair, a chair's own has none")
    void theChairsColumnOnlyForATeam() {
        assertThat(CaseloadRowsHtml.of(List.of(LOOKED_AFTER), true))
                .contains("<td class=\"govuk-table__cell\">Aisha Ahmed</td>");
        assertThat(CaseloadRowsHtml.of(List.of(NOTHING_DUE), true)).contains("<td class=\"govuk-table__cell\"></td>");
        assertThat(CaseloadRowsHtml.of(List.of(), true)).isEmpty();
    }
}
