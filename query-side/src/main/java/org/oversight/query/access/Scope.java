package org.oversight.query.access;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oversight.events.access.Person;

/**
 * Which children and escalations a read covers: only those of the reader's own local authorities, and, in a
 * list, none of a restricted record the reader is not named on. An aggregate figure still counts restricted
 * records (a return must add up whoever reads it), but never a child of another authority.
 *
 * <p>Queries put the conditions into their SQL and bind {@link #params()}; the parameter names begin with
 * {@code scope_} so they never collide with a query's own.
 */
public record Scope(String reader, List<String> authorities, boolean countsRestricted) {

    public Scope {
        authorities = List.copyOf(authorities);
    }

    /** For lists, pages and exports that show children: restricted records only to the people named on them. */
    public static Scope listsFor(Person person) {
        return new Scope(person.username(), person.authorities().stream().sorted().toList(), false);
    }

    /** For aggregate figures: every child of the person's authorities, restricted or not, counted. */
    public static Scope figuresFor(Person person) {
        return new Scope(person.username(), person.authorities().stream().sorted().toList(), true);
    }

    /** The same scope, within one authority only (nothing at all when it is not one of the reader's). */
    public Scope within(String localAuthority) {
        return new Scope(reader, authorities.contains(localAuthority) ? List.of(localAuthority) : List.of(),
                countsRestricted);
    }

    /** The same children, counted as a figure: restricted records included. */
    public Scope asFigures() {
        return new Scope(reader, authorities, true);
    }

    public boolean covers(String localAuthority) {
        return authorities.contains(localAuthority);
    }

    /** SQL: the authority in the column is one of the reader's. */
    public String authority(String authorityColumn) {
        return authorityColumn + " = ANY (CAST(:scope_authorities AS text[]))";
    }

    /**
     * SQL: the child of the authority in {@code authorityColumn}, whose record is restricted to the people in
     * {@code restrictedToColumn} ({@code NULL} when it is not restricted), is in scope. Each read model keeps both
     * columns itself, copied from the child's case events, so the condition never reaches into another package's
     * tables.
     */
    public String child(String authorityColumn, String restrictedToColumn) {
        return countsRestricted ? authority(authorityColumn)
                : "(" + authority(authorityColumn) + " AND " + readerMaySee(restrictedToColumn) + ")";
    }

    /** Whether a list in this scope leaves out the restricted records the reader is not named on. */
    public boolean leavesOutRestricted() {
        return !countsRestricted;
    }

    /**
     * SQL: a record restricted to the people in {@code restrictedToColumn} ({@code NULL} when it is not
     * restricted) is one the reader may see.
     */
    public String readerMaySee(String restrictedToColumn) {
        return "(" + restrictedToColumn + " IS NULL OR CAST(:scope_reader AS text) = ANY (" + restrictedToColumn
                + "))";
    }

    /** The parameters every condition above uses. */
    public Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>();
        params.put("scope_authorities", authorities.toArray(String[]::new));
        params.put("scope_reader", reader);
        return params;
    }
}
