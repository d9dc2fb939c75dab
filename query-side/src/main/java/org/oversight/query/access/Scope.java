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

    /** SQL: the child in {@code childColumn}, of the authority in {@code authorityColumn}, is in scope. */
    public String child(String childColumn, String authorityColumn) {
        return countsRestricted ? authority(authorityColumn)
                : "(" + authority(authorityColumn) + " AND " + notRestrictedFromReader(childColumn) + ")";
    }

    /**
     * SQL: the escalation in {@code escalationColumn}, of the authority in {@code authorityColumn}, is in scope;
     * in a list, none of its children may be a restricted record the reader is not named on (the escalation's
     * own page is not found for them either).
     */
    public String escalation(String escalationColumn, String authorityColumn) {
        return countsRestricted ? authority(authorityColumn) : "(" + authority(authorityColumn)
                + " AND NOT EXISTS (SELECT 1 FROM escalation_child scope_ec JOIN child_restriction scope_r"
                + " ON scope_r.child_id = scope_ec.child_id WHERE scope_ec.escalation_id = " + escalationColumn
                + " AND NOT (CAST(:scope_reader AS text) = ANY (scope_r.named_people))))";
    }

    /** SQL: the child in the column is not a restricted record the reader is not named on. */
    public String notRestrictedFromReader(String childColumn) {
        return "NOT EXISTS (SELECT 1 FROM child_restriction scope_r WHERE scope_r.child_id = " + childColumn
                + " AND NOT (CAST(:scope_reader AS text) = ANY (scope_r.named_people)))";
    }

    /** The parameters every condition above uses. */
    public Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>();
        params.put("scope_authorities", authorities.toArray(String[]::new));
        params.put("scope_reader", reader);
        return params;
    }
}
