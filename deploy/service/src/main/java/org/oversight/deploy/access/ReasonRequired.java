package org.oversight.deploy.access;

/**
 * The person may read or act for this child only once they have said why (a chair covering for a colleague,
 * an auditor or QA lead opening a record outside any caseload). Carries the child's id, never a name.
 */
public class ReasonRequired extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String childId;

    public ReasonRequired(String childId) {
        super("A reason is needed to open this record", null, false, false);
        this.childId = childId;
    }

    public String childId() {
        return childId;
    }
}
