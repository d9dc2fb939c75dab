package org.oversight.query.returns.ssda903;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.oversight.events.characteristics.Ethnicity;
import org.oversight.events.characteristics.Sex;
import org.oversight.events.lookedafter.LegalStatus;

/**
 * The DfE's SSDA903 validation rules that concern what Oversight holds, each run against the return as written
 * (its rows' values, not the facts behind them), named by the DfE's rule number and worded as the DfE words it.
 * A rule about a column Oversight leaves empty (category of need, postcodes, provider) is not run here: the council's
 * own return carries those.
 */
public enum Ssda903Check {

    SEX_CODE("101", "header", "Gender code is not valid.") {
        @Override
        boolean fails(Ssda903Return r, Table.Row row) {
            String sex = r.header().value(row, "SEX");
            return Set.of(Sex.values()).stream().map(s -> s.ssda903Code(r.year().startYear()).orElse(null))
                    .noneMatch(sex::equals);
        }
    },
    DATE_OF_BIRTH("102", "header", "Date of birth is not a valid date.") {
        @Override
        boolean fails(Ssda903Return r, Table.Row row) {
            return !isDate(r.header().value(row, "DOB"));
        }
    },
    ETHNICITY("103", "header", "The ethnicity code is either not valid or has not been entered.") {
        @Override
        boolean fails(Ssda903Return r, Table.Row row) {
            return Ethnicity.ofCode(r.header().value(row, "ETHNIC")).isEmpty();
        }
    },
    UNIQUE_PUPIL_NUMBER("168", "header",
            "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.") {
        @Override
        boolean fails(Ssda903Return r, Table.Row row) {
            String upn = r.header().value(row, "UPN");
            return !upn.isEmpty() && !UPN.matcher(upn).matches();
        }
    },
    REASON_FOR_NEW_EPISODE("143", "episodes", "The reason for new episode code is not a valid code.") {
        @Override
        boolean fails(Ssda903Return r, Table.Row row) {
            String rne = r.episodes().value(row, "RNE");
            return java.util.Arrays.stream(ReasonForNewEpisode.values()).noneMatch(c -> c.name().equals(rne));
        }
    },
    LEGAL_STATUS("144", "episodes", "The legal status code is not a valid code.") {
        @Override
        boolean fails(Ssda903Return r, Table.Row row) {
            String ls = r.episodes().value(row, "LS");
            return java.util.Arrays.stream(LegalStatus.values()).noneMatch(c -> c.name().equals(ls));
        }
    },
    CONTINUATION("388", "episodes",
            "Reason episode ceased is coded new episode begins, but there is no continuation episode.") {
        @Override
        boolean fails(Ssda903Return r, Table.Row row) {
            if (!Episode.CONTINUES.equals(r.episodes().value(row, "REC"))) {
                return false;
            }
            String ceased = r.episodes().value(row, "DEC");
            return r.episodes().rows().stream().noneMatch(other -> other.childId().equals(row.childId())
                    && other != row && r.episodes().value(other, "DECOM").equals(ceased));
        }
    },
    OVERLAPPING_EPISODES("501", "episodes", "A new episode has started before the end date of the previous episode.") {
        @Override
        boolean fails(Ssda903Return r, Table.Row row) {
            Table episodes = r.episodes();
            int at = episodes.rows().indexOf(row);
            if (at <= 0 || !episodes.rows().get(at - 1).childId().equals(row.childId())) {
                return false;
            }
            LocalDate started = date(episodes.value(row, "DECOM"));
            LocalDate previousEnded = date(episodes.value(episodes.rows().get(at - 1), "DEC"));
            return started != null && previousEnded != null && started.isBefore(previousEnded);
        }
    },
    REVIEW_DATE("166", "reviews", "Date of review is invalid or blank.") {
        @Override
        boolean fails(Ssda903Return r, Table.Row row) {
            return !isDate(r.reviews().value(row, "REVIEW"));
        }
    },
    PARTICIPATION("167", "reviews", "Data entry for participation is invalid or blank.") {
        @Override
        boolean fails(Ssda903Return r, Table.Row row) {
            return !Set.of("PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7")
                    .contains(r.reviews().value(row, "REVIEW_CODE"));
        }
    },
    UNDER_FOUR_AT_REVIEW("440", "reviews", "Participation method indicates child was under 4 years old at the time "
            + "of the review, but date of birth and review date indicates the child was 4 years old or over.") {
        @Override
        boolean fails(Ssda903Return r, Table.Row row) {
            LocalDate born = date(r.reviews().value(row, "DOB"));
            LocalDate held = date(r.reviews().value(row, "REVIEW"));
            return "PN0".equals(r.reviews().value(row, "REVIEW_CODE")) && born != null && held != null
                    && !held.isBefore(born.plusYears(4));
        }
    },
    MOTHERS_CHILD_DATE("171", "header", "Date of birth of mother's child is not a valid date.") {
        @Override
        boolean fails(Ssda903Return r, Table.Row row) {
            String born = r.header().value(row, "MC_DOB");
            return !born.isEmpty() && !isDate(born);
        }
    },
    MOTHERS_CHILD_OF_A_BOY("174", "header",
            "Mother's child date of birth is recorded but gender shows that the child is a male.") {
        @Override
        boolean fails(Ssda903Return r, Table.Row row) {
            return !r.header().value(row, "MC_DOB").isEmpty() && Sex.MALE.ssda903Code(r.year().startYear())
                    .filter(r.header().value(row, "SEX")::equals).isPresent();
        }
    },
    MOTHER_WITHOUT_HER_CHILDS_DATE("611", "header", "Date of birth field is blank, but child is a mother.") {
        @Override
        boolean fails(Ssda903Return r, Table.Row row) {
            return "1".equals(r.header().value(row, "MOTHER")) && r.header().value(row, "MC_DOB").isEmpty();
        }
    },
    MOTHER_UNDER_ELEVEN("620", "header",
            "Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.") {
        @Override
        boolean fails(Ssda903Return r, Table.Row row) {
            LocalDate born = date(r.header().value(row, "DOB"));
            return "1".equals(r.header().value(row, "MOTHER")) && born != null
                    && born.plusYears(11).isAfter(r.year().firstDay());
        }
    },
    MOTHER_YOUNGER_THAN_HER_CHILD("621", "header",
            "Mother's field has been completed but date of birth shows that the mother is younger than her child.") {
        @Override
        boolean fails(Ssda903Return r, Table.Row row) {
            LocalDate born = date(r.header().value(row, "DOB"));
            LocalDate childBorn = date(r.header().value(row, "MC_DOB"));
            return born != null && childBorn != null && !childBorn.isAfter(born);
        }
    };

    /** A UPN as rule 168 takes it: a letter (not I, O or S) and twelve digits, the last of which may be a letter. */
    private static final Pattern UPN = Pattern.compile("^(((?![IOS])[A-Z])(\\d{12}|\\d{11}[A-Z]))$|^(UN[1-5])$");
    private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);

    private final String rule;
    private final String table;
    private final String message;

    Ssda903Check(String rule, String table, String message) {
        this.rule = rule;
        this.table = table;
        this.message = message;
    }

    /** The DfE's number for the rule. */
    public String rule() {
        return rule;
    }

    public String table() {
        return table;
    }

    public String message() {
        return message;
    }

    abstract boolean fails(Ssda903Return r, Table.Row row);

    /** One row that breaks one rule: the child by the authority's identifier, and the rule. */
    public record Failure(String rule, String message, String table, String childId, String child) {
    }

    /** Every failure of every rule, in the order of the rules. */
    public static List<Failure> run(Ssda903Return r) {
        List<Failure> failures = new ArrayList<>();
        for (Ssda903Check check : values()) {
            Table table = switch (check.table) {
                case "header" -> r.header();
                case "episodes" -> r.episodes();
                default -> r.reviews();
            };
            for (Table.Row row : table.rows()) {
                if (check.fails(r, row)) {
                    failures.add(new Failure(check.rule, check.message, check.table, row.childId(),
                            table.value(row, "CHILD")));
                }
            }
        }
        return failures;
    }

    static boolean isDate(String value) {
        return date(value) != null;
    }

    static LocalDate date(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value, STRICT);
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }
}
