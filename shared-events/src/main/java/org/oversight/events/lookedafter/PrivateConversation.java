package org.oversight.events.lookedafter;

/**
 * Whether the IRO spoke to the child in private before a review, as reg 36 of the Care Planning, Placement and
 * Case Review (England) Regulations 2010 (SI 2010/959) asks: before the review the IRO speaks to the child in
 * private about the matters the review will consider, unless the child, being of sufficient understanding, refuses,
 * or the IRO considers it inappropriate having regard to the child's age and understanding.
 *
 * <p>The first three answers are what the regulation accepts, so only they meet the consultation clock. A
 * contact that was not a private conversation (a letter, a consultation form, a message through an advocate) is
 * kept as the child's voice but does not meet it.
 */
public enum PrivateConversation {
    SPOKE_IN_PRIVATE("Spoke to the child in private"),
    CHILD_REFUSED("The child refused to speak in private"),
    INAPPROPRIATE_FOR_AGE_AND_UNDERSTANDING("Not appropriate given the child's age and understanding"),
    NOT_IN_PRIVATE("Not a private conversation (written or through an advocate)"),
    /**
     * Consultations recorded before the question was asked. They met the consultation clock when recorded and
     * keep meeting it: the rule applies from the day it was introduced, so no past judgement changes. Never
     * chosen for a new consultation.
     */
    NOT_ASKED_WHEN_RECORDED("Recorded before the private conversation was asked");

    private final String title;

    PrivateConversation(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Whether a consultation with this answer meets the consultation clock before a review. */
    public boolean meetsConsultationClock() {
        return this != NOT_IN_PRIVATE;
    }

    /** The answers an IRO may give for a consultation recorded today. */
    public boolean choosable() {
        return this != NOT_ASKED_WHEN_RECORDED;
    }
}
