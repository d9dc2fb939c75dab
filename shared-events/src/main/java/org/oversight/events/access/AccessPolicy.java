package org.oversight.events.access;

import static org.oversight.events.access.Operation.*;
import static org.oversight.events.access.Role.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what: one table for the whole service, read by every endpoint's guard and by the commands' own
 * check. Operations about a child are decided by role and by how the person stands to the child; the others by
 * role alone (and the page then shows only what lies in the person's own authorities).
 *
 * <p>The child rows below read left to right in the order of {@link Relationship}: allocated, same team,
 * unallocated in the person's authority, elsewhere in the person's authority, another authority, restricted
 * and not named. {@code A} allows, {@code R} allows once a reason is given, {@code F} forbids (403) and
 * {@code N} answers as if the child did not exist (404). A role with no row for an operation is refused it
 * outright, before any child is looked at, so the refusal says nothing about whether the child exists.
 */
public final class AccessPolicy {

    private static final Map<Operation, Map<Role, Decision[]>> ABOUT_A_CHILD = new EnumMap<>(Operation.class);
    private static final Map<Operation, Set<Role>> BY_ROLE = new EnumMap<>(Operation.class);

    static {
        //                              ALLOC  TEAM  UNALL  AUTH   OTHER  RESTR
        // a child of the chair's authority waiting for a chair is theirs to see, so that they can take it
        child(READ_CHILD, CHAIR,        "A     A     A      R      N      N");
        child(READ_CHILD, TEAM_MANAGER, "A     A     A      R      N      N");
        child(READ_CHILD, QA_LEAD,      "R     R     R      R      N      N");
        child(READ_CHILD, AUDITOR,      "R     R     R      R      N      N");

        // covering for a colleague in the team is allowed with a stated reason, recorded with the decision
        child(RECORD_FOR_CHILD, CHAIR,  "A     R     F      F      N      N");

        // a chair may take a child of their authority who has no chair yet; a manager allocates in the authority
        child(ALLOCATE_CHAIR, CHAIR,        "A     R     A      F      N      N");
        child(ALLOCATE_CHAIR, TEAM_MANAGER, "A     A     A      A      N      N");

        child(RESTRICT_RECORD, TEAM_MANAGER, "A    A     A      A      N      N");
        child(RESTRICT_RECORD, QA_LEAD,      "A    A     A      A      N      N");

        // the sending authority's managers pass a child on when the child moves
        child(TRANSFER_CHILD, TEAM_MANAGER,  "A    A     A      A      N      N");
        child(TRANSFER_CHILD, QA_LEAD,       "A    A     A      A      N      N");

        // subject access is the authority's data officers' work (and its administrators'); auditors may read it;
        // a chair, whose own words the copy holds, never prepares it
        child(RECORD_SUBJECT_ACCESS, DATA_OFFICER, "A    A     A      A      N      N");
        child(RECORD_SUBJECT_ACCESS, ADMIN,        "A    A     A      A      N      N");
        child(READ_SUBJECT_ACCESS, DATA_OFFICER,   "A    A     A      A      N      N");
        child(READ_SUBJECT_ACCESS, ADMIN,          "A    A     A      A      N      N");
        child(READ_SUBJECT_ACCESS, AUDITOR,        "R    R     R      R      N      N");
        // the authority's data officer destroys its records at the end of retention; a restricted record is
        // first lifted by those named, so that nobody destroys what they could not see
        child(DESTROY_RECORD, DATA_OFFICER,  "A    A     A      A      N      N");
        child(DESTROY_RECORD, ADMIN,         "A    A     A      A      N      N");
        // those who run the service keep records as long as the schedule says, and hold them when the law needs
        child(HOLD_RECORD, DATA_OFFICER,     "A    A     A      A      N      N");
        child(HOLD_RECORD, ADMIN,            "A    A     A      A      N      N");
        // a conference's letter and minutes hold what other agencies and family members said: the child's own chair,
        // that chair's team manager and the authority's QA leads (with a reason, as for the rest of the record)
        child(READ_CONFERENCE_PAPERS, CHAIR,        "A    F     F      F      N      N");
        child(READ_CONFERENCE_PAPERS, TEAM_MANAGER, "A    A     F      F      N      N");
        child(READ_CONFERENCE_PAPERS, QA_LEAD,      "R    R     R      R      N      N");

        // the child's characteristics are for those who work with the child and answer for the returns; an
        // auditor reads them in the decision history, a regional viewer never
        child(READ_CHARACTERISTICS, CHAIR,        "A    A     A      R      N      N");
        child(READ_CHARACTERISTICS, TEAM_MANAGER, "A    A     A      R      N      N");
        child(READ_CHARACTERISTICS, QA_LEAD,      "R    R     R      R      N      N");

        roles(REGISTER_CHILD, CHAIR, TEAM_MANAGER);
        roles(SEARCH_CHILDREN, CHAIR, TEAM_MANAGER, QA_LEAD, AUDITOR);
        roles(READ_CASELOAD, CHAIR, TEAM_MANAGER, QA_LEAD);
        roles(READ_TEAM_CASELOAD, CHAIR, TEAM_MANAGER, QA_LEAD);
        roles(READ_SERVICE, QA_LEAD, TEAM_MANAGER);
        roles(READ_ESCALATION_FIGURES, QA_LEAD, TEAM_MANAGER);
        roles(READ_REGIONAL_FIGURES, REGIONAL_VIEWER, QA_LEAD);
        roles(READ_SETTINGS, ADMIN, QA_LEAD, AUDITOR, DATA_OFFICER);
        roles(CHANGE_SETTINGS, ADMIN);
        roles(READ_READ_LOG, QA_LEAD, AUDITOR);
        roles(READ_ANCHOR, ADMIN, AUDITOR, QA_LEAD);
        roles(ANCHOR_CHAIN, ADMIN);
        roles(OPERATE_PROJECTIONS, DATA_OFFICER, ADMIN);
        roles(READ_RETENTION, DATA_OFFICER, ADMIN);
        roles(MANAGE_PEOPLE, ADMIN);
        roles(SIGNED_IN, Role.values());
        roles(PUBLIC, Role.values());
        // a data officer reaches a request by the child it is about; the children listed are those whose requests
        // they may read, so a restricted record stays hidden from all but the people named on it
        roles(SEARCH_SUBJECT_ACCESS, DATA_OFFICER);
        // the returns name every child of the authority in them: those who answer for the authority's figures make them
        roles(EXPORT_RETURNS, QA_LEAD, ADMIN);
        // an import names every child in the returns and records their history: those who answer for the records do it
        roles(IMPORT_HISTORY, DATA_OFFICER, ADMIN);
        // administrators run the service and answer for its figures, so they read the report; its drill-downs
        // name children, which administrators do not open (READ_ESCALATION_FIGURES)
        roles(READ_REPORT_FIGURES, QA_LEAD, TEAM_MANAGER, ADMIN);
        for (Operation operation : Operation.values()) {
            if (!ABOUT_A_CHILD.containsKey(operation) && !BY_ROLE.containsKey(operation)) {
                throw new ExceptionInInitializerError("No access rule for " + operation);
            }
        }
    }

    private AccessPolicy() {
    }

    /**
     * Whether the person may perform the operation at all, before any child is looked at: for an operation
     * about a child, {@link Decision#ALLOW} means "some of the person's roles may, depending on the child".
     */
    public static Decision decide(Person person, Operation operation) {
        if (operation.aboutAChild()) {
            return ABOUT_A_CHILD.get(operation).keySet().stream().anyMatch(person::has)
                    ? Decision.ALLOW : Decision.FORBIDDEN;
        }
        return BY_ROLE.get(operation).stream().anyMatch(person::has) ? Decision.ALLOW : Decision.FORBIDDEN;
    }

    /** The decision for an operation about a child, by the most permissive of the person's roles. */
    public static Decision decide(Person person, Operation operation, Relationship relationship) {
        if (!operation.aboutAChild()) {
            return decide(person, operation);
        }
        Decision decision = Decision.FORBIDDEN;
        boolean anyRole = false;
        for (Map.Entry<Role, Decision[]> row : ABOUT_A_CHILD.get(operation).entrySet()) {
            if (person.has(row.getKey())) {
                Decision forRole = row.getValue()[relationship.ordinal()];
                decision = anyRole ? decision.or(forRole) : forRole;
                anyRole = true;
            }
        }
        return decision;
    }

    /** The decision for an operation about the child described by {@code child}. */
    public static Decision decide(Person person, Operation operation, ChildFacts child) {
        return decide(person, operation, Relationship.of(person, child));
    }

    /** The roles that have any rule for the operation (for pages that explain who may do what). */
    public static Set<Role> rolesFor(Operation operation) {
        return operation.aboutAChild() ? EnumSet.copyOf(ABOUT_A_CHILD.get(operation).keySet())
                : EnumSet.copyOf(BY_ROLE.get(operation));
    }

    private static void child(Operation operation, Role role, String row) {
        String[] cells = row.trim().split("\\s+");
        if (!operation.aboutAChild() || cells.length != Relationship.values().length) {
            throw new ExceptionInInitializerError("Malformed access row for " + operation + " and " + role);
        }
        Decision[] decisions = new Decision[cells.length];
        for (int i = 0; i < cells.length; i++) {
            decisions[i] = switch (cells[i]) {
                case "A" -> Decision.ALLOW;
                case "R" -> Decision.ALLOW_WITH_REASON;
                case "F" -> Decision.FORBIDDEN;
                case "N" -> Decision.NOT_FOUND;
                default -> throw new ExceptionInInitializerError("Unknown access cell " + cells[i]);
            };
        }
        ABOUT_A_CHILD.computeIfAbsent(operation, o -> new EnumMap<>(Role.class)).put(role, decisions);
    }

    private static void roles(Operation operation, Role... roles) {
        BY_ROLE.put(operation, EnumSet.of(roles[0], roles));
    }
}
