package org.oversight.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.oversight.query.access.Scope;

/**
 * Which reports come from the kept totals: only one whole authority as the record stands now. The kept totals count
 * every child of the authority, so a team's or a chair's report from them would show the whole authority's figures,
 * and several authorities' cannot be added up (a child who moved between them is one child).
 */
class ReportPagesAskedTest {

    private static final ReportPeriod YEAR = ReportPeriod.parse("2025-26");
    private static final Scope NORTH = new Scope("qa.evans", List.of("DEMO-N"), true);
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private static ReportPages.Asked asked(Scope scope, String team, String chair, boolean asRecordedNow) {
        return new ReportPages.Asked(YEAR, new ReportQueries.Filter(scope, team, chair), NOW, asRecordedNow,
                "period=2025-26");
    }

    @Test
    @DisplayName("one whole authority as recorded now is read from the kept totals")
    void oneWholeAuthorityNow() {
        assertThat(asked(NORTH, null, null, true).wholeAuthorityAsItStands()).isTrue();
    }

    @Test
    @DisplayName("a team, a chair, a team manager with no team, several authorities, none, or an earlier moment are "
            + "worked out fact by fact")
    void everythingElseIsWorkedOutFactByFact() {
        assertThat(asked(NORTH, "North IRO team", null, true).wholeAuthorityAsItStands()).as("a team").isFalse();
        assertThat(asked(NORTH, null, "iro.ahmed", true).wholeAuthorityAsItStands()).as("a chair").isFalse();
        assertThat(asked(NORTH, "", null, true).wholeAuthorityAsItStands()).as("a team manager with no team")
                .isFalse();
        assertThat(asked(new Scope("qa.both", List.of("DEMO-N", "DEMO-S"), true), null, null, true)
                .wholeAuthorityAsItStands()).as("several authorities").isFalse();
        assertThat(asked(new Scope("nobody", List.of(), true), null, null, true).wholeAuthorityAsItStands())
                .as("no authority").isFalse();
        assertThat(asked(NORTH, null, null, false).wholeAuthorityAsItStands()).as("as recorded at a moment")
                .isFalse();
    }
}
