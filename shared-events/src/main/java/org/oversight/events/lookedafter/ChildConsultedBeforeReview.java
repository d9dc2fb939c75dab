package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The IRO spoke to the child, or heard from them, ahead of their next review. Reg 36 of the Care Planning,
 * Placement and Case Review (England) Regulations 2010 asks the IRO to speak to the child in private about what the
 * review will consider, unless the child refuses or it is inappropriate given their age and understanding;
 * {@code privateConversation} records which (revision 2; consultations stored before it read as
 * {@link PrivateConversation#NOT_ASKED_WHEN_RECORDED}).
 *
 * @param childId     the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId    the period of care the next review belongs to ({@link FieldRule#IDENTIFIER})
 * @param consultedOn the date of the consultation
 * @param method      how the child was consulted
 * @param seenAlone   whether the IRO saw or spoke to the child on their own
 * @param iroId       username of the IRO who consulted the child ({@link FieldRule#USERNAME})
 * @param privateConversation whether the IRO spoke to the child in private, or why not (reg 36)
 */
public record ChildConsultedBeforeReview(
        String childId,
        String periodId,
        LocalDate consultedOn,
        ConsultationMethod method,
        boolean seenAlone,
        String iroId,
        PrivateConversation privateConversation) {
}
