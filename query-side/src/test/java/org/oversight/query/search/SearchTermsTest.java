package org.oversight.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    void aSearchWithNothingToSearchByIsRefused() {
        SearchTerms.Checked checked = SearchTerms.fromForm(" ", "", "", "", "");
        assertThat(checked.refused()).isTrue();
        assertThat(checked.problems()).extracting(SearchTerms.Problem::rule).containsExactly("search-needs-a-term");
        assertThat(SearchTerms.fromApi(null, null, null).problems()).extracting(SearchTerms.Problem::rule)
                .containsExactly("search-needs-a-term");
    }

    @Test
    void aNameIsSearchedByItsKey() {
        SearchTerms terms = SearchTerms.fromApi("Rowen Acess", null, null).terms();
        assertThat(terms.nameKey()).isEqualTo("rowenacess");
        assertThat(terms.byName()).isTrue();
    }

    @Test
    void aNameOfFewerThanTwoLettersOrOverOneHundredCharactersIsRefused() {
        assertThat(SearchTerms.fromApi("A-", null, null).problems()).extracting(SearchTerms.Problem::field)
                .containsExactly("name");
        assertThat(SearchTerms.fromApi("A".repeat(101), null, null).problems()).extracting(SearchTerms.Problem::rule)
                .containsExactly("search-name-length");
        assertThat(SearchTerms.fromApi("Al", null, null).refused()).isFalse();
    }

    @Test
    void theDateOfBirthIsTheThreeBoxesOfTheFormOrAnIsoDateInTheApi() {
        assertThat(SearchTerms.fromForm("", "1", "3", "2016", "").terms().dateOfBirth())
                .isEqualTo(LocalDate.of(2016, 3, 1));
        assertThat(SearchTerms.fromApi(null, "2016-03-01", null).terms().dateOfBirth())
                .isEqualTo(LocalDate.of(2016, 3, 1));
        assertThat(SearchTerms.fromForm("", "31", "2", "2016", "").problems()).extracting(SearchTerms.Problem::rule)
                .containsExactly("real-date");
        assertThat(SearchTerms.fromForm("", "1", "", "2016", "").problems()).extracting(SearchTerms.Problem::message)
                .containsExactly("Date of birth must include a day, month and year");
        assertThat(SearchTerms.fromApi(null, "01/03/2016", null).problems()).extracting(SearchTerms.Problem::field)
                .containsExactly("dateOfBirth");
    }

    @Test
    void anIdentifierIsTheAuthoritysOwnInUpperCaseOrACaseId() {
        SearchTerms local = SearchTerms.fromApi(null, null, " acc-1 ").terms();
        assertThat(local.localIdentifier()).isEqualTo("ACC-1");
        assertThat(local.caseId()).isNull();
        SearchTerms caseId = SearchTerms.fromApi(null, null, "5D0B5C1E-7A3F-4C52-9E0D-2B8F4A6C1D37").terms();
        assertThat(caseId.caseId()).isEqualTo("5d0b5c1e-7a3f-4c52-9e0d-2b8f4a6c1d37");
        assertThat(SearchTerms.fromApi(null, null, "ACC 1; DROP").problems()).extracting(SearchTerms.Problem::rule)
                .containsExactly("search-identifier-shape");
    }

    @Test
    void aTermOfTheWrongShapeIsNamedAndTheSearchIsNotRun() {
        SearchTerms.Checked checked = SearchTerms.fromApi("Rowan", "not a date", null);
        assertThat(checked.refused()).isTrue();
        assertThat(checked.terms()).isNull();
    }
}
