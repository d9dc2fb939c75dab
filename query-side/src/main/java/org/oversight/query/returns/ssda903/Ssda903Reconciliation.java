package org.oversight.query.returns.ssda903;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Oversight's reviews table set beside the council's own (the reviews table of the return its case-management
 * system produced, as CSV in the DfE layout): the children in one and not the other, the reviews in one and not the
 * other, and the children whose date of birth differs. Nothing of the council's file is kept.
 *
 * @param childrenOnlyInOversight children (by the authority's identifier) in Oversight's reviews and not the file's
 * @param childrenOnlyInFile      children in the file's reviews and not Oversight's
 * @param reviewsOnlyInOversight  reviews ({@code CHILD} and {@code REVIEW}) Oversight holds and the file does not
 * @param reviewsOnlyInFile       reviews the file holds and Oversight does not
 * @param datesOfBirthDiffering   children whose date of birth differs, with both dates
 */
public record Ssda903Reconciliation(List<String> childrenOnlyInOversight, List<String> childrenOnlyInFile,
        List<Review> reviewsOnlyInOversight, List<Review> reviewsOnlyInFile, List<Differing> datesOfBirthDiffering) {

    /** One review, by child and date as the file writes them. */
    public record Review(String child, String held) {
    }

    /** A child whose date of birth is written differently in the two. */
    public record Differing(String child, String inOversight, String inFile) {
    }

    /** The file could not be read as a reviews table in the DfE layout. */
    public static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** Whether there is nothing to reconcile. */
    public boolean agrees() {
        return childrenOnlyInOversight.isEmpty() && childrenOnlyInFile.isEmpty() && reviewsOnlyInOversight.isEmpty()
                && reviewsOnlyInFile.isEmpty() && datesOfBirthDiffering.isEmpty();
    }

    /**
     * @param ours    Oversight's reviews table
     * @param theirs  the council's reviews table as CSV, with its heading line
     * @throws Unreadable when the file has no {@code CHILD}, {@code DOB} and {@code REVIEW} columns
     */
    public static Ssda903Reconciliation of(Table ours, String theirs) {
        List<List<String>> lines = lines(theirs);
        if (lines.isEmpty()) {
            throw new Unreadable("The file is empty");
        }
        List<String> heading = lines.get(0).stream().map(c -> c.strip().toUpperCase(java.util.Locale.ROOT)).toList();
        int child = heading.indexOf("CHILD");
        int born = heading.indexOf("DOB");
        int held = heading.indexOf("REVIEW");
        if (child < 0 || born < 0 || held < 0) {
            throw new Unreadable("The file is not a reviews table: it needs the columns CHILD, DOB and REVIEW");
        }
        Set<Review> fileReviews = new LinkedHashSet<>();
        Map<String, String> fileBirths = new LinkedHashMap<>();
        for (List<String> line : lines.subList(1, lines.size())) {
            if (line.size() <= Math.max(child, Math.max(born, held)) || line.get(child).isBlank()) {
                continue;
            }
            String id = line.get(child).strip();
            fileReviews.add(new Review(id, line.get(held).strip()));
            fileBirths.putIfAbsent(id, line.get(born).strip());
        }
        Set<Review> ourReviews = new LinkedHashSet<>();
        Map<String, String> ourBirths = new LinkedHashMap<>();
        for (Table.Row row : ours.rows()) {
            String id = ours.value(row, "CHILD");
            ourReviews.add(new Review(id, ours.value(row, "REVIEW")));
            ourBirths.putIfAbsent(id, ours.value(row, "DOB"));
        }
        List<String> onlyOurs = new ArrayList<>(ourBirths.keySet());
        onlyOurs.removeAll(fileBirths.keySet());
        List<String> onlyTheirs = new ArrayList<>(fileBirths.keySet());
        onlyTheirs.removeAll(ourBirths.keySet());
        List<Review> reviewsOnlyOurs = ourReviews.stream().filter(r -> !fileReviews.contains(r)).toList();
        List<Review> reviewsOnlyTheirs = fileReviews.stream().filter(r -> !ourReviews.contains(r)).toList();
        List<Differing> births = new ArrayList<>();
        ourBirths.forEach((id, dob) -> {
            String theirsDob = fileBirths.get(id);
            if (theirsDob != null && !theirsDob.equals(dob)) {
                births.add(new Differing(id, dob, theirsDob));
            }
        });
        return new Ssda903Reconciliation(onlyOurs, onlyTheirs, reviewsOnlyOurs, reviewsOnlyTheirs, births);
    }

    /** CSV lines as RFC 4180 writes them: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<List<String>> lines(String text) {
        List<List<String>> lines = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < body.length() && body.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < body.length() && body.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
                    lines.add(fields);
                }
                fields = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            lines.add(fields);
        }
        return lines;
    }
}
