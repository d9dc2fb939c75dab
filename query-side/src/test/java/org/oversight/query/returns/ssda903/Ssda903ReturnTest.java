package org.oversight.query.returns.ssda903;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oversight.query.characteristics.Characteristics;

/**
 * A small authority's return for the 2025 to 2026 collection, compared byte for byte with files worked out by hand
 * (src/test/resources/ssda903): a child with a move to the same carer (T) and a change of legal status (L), reviewed
 * on her fourth birthday; a child whose period began the year before, moved to another carer (P) and left; a child
 * on short breaks only, whose review is left out (rule 399) and whose characteristics are not recorded; a child in
 * care for one day; and children looked after only before or after the year, who are not in it.
 */
class Ssda903ReturnTest {

    static final CollectionYear YEAR = new CollectionYear(2025);

    static List<ChildFacts> smallAuthority() {
        return List.of(
                child("e", "E500", LocalDate.of(2012, 1, 1), answers("e", "F", "AOTH", null, "Y", LocalDate.of(2024, 9, 14)),
                        periods("p-e", Change.started("p-e", day(2025, 11, 11), "V2", "U4"),
                                Change.ended("p-e", day(2025, 11, 11), "E13")),
                        List.of()),
                child("a", "A100", LocalDate.of(2021, 7, 15), answers("a", "F", "MWBC", null, null),
                        periods("p-a", Change.started("p-a", day(2025, 5, 6), "C1", "U4"),
                                Change.placement("p-a", day(2025, 8, 1), "U6", false),
                                Change.legalStatus("p-a", day(2025, 10, 1), "C2")),
                        List.of(review("p-a", day(2025, 6, 3), "PN0"), review("p-a", day(2025, 12, 1), "PN1"),
                                review("p-a", day(2025, 7, 15), "PN1"))),
                child("b", "B200", LocalDate.of(2010, 2, 20), answers("b", "M", "WBRI", "D820300025001", null),
                        periods("p-b", Change.started("p-b", day(2024, 11, 1), "V2", "K2"),
                                Change.placement("p-b", day(2025, 4, 10), "U4", true),
                                Change.ended("p-b", day(2025, 9, 30), "E13")),
                        List.of(review("p-b", day(2024, 12, 1), "PN1"), review("p-b", day(2025, 5, 1), "PN1"))),
                child("c", "C300", LocalDate.of(2015, 3, 3), null,
                        periods("p-c", Change.started("p-c", day(2025, 6, 1), "V3", null)),
                        List.of(review("p-c", day(2025, 9, 1), "PN2"))),
                child("d", "D400", LocalDate.of(2014, 4, 4), answers("d", "M", "WBRI", null, null),
                        periods("p-d", Change.started("p-d", day(2026, 4, 2), "C2", "U4")), List.of()),
                child("f", "F600", LocalDate.of(2013, 9, 9), answers("f", "M", "BAFR", null, null),
                        periods("p-f", Change.started("p-f", day(2024, 1, 1), "V2", "U4"),
                                Change.ended("p-f", day(2024, 3, 1), "E4A")),
                        List.of(review("p-f", day(2024, 1, 20), "PN1"))));
    }

    @Test
    void theHeaderEpisodesAndReviewsTablesAreTheDfesCsvByteForByte() throws IOException {
        Ssda903Return ssda903 = Ssda903Return.of(YEAR, smallAuthority());

        assertThat(Ssda903Files.csv(ssda903.header())).isEqualTo(expected("header-2025.csv"));
        assertThat(Ssda903Files.csv(ssda903.episodes())).isEqualTo(expected("episodes-2025.csv"));
        assertThat(Ssda903Files.csv(ssda903.reviews())).isEqualTo(expected("reviews-2025.csv"));
    }

    @Test
    void theXmlFormHoldsTheSameByteForByte() throws IOException {
        assertThat(Ssda903Files.xml(Ssda903Return.of(YEAR, smallAuthority()))).isEqualTo(expected("return-2025.xml"));
    }

    @Test
    void reviewsOfAPeriodOfShortBreaksOnlyAreLeftOutAndTheirEpisodesKept() {
        Ssda903Return ssda903 = Ssda903Return.of(YEAR, smallAuthority());
        assertThat(ssda903.reviews().rows()).noneMatch(r -> r.childId().equals("c"));
        assertThat(ssda903.episodes().rows()).anyMatch(r -> r.childId().equals("c"));
        // a period that began on short breaks and became a care order is not short breaks only
        ChildFacts changed = child("g", "G700", LocalDate.of(2015, 3, 3), null,
                periods("p-g", Change.started("p-g", day(2025, 6, 1), "V4", null),
                        Change.legalStatus("p-g", day(2025, 7, 1), "C1")),
                List.of(review("p-g", day(2025, 9, 1), "PN2")));
        assertThat(Ssda903Return.of(YEAR, List.of(changed)).reviews().rows()).hasSize(1);
    }

    @Test
    void theSexIsWrittenInTheCodesOfTheCollectionYear() {
        List<ChildFacts> children = smallAuthority();
        Ssda903Return before = Ssda903Return.of(new CollectionYear(2023), List.of(
                child("x", "X1", LocalDate.of(2012, 1, 1), answers("x", "F", "WBRI", null, "N"),
                        periods("p-x", Change.started("p-x", day(2023, 5, 1), "C2", "U4")), List.of())));
        assertThat(before.header().value(before.header().rows().get(0), "SEX")).isEqualTo("2");
        assertThat(before.header().value(before.header().rows().get(0), "MOTHER")).isEqualTo("0");
        Ssda903Return now = Ssda903Return.of(YEAR, children);
        assertThat(now.header().value(now.header().rows().get(0), "SEX")).isEqualTo("F");
    }

    @Test
    void onlyTheRowsOfTheChildWithNoCharacteristicsFailTheirChecks() {
        List<Ssda903Check.Failure> failures = Ssda903Check.run(Ssda903Return.of(YEAR, smallAuthority()));
        assertThat(failures).extracting(Ssda903Check.Failure::rule, Ssda903Check.Failure::child)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("101", "C300"),
                        org.assertj.core.groups.Tuple.tuple("103", "C300"));
    }

    @Test
    void aMoveWhoseCarerWasNotSaidIsCountedForTheAuthorityToCheck() {
        ChildFacts child = child("h", "H800", LocalDate.of(2015, 3, 3), null,
                periods("p-h", Change.started("p-h", day(2025, 6, 1), "C2", "U4"),
                        Change.placement("p-h", day(2025, 7, 1), "U6", null)), List.of());
        Ssda903Return ssda903 = Ssda903Return.of(YEAR, List.of(child));
        assertThat(ssda903.carerNotSaid()).isEqualTo(1);
        assertThat(ssda903.episodes().value(ssda903.episodes().rows().get(1), "RNE")).isEqualTo("P");
    }

    static ChildFacts child(String id, String local, LocalDate born, Characteristics answers,
            Map<String, List<Change>> periods, List<ChildFacts.Review> reviews) {
        return new ChildFacts(id, local, born, answers, periods, reviews);
    }

    static Characteristics answers(String id, String sex, String ethnicity, String upn, String mother) {
        return answers(id, sex, ethnicity, upn, mother, null);
    }

    static Characteristics answers(String id, String sex, String ethnicity, String upn, String mother,
            LocalDate mothersChildBornOn) {
        return new Characteristics(id, "DEMO-N", sex, ethnicity, upn, "N", "English", "N", mother,
                LocalDate.of(2025, 4, 1), 0, mothersChildBornOn);
    }

    @Test
    void theMothersChildsDateOfBirthIsWrittenOnlyForAGirlRecordedAsAMother() {
        LocalDate childBorn = LocalDate.of(2025, 11, 20);
        Map<String, List<Change>> inCare = periods("p-m", Change.started("p-m", day(2025, 6, 1), "C2", "U4"));
        Ssda903Return ssda903 = Ssda903Return.of(YEAR, List.of(
                child("m", "M1", LocalDate.of(2009, 1, 5), answers("m", "F", "WBRI", null, "Y", childBorn), inCare,
                        List.of()),
                child("n", "M2", LocalDate.of(2009, 1, 5), answers("n", "F", "WBRI", null, "N", childBorn),
                        periods("p-n", Change.started("p-n", day(2025, 6, 1), "C2", "U4")), List.of()),
                child("b", "M3", LocalDate.of(2009, 1, 5), answers("b", "M", "WBRI", null, null, childBorn),
                        periods("p-b", Change.started("p-b", day(2025, 6, 1), "C2", "U4")), List.of())));

        List<String> mothers = ssda903.header().rows().stream()
                .map(row -> ssda903.header().value(row, "MOTHER") + "|" + ssda903.header().value(row, "MC_DOB"))
                .toList();
        assertThat(mothers).containsExactly("1|20/11/2025", "0|", "|");
        assertThat(Ssda903Return.NOT_HELD).doesNotContainKey("MC_DOB");
    }

    static Map<String, List<Change>> periods(String periodId, Change... changes) {
        Map<String, List<Change>> periods = new LinkedHashMap<>();
        periods.put(periodId, List.of(changes));
        return periods;
    }

    static ChildFacts.Review review(String periodId, LocalDate on, String code) {
        return new ChildFacts.Review(periodId, on, code);
    }

    static LocalDate day(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    static String expected(String name) throws IOException {
        try (InputStream in = Ssda903ReturnTest.class.getResourceAsStream("/ssda903/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
