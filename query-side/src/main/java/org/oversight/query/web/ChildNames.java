package org.oversight.query.web;

/**
 * A child's name as pages show it. A child brought in from the authority's returns is registered with no name
 * (the returns carry none) and is known by the authority's identifier until one is recorded: pages say so rather
 * than show a blank.
 */
public final class ChildNames {

    public static final String NOT_RECORDED = "Name not recorded";

    private ChildNames() {
    }

    public static String of(String givenName, String familyName) {
        boolean noGiven = givenName == null || givenName.isBlank();
        boolean noFamily = familyName == null || familyName.isBlank();
        if (noGiven && noFamily) {
            return NOT_RECORDED;
        }
        return noFamily ? givenName : noGiven ? familyName : givenName + " " + familyName;
    }
}
