package org.oversight.query.search;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a person searches by: a name (compared as a {@link NameKey}, tolerant of spelling), a date of birth (or,
 * for an unborn child, the expected date of delivery), and the local authority's own identifier or the case id.
 * Any of them, together narrowing the search; never none. The terms are personal data: they travel in the body
 * of a request and go nowhere else.
 */
public record SearchTerms(String nameKey, LocalDate dateOfBirth, String identifier) {

    static final int NAME_LIMIT = 100;
    static final int SHORTEST_NAME = 2;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern CASE_ID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    /** A rule a search broke: its code, the field (or none for the search as a whole) and what to do. */
    public record Problem(String rule, String field, String message) {

        public Map<String, String> asMap() {
            return field == null ? Map.of("rule", rule, "message", message)
                    : Map.of("rule", rule, "field", field, "message", message);
        }
    }

    /** The terms, or what is wrong with what was typed. */
    public record Checked(SearchTerms terms, List<Problem> problems) {

        public boolean refused() {
            return !problems.isEmpty();
        }
    }

    public boolean byName() {
        return nameKey != null;
    }

    /** The identifier as a case id, when it has a case id's shape. */
    public String caseId() {
        return identifier != null && CASE_ID.matcher(identifier).matches() ? identifier.toLowerCase(Locale.ROOT)
                : null;
    }

    /** The identifier as the authority's own, in the form identifiers are compared in (upper case). */
    public String localIdentifier() {
        return identifier == null ? null : identifier.toUpperCase(Locale.ROOT);
    }

    /** From the search form: the date of birth as the three boxes of a GOV.UK date input. */
    public static Checked fromForm(String name, String day, String month, String year, String identifier) {
        List<Problem> problems = new ArrayList<>();
        LocalDate born = formDate(day, month, year, problems);
        return check(name, born, identifier, problems);
    }

    /** From the API: the date of birth written yyyy-mm-dd. */
    public static Checked fromApi(String name, String dateOfBirth, String identifier) {
        List<Problem> problems = new ArrayList<>();
        LocalDate born = null;
        if (!blank(dateOfBirth)) {
            try {
                born = LocalDate.parse(dateOfBirth.strip());
            } catch (DateTimeException e) {
                problems.add(new Problem("real-date", "dateOfBirth", "Date of birth must be a real date, written yyyy-mm-dd"));
            }
        }
        return check(name, born, identifier, problems);
    }

    private static Checked check(String name, LocalDate born, String identifier, List<Problem> problems) {
        String nameKey = null;
        if (!blank(name)) {
            if (name.strip().length() > NAME_LIMIT) {
                problems.add(new Problem("search-name-length", "name",
                        "The name must be " + NAME_LIMIT + " characters or fewer"));
            } else {
                nameKey = NameKey.of(name);
                if (nameKey.length() < SHORTEST_NAME) {
                    problems.add(new Problem("search-name-length", "name",
                            "Enter at least " + SHORTEST_NAME + " letters of the child's name"));
                    nameKey = null;
                }
            }
        }
        String id = null;
        if (!blank(identifier)) {
            id = identifier.strip();
            if (!IDENTIFIER.matcher(id).matches()) {
                problems.add(new Problem("search-identifier-shape", "identifier",
                        "The identifier can only contain letters, numbers and hyphens, 64 characters or fewer"));
                id = null;
            }
        }
        if (problems.isEmpty() && nameKey == null && born == null && id == null) {
            problems.add(new Problem("search-needs-a-term", null,
                    "Enter the child's name, date of birth or identifier"));
        }
        return problems.isEmpty() ? new Checked(new SearchTerms(nameKey, born, id), List.of())
                : new Checked(null, List.copyOf(problems));
    }

    private static LocalDate formDate(String day, String month, String year, List<Problem> problems) {
        if (blank(day) && blank(month) && blank(year)) {
            return null;
        }
        if (blank(day) || blank(month) || blank(year)) {
            problems.add(new Problem("real-date", "dateOfBirth", "Date of birth must include a day, month and year"));
            return null;
        }
        try {
            int y = Integer.parseInt(year.strip());
            if (y < 1000 || y > 9999) {
                throw new NumberFormatException();
            }
            return LocalDate.of(y, Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
        } catch (NumberFormatException | DateTimeException e) {
            problems.add(new Problem("real-date", "dateOfBirth", "Date of birth must be a real date"));
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
