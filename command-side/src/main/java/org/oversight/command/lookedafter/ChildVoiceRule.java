package org.oversight.command.lookedafter;

import org.oversight.command.rules.Rule;

/**
 * The rules that guard what the IRO records of the child's voice and the people around the child (reg 36 of the
 * Care Planning, Placement and Case Review (England) Regulations 2010, SI 2010/959, and sections 26 and 26A of the
 * Children Act 1989), and the other meetings an IRO chairs.
 */
public enum ChildVoiceRule implements Rule {
    /**
     * A consultation recorded today says whether the IRO spoke to the child in private, or why not (reg 36): the
     * answer kept for consultations stored before the question existed is not one an IRO may give.
     */
    PRIVATE_CONVERSATION_ANSWERED("private-conversation-answered"),
    /**
     * Speaking to the child in private is a conversation with the child on their own: not a letter, a form or a
     * message passed on by an advocate, and not with someone else present.
     */
    PRIVATE_CONVERSATION_IS_SPOKEN_ALONE("private-conversation-is-spoken-alone"),
    /** An advocate is appointed after the child was referred for one in the same period of care. */
    ADVOCATE_APPOINTED_AFTER_REFERRAL("advocate-appointed-after-referral"),
    /** A child chairs a review they attended (participation PN1 to PN4), never one they did not attend. */
    CHAIRING_NEEDS_ATTENDANCE("child-chairing-needs-attendance"),
    /** The child's part in chairing a review is recorded once for that review. */
    CHAIRING_RECORDED_ONCE("child-chairing-recorded-once"),
    /** A meeting's type is one of the meeting types the service keeps (built in or added by an administrator). */
    MEETING_TYPE_MUST_BE_KNOWN("meeting-type-must-be-known"),
    /** A meeting says who took part, by role, and what it decided. */
    MEETING_NEEDS_ATTENDEES_AND_OUTCOME("meeting-needs-attendees-and-outcome"),
    /** A meeting identifier names one meeting in the child's history; a resubmitted form is refused. */
    MEETING_NOT_RECORDED_TWICE("meeting-not-recorded-twice");

    private final String code;

    ChildVoiceRule(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
