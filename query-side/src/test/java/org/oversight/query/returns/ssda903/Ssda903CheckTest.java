package org.oversight.query.returns.ssda903;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each DfE rule the return is checked against, with a row that fails it and one that passes. */
class Ssda903CheckTest {

    private static final CollectionYear YEAR = new CollectionYear(2025);

    private static final List<String> GOOD_HEADER = List.of("A1", "F", "15/07/2012", "WBRI", "D820300025001", "0", "");
    private static final List<String> GOOD_EPISODE = List.of("A1", "06/05/2025", "S", "C2", "", "U4", "", "", "", "",
            "", "", "");
    private static final List<String> GOOD_REVIEW = List.of("A1", "15/07/2012", "03/06/2025", "PN1");

    @Test
    void rule101TheSexIsACodeOfTheCollectionYear() {
        assertThat(header(Ssda903Check.SEX_CODE, withValue(GOOD_HEADER, 1, "2"))).as("2 is the old code").isTrue();
        assertThat(header(Ssda903Check.SEX_CODE, withValue(GOOD_HEADER, 1, ""))).isTrue();
        assertThat(header(Ssda903Check.SEX_CODE, GOOD_HEADER)).isFalse();
        Ssda903Return before = ofRows(new CollectionYear(2023), List.of(withValue(GOOD_HEADER, 1, "2")), List.of(),
                List.of());
        assertThat(fails(Ssda903Check.SEX_CODE, before)).isFalse();
    }

    @Test
    void rule102TheDateOfBirthIsARealDate() {
        assertThat(header(Ssda903Check.DATE_OF_BIRTH, withValue(GOOD_HEADER, 2, "31/02/2012"))).isTrue();
        assertThat(header(Ssda903Check.DATE_OF_BIRTH, withValue(GOOD_HEADER, 2, ""))).isTrue();
        assertThat(header(Ssda903Check.DATE_OF_BIRTH, withValue(GOOD_HEADER, 2, "29/02/2012"))).isFalse();
    }

    @Test
    void rule103TheEthnicityIsADfeCode() {
        assertThat(header(Ssda903Check.ETHNICITY, withValue(GOOD_HEADER, 3, "wbri"))).isTrue();
        assertThat(header(Ssda903Check.ETHNICITY, withValue(GOOD_HEADER, 3, ""))).isTrue();
        assertThat(header(Ssda903Check.ETHNICITY, GOOD_HEADER)).isFalse();
    }

    @Test
    void rule168AUniquePupilNumberHasTheDfesShapeOrIsAnUnknownCode() {
        assertThat(header(Ssda903Check.UNIQUE_PUPIL_NUMBER, withValue(GOOD_HEADER, 4, "O820300025001"))).isTrue();
        assertThat(header(Ssda903Check.UNIQUE_PUPIL_NUMBER, withValue(GOOD_HEADER, 4, "D82030002500"))).isTrue();
        assertThat(header(Ssda903Check.UNIQUE_PUPIL_NUMBER, withValue(GOOD_HEADER, 4, "UN6"))).isTrue();
        assertThat(header(Ssda903Check.UNIQUE_PUPIL_NUMBER, withValue(GOOD_HEADER, 4, "UN3"))).isFalse();
        assertThat(header(Ssda903Check.UNIQUE_PUPIL_NUMBER, withValue(GOOD_HEADER, 4, ""))).isFalse();
        assertThat(header(Ssda903Check.UNIQUE_PUPIL_NUMBER, GOOD_HEADER)).isFalse();
    }

    /** The header of a girl recorded as a mother whose child was born on {@code mothersChildBorn}. */
    private static List<String> mother(String mothersChildBorn) {
        return withValue(withValue(GOOD_HEADER, 5, "1"), 6, mothersChildBorn);
    }

    @Test
    void rule171TheMothersChildsDateOfBirthIsARealDateWhenGiven() {
        assertThat(header(Ssda903Check.MOTHERS_CHILD_DATE, mother("30/02/2025"))).isTrue();
        assertThat(header(Ssda903Check.MOTHERS_CHILD_DATE, mother("2025-11-20"))).isTrue();
        assertThat(header(Ssda903Check.MOTHERS_CHILD_DATE, mother("20/11/2025"))).isFalse();
        assertThat(header(Ssda903Check.MOTHERS_CHILD_DATE, GOOD_HEADER)).as("blank is left to 611").isFalse();
    }

    @Test
    void rule174NoMothersChildsDateOfBirthForABoy() {
        assertThat(header(Ssda903Check.MOTHERS_CHILD_OF_A_BOY, withValue(mother("20/11/2025"), 1, "M"))).isTrue();
        assertThat(header(Ssda903Check.MOTHERS_CHILD_OF_A_BOY, mother("20/11/2025"))).isFalse();
        assertThat(header(Ssda903Check.MOTHERS_CHILD_OF_A_BOY, withValue(GOOD_HEADER, 1, "M"))).isFalse();
        Ssda903Return before = ofRows(new CollectionYear(2023),
                List.of(withValue(mother("20/11/2023"), 1, "1")), List.of(), List.of());
        assertThat(fails(Ssda903Check.MOTHERS_CHILD_OF_A_BOY, before)).as("1 was the male code").isTrue();
    }

    @Test
    void rule611AMotherHasHerChildsDateOfBirth() {
        assertThat(header(Ssda903Check.MOTHER_WITHOUT_HER_CHILDS_DATE, mother(""))).isTrue();
        assertThat(header(Ssda903Check.MOTHER_WITHOUT_HER_CHILDS_DATE, mother("20/11/2025"))).isFalse();
        assertThat(header(Ssda903Check.MOTHER_WITHOUT_HER_CHILDS_DATE, GOOD_HEADER)).isFalse();
    }

    @Test
    void rule620AMotherIsElevenOrOlderAtTheStartOfTheCollectionYear() {
        // the year starts on 1 April 2025: born 2 April 2014 she is 10 then, born 1 April 2014 she is 11
        assertThat(header(Ssda903Check.MOTHER_UNDER_ELEVEN, withValue(mother("20/11/2025"), 2, "02/04/2014")))
                .isTrue();
        assertThat(header(Ssda903Check.MOTHER_UNDER_ELEVEN, withValue(mother("20/11/2025"), 2, "01/04/2014")))
                .isFalse();
        assertThat(header(Ssda903Check.MOTHER_UNDER_ELEVEN, withValue(GOOD_HEADER, 2, "02/04/2014"))).isFalse();
    }

    @Test
    void rule621AMotherIsOlderThanHerChild() {
        assertThat(header(Ssda903Check.MOTHER_YOUNGER_THAN_HER_CHILD, mother("15/07/2012"))).isTrue();
        assertThat(header(Ssda903Check.MOTHER_YOUNGER_THAN_HER_CHILD, mother("01/01/2010"))).isTrue();
        assertThat(header(Ssda903Check.MOTHER_YOUNGER_THAN_HER_CHILD, mother("16/07/2012"))).isFalse();
        assertThat(header(Ssda903Check.MOTHER_YOUNGER_THAN_HER_CHILD, GOOD_HEADER)).isFalse();
    }

    @Test
    void rule143TheReasonForANewEpisodeIsACode() {
        assertThat(episode(Ssda903Check.REASON_FOR_NEW_EPISODE, withValue(GOOD_EPISODE, 2, "X"))).isTrue();
        assertThat(episode(Ssda903Check.REASON_FOR_NEW_EPISODE, GOOD_EPISODE)).isFalse();
    }

    @Test
    void rule144TheLegalStatusIsACode() {
        assertThat(episode(Ssda903Check.LEGAL_STATUS, withValue(GOOD_EPISODE, 3, "C3"))).isTrue();
        assertThat(episode(Ssda903Check.LEGAL_STATUS, withValue(GOOD_EPISODE, 3, ""))).isTrue();
        assertThat(episode(Ssda903Check.LEGAL_STATUS, GOOD_EPISODE)).isFalse();
    }

    @Test
    void rule388AnEpisodeCeasedForANewOneIsFollowedByOneThatDay() {
        List<String> continuing = withValue(withValue(GOOD_EPISODE, 7, "01/08/2025"), 8, "X1");
        List<String> next = withValue(GOOD_EPISODE, 1, "01/08/2025");
        assertThat(fails(Ssda903Check.CONTINUATION, ofRows(YEAR, List.of(GOOD_HEADER), List.of(continuing),
                List.of()))).isTrue();
        assertThat(fails(Ssda903Check.CONTINUATION, ofRows(YEAR, List.of(GOOD_HEADER),
                List.of(continuing, withValue(GOOD_EPISODE, 1, "02/08/2025")), List.of()))).isTrue();
        assertThat(fails(Ssda903Check.CONTINUATION, ofRows(YEAR, List.of(GOOD_HEADER), List.of(continuing, next),
                List.of()))).isFalse();
    }

    @Test
    void rule501AnEpisodeStartsNoEarlierThanTheOneBeforeItEnded() {
        List<String> first = withValue(withValue(GOOD_EPISODE, 7, "01/08/2025"), 8, "X1");
        assertThat(fails(Ssda903Check.OVERLAPPING_EPISODES, ofRows(YEAR, List.of(GOOD_HEADER),
                List.of(first, withValue(GOOD_EPISODE, 1, "31/07/2025")), List.of()))).isTrue();
        assertThat(fails(Ssda903Check.OVERLAPPING_EPISODES, ofRows(YEAR, List.of(GOOD_HEADER),
                List.of(first, withValue(GOOD_EPISODE, 1, "01/08/2025")), List.of()))).isFalse();
    }

    @Test
    void rule166TheReviewDateIsARealDate() {
        assertThat(review(Ssda903Check.REVIEW_DATE, withValue(GOOD_REVIEW, 2, "2025-06-03"))).isTrue();
        assertThat(review(Ssda903Check.REVIEW_DATE, GOOD_REVIEW)).isFalse();
    }

    @Test
    void rule167TheParticipationIsAPnCode() {
        assertThat(review(Ssda903Check.PARTICIPATION, withValue(GOOD_REVIEW, 3, "PN8"))).isTrue();
        assertThat(review(Ssda903Check.PARTICIPATION, withValue(GOOD_REVIEW, 3, ""))).isTrue();
        assertThat(review(Ssda903Check.PARTICIPATION, GOOD_REVIEW)).isFalse();
    }

    @Test
    void rule440PN0IsForAChildUnderFourAndTheFourthBirthdayIsFour() {
        List<String> pn0 = withValue(withValue(GOOD_REVIEW, 1, "15/07/2021"), 3, "PN0");
        assertThat(review(Ssda903Check.UNDER_FOUR_AT_REVIEW, withValue(pn0, 2, "15/07/2025")))
                .as("on the fourth birthday").isTrue();
        assertThat(review(Ssda903Check.UNDER_FOUR_AT_REVIEW, withValue(pn0, 2, "14/07/2025")))
                .as("the day before").isFalse();
        // a leap-day birthday: four on 1 March in a year without 29 February
        List<String> leap = withValue(withValue(GOOD_REVIEW, 1, "29/02/2020"), 3, "PN0");
        assertThat(review(Ssda903Check.UNDER_FOUR_AT_REVIEW, withValue(leap, 2, "28/02/2024"))).isFalse();
        assertThat(review(Ssda903Check.UNDER_FOUR_AT_REVIEW, withValue(leap, 2, "29/02/2024"))).isTrue();
    }

    @Test
    void aFailureNamesTheChildByTheAuthoritysIdentifierAndTheRule() {
        List<Ssda903Check.Failure> failures = Ssda903Check.run(ofRows(YEAR, List.of(withValue(GOOD_HEADER, 3, "X")),
                List.of(GOOD_EPISODE), List.of(GOOD_REVIEW)));
        assertThat(failures).containsExactly(new Ssda903Check.Failure("103",
                "The ethnicity code is either not valid or has not been entered.", "header", "child-1", "A1"));
    }

    private static boolean header(Ssda903Check check, List<String> row) {
        return fails(check, ofRows(YEAR, List.of(row), List.of(GOOD_EPISODE), List.of(GOOD_REVIEW)));
    }

    private static boolean episode(Ssda903Check check, List<String> row) {
        return fails(check, ofRows(YEAR, List.of(GOOD_HEADER), List.of(row), List.of(GOOD_REVIEW)));
    }

    private static boolean review(Ssda903Check check, List<String> row) {
        return fails(check, ofRows(YEAR, List.of(GOOD_HEADER), List.of(GOOD_EPISODE), List.of(row)));
    }

    private static boolean fails(Ssda903Check check, Ssda903Return ssda903) {
        return Ssda903Check.run(ssda903).stream().anyMatch(f -> f.rule().equals(check.rule()));
    }

    private static Ssda903Return ofRows(CollectionYear year, List<List<String>> header, List<List<String>> episodes,
            List<List<String>> reviews) {
        return new Ssda903Return(year, new Table("header", Ssda903Return.HEADER, rows(header)),
                new Table("episodes", Ssda903Return.EPISODES, rows(episodes)),
                new Table("reviews", Ssda903Return.REVIEWS, rows(reviews)), 0);
    }

    private static List<Table.Row> rows(List<List<String>> values) {
        return values.stream().map(v -> new Table.Row("child-1", v)).toList();
    }

    private static List<String> withValue(List<String> row, int at, String value) {
        List<String> changed = new ArrayList<>(row);
        changed.set(at, value);
        return changed;
    }
}
