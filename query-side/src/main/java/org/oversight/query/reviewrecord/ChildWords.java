package org.oversight.query.reviewrecord;

import org.oversight.events.lookedafter.AdvocacyStep;
import org.oversight.events.lookedafter.ChildChairing;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.events.lookedafter.PrivateConversation;

/**
 * The recorded facts of a review said to the child, in short plain sentences addressed to them. Codes the
 * professionals use (PN codes, SSDA903 terms, regulations) never reach the child's version: each is turned into
 * what it means for the child here, or left out. A {@code null} means there is nothing to say to the child.
 */
public final class ChildWords {

    private ChildWords() {
    }

    /** How the child took part; nothing for a child under 4, to whom the IRO explains the review in person. */
    public static String participation(ParticipationCode code) {
        return switch (code) {
            case PN0 -> null;
            case PN1 -> "You came to your review and told us what you think.";
            case PN2 -> "You came to your review, and someone spoke for you.";
            case PN3 -> "You came to your review and showed us how you feel.";
            case PN4 -> "You came to your review.";
            case PN5 -> "You did not come to your review, but you told someone what to say for you.";
            case PN6 -> "You did not come to your review, but you sent us what you think.";
            case PN7 -> "You did not come to your review this time.";
        };
    }

    /** The conversation before the review, when the IRO had one with the child alone. */
    public static String conversation(PrivateConversation conversation, String iroName) {
        if (conversation == PrivateConversation.SPOKE_IN_PRIVATE) {
            return "Before your review, " + iroName + " talked with you on your own about what the review would"
                    + " look at.";
        }
        if (conversation == PrivateConversation.CHILD_REFUSED) {
            return "Before your review, you chose not to talk with " + iroName + " on your own. That is fine.";
        }
        return null;
    }

    public static String chairing(ChildChairing chairing) {
        if (chairing == null) {
            return null;
        }
        return switch (chairing) {
            case CHAIRED -> "You chaired your review. Thank you for leading it.";
            case CO_CHAIRED -> "You chaired your review together with your IRO.";
        };
    }

    /** Where the plan is for the child to grow up, in words a child reads. */
    public static String permanence(PermanencePlan plan) {
        if (plan == null) {
            return null;
        }
        return switch (plan) {
            case RETURN_HOME -> "The plan is for you to go back to live with your family.";
            case ADOPTION -> "The plan is for you to be adopted.";
            case SPECIAL_GUARDIANSHIP -> "The plan is for you to live with someone who will be your special"
                    + " guardian.";
            case CHILD_ARRANGEMENTS_ORDER -> "The plan is for you to live with someone the court has said you can"
                    + " live with.";
            case LONG_TERM_FOSTERING -> "The plan is for you to stay with a foster family while you grow up.";
            case SUPPORTED_LIVING_OR_INDEPENDENCE -> "The plan is to help you get ready to live on your own.";
            case RESIDENTIAL_CARE -> "The plan is for you to live in a children's home.";
            case OTHER -> "Your social worker will talk with you about the plan for where you will live.";
        };
    }

    /** Where the child stands with an advocate, when something is recorded. */
    public static String advocacy(AdvocacyStep step) {
        if (step == null) {
            return null;
        }
        return switch (step) {
            case TOLD_ABOUT_ADVOCACY_AND_COMPLAINTS -> "We told you about advocates and how to complain.";
            case ADVOCATE_OFFERED -> "We offered you an advocate.";
            case REFERRED_FOR_ADVOCACY -> "We asked the advocacy service to find you an advocate.";
            case ADVOCATE_APPOINTED -> "You have an advocate.";
            case ADVOCATE_DECLINED -> "You told us you did not want an advocate for now. You can change your mind"
                    + " at any time.";
        };
    }
}
