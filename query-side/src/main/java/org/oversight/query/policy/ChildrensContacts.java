package org.oversight.query.policy;

/**
 * Whom a local authority's looked-after children contact for an advocate and to complain, as last recorded; a
 * phone number or a web address of each may be absent, never both.
 */
public record ChildrensContacts(String advocacyService, String advocacyPhone, String advocacyWebAddress,
        String complaintsTeam, String complaintsPhone, String complaintsWebAddress, String reason) {

    /** How to reach the advocacy service, in words a child reads: "on 0800 1111 or at https://...". */
    public String advocacyReach() {
        return reach(advocacyPhone, advocacyWebAddress);
    }

    /** How to reach the complaints team, in the same words. */
    public String complaintsReach() {
        return reach(complaintsPhone, complaintsWebAddress);
    }

    private static String reach(String phone, String web) {
        if (phone != null && web != null) {
            return "on " + phone + " or at " + web;
        }
        return phone != null ? "on " + phone : "at " + web;
    }
}
