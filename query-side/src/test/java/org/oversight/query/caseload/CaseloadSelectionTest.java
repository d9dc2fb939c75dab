package org.oversight.query.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.web.InvalidRequest;
import org.oversight.query.web.ReadBounds;

/** What a caseload request may ask for: known filters, a bounded page and size, and no name in an address. */
class CaseloadSelectionTest {

    @Test
    void theFiltersTheOrderAndThePageAreReadAndTheSizeIsTheServersWhenNoneIsAsked() {
        CaseloadSelection selection = CaseloadSelection.of("CP_CHAIR", "plan", "overdue", null, "name", "2", null,
                CaseloadSelection.PAGE_SIZE, false);

        assertThat(selection.role()).isEqualTo(ChairRole.CP_CHAIR);
        assertThat(selection.kind()).isEqualTo(CaseloadSelection.Kind.PLAN);
        assertThat(selection.due()).isEqualTo(CaseloadSelection.Due.OVERDUE);
        assertThat(selection.sort()).isEqualTo(CaseloadSelection.Sort.NAME);
        assertThat(selection.size()).isEqualTo(25);
        assertThat(selection.offset()).isEqualTo(25);
    }

    @Test
    void anUnknownFilterOrOrderIsRefusedNamingTheRule() {
        for (String[] bad : new String[][] {{"CHAIR", null, null, null}, {null, "adopted", null, null},
                {null, null, "late", null}, {null, null, null, "age"}}) {
            assertThatThrownBy(() -> CaseloadSelection.of(bad[0], bad[1], bad[2], null, bad[3], null, null, 25, false))
                    .isInstanceOfSatisfying(InvalidRequest.class,
                            e -> assertThat(e.rule()).isEqualTo(CaseloadSelection.FILTER_RULE));
        }
    }

    @Test
    void aClientCannotAskForAnUnboundedPage() {
        assertThatThrownBy(() -> CaseloadSelection.of(null, null, null, null, null, null, "101", 100, true))
                .isInstanceOfSatisfying(InvalidRequest.class,
                        e -> assertThat(e.rule()).isEqualTo(CaseloadSelection.SIZE_RULE));
        assertThatThrownBy(() -> CaseloadSelection.of(null, null, null, null, null, null, "0", 100, true))
                .isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> CaseloadSelection.of(null, null, null, null, null, null, "all", 100, true))
                .isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> CaseloadSelection.of(null, null, null, null, null,
                String.valueOf(ReadBounds.MAX_PAGE + 1), null, 25, false))
                .isInstanceOfSatisfying(InvalidRequest.class,
                        e -> assertThat(e.rule()).isEqualTo(ReadBounds.PAGE_RULE));
        assertThat(CaseloadSelection.of(null, null, null, null, null, null, "100", 100, true).size()).isEqualTo(100);
    }

    @Test
    void theAddressKeepsTheFiltersAndTheOrderButNeverTheName() {
        CaseloadSelection selection = CaseloadSelection.of("IRO", "CARE", "SOON", "Robin", "DUE", "3", null, 25,
                false);

        Map<String, String> address = selection.address();

        assertThat(address).containsExactly(Map.entry("role", "IRO"), Map.entry("kind", "CARE"),
                Map.entry("due", "SOON"), Map.entry("sort", "DUE"));
        assertThat(address.values()).noneMatch(v -> v.toLowerCase().contains("robin"));
        assertThat(selection.name()).isEqualTo("robin");
    }

    @Test
    void aNameLongerThanAnyNameOrWithControlCharactersIsRefused() {
        assertThatThrownBy(() -> CaseloadSelection.of(null, null, null, "x".repeat(101), null, null, null, 25, false))
                .isInstanceOfSatisfying(InvalidRequest.class,
                        e -> assertThat(e.rule()).isEqualTo(CaseloadSelection.NAME_RULE));
        assertThatThrownBy(() -> CaseloadSelection.of(null, null, null, "Ro\u0000bin", null, null, null, 25, false))
                .isInstanceOf(InvalidRequest.class);
    }

    @Test
    void pagingLinksCarryTheFiltersAndOrderAndLeadBackFromPastTheLastPage() {
        CaseloadSelection selection = CaseloadSelection.of(null, "PLAN", "OVERDUE", null, "NAME", "9", null, 25,
                false);
        CaseloadQueries.Slice slice = new CaseloadQueries.Slice(java.util.List.of(), 60, 9, 25);

        CaseloadPaging paging = CaseloadPaging.of("/caseload", Map.of(), selection, slice);

        assertThat(paging.previous().href()).isEqualTo("/caseload?kind=PLAN&due=OVERDUE&sort=NAME&page=3");
        assertThat(paging.next()).isNull();
        assertThat(paging.items()).extracting(CaseloadPaging.Item::number).containsExactly(1, 2, 3);
        assertThat(paging.byPost()).isFalse();
    }
}
