package org.oversight.events.lookedafter;

/**
 * A step in making sure a looked-after child can be heard through an advocate and knows how to complain. Every
 * local authority arranges advocacy for children who make or intend to make representations, including complaints
 * (sections 26 and 26A of the Children Act 1989), and the IRO makes sure the child has been told about it.
 */
public enum AdvocacyStep {
    TOLD_ABOUT_ADVOCACY_AND_COMPLAINTS("Told about advocacy and how to complain"),
    ADVOCATE_OFFERED("Advocate offered"),
    REFERRED_FOR_ADVOCACY("Referred to the advocacy service"),
    ADVOCATE_APPOINTED("Advocate appointed"),
    ADVOCATE_DECLINED("The child did not want an advocate");

    private final String title;

    AdvocacyStep(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
