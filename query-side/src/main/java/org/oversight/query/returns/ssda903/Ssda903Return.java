package org.oversight.query.returns.ssda903;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.oversight.events.characteristics.Sex;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.query.characteristics.Characteristics;

/**
 * An authority's SSDA903 return for a collection year as far as Oversight holds it (domain.md, section 5): the
 * header of every child looked after at any time in the year, every episode open at any time in it, and the reviews
 * held in it. What Oversight does not hold is left empty ({@link #NOT_HELD}).
 *
 * <p>Reviews of a period made only of short breaks (legal status V3 or V4 throughout) are left out: the return
 * takes no reviews for short breaks (DfE validation 399). This is the one place they are left out; every other
 * view of the reviews shows them.
 *
 * @param header   {@code CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB}
 * @param episodes {@code CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN}
 * @param reviews  {@code CHILD,DOB,REVIEW,REVIEW_CODE}
 * @param carerNotSaid the episodes that opened on a move whose change of carer was not said, reported as P
 */
public record Ssda903Return(CollectionYear year, Table header, Table episodes, Table reviews, int carerNotSaid) {

    public static final List<String> HEADER = List.of("CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB");
    public static final List<String> EPISODES = List.of("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE",
            "PLACE_PROVIDER", "DEC", "REC", "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN");
    public static final List<String> REVIEWS = List.of("CHILD", "DOB", "REVIEW", "REVIEW_CODE");

    /** The columns Oversight does not hold, always empty, and what each is. */
    public static final Map<String, String> NOT_HELD = notHeld(
            "CIN", "the category of need",
            "PLACE_PROVIDER", "the placement provider",
            "REASON_PLACE_CHANGE", "the reason for a change of placement",
            "HOME_POST", "the postcode of the child's home",
            "PL_POST", "the postcode of the placement",
            "URN", "Ofsted's unique reference number of the placement");

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Builds the return from each child's facts; children in the order of the authority's identifiers. */
    public static Ssda903Return of(CollectionYear year, List<ChildFacts> children) {
        List<ChildFacts> ordered = new ArrayList<>(children);
        ordered.sort(IN_ORDER);
        List<Table.Row> header = new ArrayList<>();
        List<Table.Row> episodes = new ArrayList<>();
        List<Table.Row> reviews = new ArrayList<>();
        int carerNotSaid = 0;
        for (ChildFacts child : ordered) {
            Optional<ChildRows> rows = rowsOf(year, child);
            if (rows.isEmpty()) {
                continue;
            }
            header.add(rows.get().header());
            episodes.addAll(rows.get().episodes());
            reviews.addAll(rows.get().reviews());
            carerNotSaid += rows.get().carerNotSaid();
        }
        return new Ssda903Return(year, new Table("header", HEADER, header), new Table("episodes", EPISODES, episodes),
                new Table("reviews", REVIEWS, reviews), carerNotSaid);
    }

    /** The order the return lists children in, which a streamed return reads them in too. */
    static final Comparator<ChildFacts> IN_ORDER = Comparator.comparing(ChildFacts::localIdentifier)
            .thenComparing(ChildFacts::childId);

    /**
     * One child's lines of the return: its header row, its episodes open in the year and its reviews held in it.
     *
     * @param carerNotSaid the child's episodes that opened on a move whose change of carer was not said
     */
    public record ChildRows(String childId, Table.Row header, List<Table.Row> episodes, List<Table.Row> reviews,
            int carerNotSaid) {
    }

    /**
     * The child's lines of the return, worked out from the child alone, so that a return can be written a child at
     * a time; empty when no episode of the child's is open in the year.
     */
    public static Optional<ChildRows> rowsOf(CollectionYear year, ChildFacts child) {
        List<Episode> inYear = new ArrayList<>();
        Set<String> shortBreaksOnly = new java.util.HashSet<>();
        child.periods().forEach((periodId, changes) -> {
            Episodes.of(changes).stream().filter(e -> e.overlaps(year)).forEach(inYear::add);
            if (onlyShortBreaks(changes)) {
                shortBreaksOnly.add(periodId);
            }
        });
        if (inYear.isEmpty()) {
            return Optional.empty();
        }
        inYear.sort(Comparator.comparing(Episode::commenced));
        List<Table.Row> episodes = new ArrayList<>();
        int carerNotSaid = 0;
        for (Episode episode : inYear) {
            boolean endsInYear = episode.ceased() != null && !episode.ceased().isAfter(year.lastDay());
            episodes.add(new Table.Row(child.childId(), List.of(child.localIdentifier(),
                    day(episode.commenced()), episode.reasonNew(), text(episode.legalStatus()), "",
                    text(episode.placement()), "", endsInYear ? day(episode.ceased()) : "",
                    endsInYear ? text(episode.reasonCeased()) : "", "", "", "", "")));
            if (episode.carerAssumed()) {
                carerNotSaid++;
            }
        }
        List<Table.Row> reviews = new ArrayList<>();
        child.reviews().stream()
                .filter(r -> year.contains(r.heldOn()) && !shortBreaksOnly.contains(r.periodId()))
                .sorted(Comparator.comparing(ChildFacts.Review::heldOn))
                .forEach(r -> reviews.add(new Table.Row(child.childId(), List.of(child.localIdentifier(),
                        day(child.dateOfBirth()), day(r.heldOn()), text(r.participation())))));
        return Optional.of(new ChildRows(child.childId(), new Table.Row(child.childId(), headerRow(year, child)),
                episodes, reviews, carerNotSaid));
    }

    private static List<String> headerRow(CollectionYear year, ChildFacts child) {
        Characteristics c = child.characteristics();
        Optional<Sex> sex = c == null ? Optional.empty() : c.sexAsRecorded();
        String mother = "";
        String mothersChildBorn = "";
        if (sex.filter(Sex.FEMALE::equals).isPresent()) {
            mother = c.childIsAMother().map(yes -> yes ? "1" : "0").orElse("");
            // the date is hers only while she is recorded as a mother; otherwise it is left out with the answer
            if (mother.equals("1") && c.mothersChildBornOn() != null) {
                mothersChildBorn = day(c.mothersChildBornOn());
            }
        }
        return List.of(child.localIdentifier(), sex.flatMap(s -> s.ssda903Code(year.startYear())).orElse(""),
                day(child.dateOfBirth()), c == null ? "" : text(c.ethnicity()),
                c == null ? "" : text(c.uniquePupilNumber()), mother, mothersChildBorn);
    }

    /** A period every legal status of which is a short break (V3, V4). */
    static boolean onlyShortBreaks(List<Change> changes) {
        boolean any = false;
        for (Change change : changes) {
            if (change.legalStatus() != null) {
                any = true;
                if (!shortBreak(change.legalStatus())) {
                    return false;
                }
            }
        }
        return any;
    }

    private static boolean shortBreak(String code) {
        try {
            return LegalStatus.valueOf(code).isShortBreak();
        } catch (IllegalArgumentException notACode) {
            return false;
        }
    }

    private static Map<String, String> notHeld(String... columnThenWhat) {
        Map<String, String> notHeld = new java.util.LinkedHashMap<>();
        for (int i = 0; i < columnThenWhat.length; i += 2) {
            notHeld.put(columnThenWhat[i], columnThenWhat[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(notHeld);
    }

    static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
