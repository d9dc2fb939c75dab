package org.oversight.query.caseload;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.web.InvalidRequest;
import org.oversight.query.web.ReadBounds;

/**
 * Which part of a caseload to show and in what order: the filters (the chair's role, whether the child is on a
 * plan or in a period of care, how urgent, a fragment of the child's name), the order and the page. Every value a
 * client sends is checked here, so a value the caseload does not know is a 400 naming the rule, never a 500 and
 * never a query over everything; the page size is the server's choice within {@link #MAX_SIZE}.
 *
 * <p>The name fragment is personal: it is read only from a form or JSON body sent by POST and never written back
 * into an address ({@link #address()} leaves it out), so it stays out of browser history, access logs and the
 * {@code Referer} a browser sends on.
 *
 * @param role      only allocations in this role; {@code null} for both
 * @param kind      only children on a plan, or in a period of care; {@code null} for every child
 * @param due       only overdue, or due soon (within 20 working days but not overdue); {@code null} for all
 * @param name      a fragment of the child's name, lower case; {@code null} for none
 * @param closed    whether allocations that have closed are listed too
 */
public record CaseloadSelection(ChairRole role, Kind kind, Due due, String name, Sort sort, int page, int size,
        boolean closed) {

    /** Rows on one page of the caseload pages. */
    public static final int PAGE_SIZE = 25;
    /** The most rows any caseload answer carries at once, whatever a client asks for. */
    public static final int MAX_SIZE = 100;
    /** The longest name fragment searched for: longer than any name, short enough to cost nothing. */
    public static final int NAME_LIMIT = 100;

    public static final String FILTER_RULE = "caseload-filter-known";
    public static final String SIZE_RULE = "page-size-within-range";
    public static final String NAME_RULE = "caseload-name-search";
    public static final String NAME_BY_POST_RULE = "caseload-name-not-in-address";

    /** What a child's record holds now, as the caseload can filter on it. */
    public enum Kind {
        PLAN("On a child protection plan"), CARE("In a period of care");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How soon the allocation's next item falls due. */
    public enum Due {
        OVERDUE("Overdue"), SOON("Due within 20 working days");

        private final String label;

        Due(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The orders a caseload can be read in; every one ends on the child and the role, so pages never overlap. */
    public enum Sort {
        URGENCY("Most urgent first"), DUE("Next due first"), NAME("Child's name"), ROLE("Role");

        private final String label;

        Sort(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The selection a request asks for, checked.
     *
     * @param defaultSize the size when the client names none (and the only size a page offers)
     * @throws InvalidRequest for a value the caseload does not know, a page past {@link ReadBounds#MAX_PAGE} or a
     *                        size outside 1 to {@link #MAX_SIZE}
     */
    public static CaseloadSelection of(String role, String kind, String due, String name, String sort, String page,
            String size, int defaultSize, boolean closed) {
        return new CaseloadSelection(
                role == null || role.isBlank() ? null : known(ChairRole.class, role, "role"),
                kind == null || kind.isBlank() ? null : known(Kind.class, kind, "kind"),
                due == null || due.isBlank() ? null : known(Due.class, due, "due"),
                nameFragment(name),
                sort == null || sort.isBlank() ? Sort.URGENCY : known(Sort.class, sort, "sort"),
                ReadBounds.page(number(page, 1, "page", ReadBounds.PAGE_RULE)),
                size(size, defaultSize), closed);
    }

    /** Everything, most urgent first, one server-sized page at a time. */
    public static CaseloadSelection everything(int size, boolean closed) {
        return new CaseloadSelection(null, null, null, null, Sort.URGENCY, 1, size, closed);
    }

    public CaseloadSelection onPage(int other) {
        return new CaseloadSelection(role, kind, due, name, sort, other, size, closed);
    }

    public int offset() {
        return (page - 1) * size;
    }

    /** Whether any filter narrows the caseload. */
    public boolean filtered() {
        return role != null || kind != null || due != null || name != null;
    }

    /**
     * The query string's parameters for this selection without the page (and never the name): what a link to
     * another page or order of the same caseload carries.
     */
    public Map<String, String> address() {
        Map<String, String> address = new LinkedHashMap<>();
        if (role != null) {
            address.put("role", role.name());
        }
        if (kind != null) {
            address.put("kind", kind.name());
        }
        if (due != null) {
            address.put("due", due.name());
        }
        if (sort != Sort.URGENCY) {
            address.put("sort", sort.name());
        }
        return address;
    }

    private static <E extends Enum<E>> E known(Class<E> type, String value, String parameter) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E each : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(each.name());
            }
            throw new InvalidRequest(FILTER_RULE, parameter,
                    "The caseload's " + parameter + " must be one of " + allowed);
        }
    }

    private static int size(String value, int defaultSize) {
        int size = number(value, defaultSize, "size", SIZE_RULE);
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidRequest(SIZE_RULE, "size", "The page size must be from 1 to " + MAX_SIZE);
        }
        return size;
    }

    private static int number(String value, int otherwise, String parameter, String rule) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequest(rule, parameter, "The " + parameter + " must be a whole number");
        }
    }

    private static String nameFragment(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String stripped = name.strip();
        if (stripped.length() > NAME_LIMIT) {
            throw new InvalidRequest(NAME_RULE, "name", "The name to search for must be " + NAME_LIMIT
                    + " characters or fewer");
        }
        for (int i = 0; i < stripped.length(); i++) {
            if (Character.isISOControl(stripped.charAt(i))) {
                throw new InvalidRequest(NAME_RULE, "name", "The name to search for must be plain text");
            }
        }
        return stripped.toLowerCase(Locale.ROOT);
    }
}
