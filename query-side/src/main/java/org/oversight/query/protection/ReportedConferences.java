package org.oversight.query.protection;

/**
 * How a conference known only from a statutory return reads: nobody is named as its chair, since the return names
 * nobody, and its quoracy is said to be not recorded rather than shown as yes or no.
 */
public final class ReportedConferences {

    /** The username a reported conference names for its chair: nobody's, as the import's own directory says. */
    public static final String CHAIR_ID = "returns.chair-not-recorded";

    /** The chair of a reported conference, as every page shows it. */
    public static final String CHAIR_NOT_RECORDED = "Not recorded in the return";

    private ReportedConferences() {
    }

    /** The label of a reported conference's quoracy ("From the 2024 census, quoracy not recorded"). */
    public static String quoracy(String reportedIn) {
        return "From " + reportedIn + ", quoracy not recorded";
    }
}
