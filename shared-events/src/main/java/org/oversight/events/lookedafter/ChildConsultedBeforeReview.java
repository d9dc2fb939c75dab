package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The IRO spoke to the child, or heard from them, ahead of their next review (reg 36 of the 2010 Regulations
 * as usually paraphrased; the wording is unconfirmed).
 *
 * @param childId     the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId    the period of care the next review belongs to ({@link FieldRule#IDENTIFIER})
 * @param consultedOn the date of the consultation
 * @param method      how the child was consulted
 * @param seenAlone   whether the IRO saw or spoke to the child on their own
 * @param iroId       username of the IRO who consulted the child ({@link FieldRule#USERNAME})
 */
public record ChildConsultedBeforeReview(
        String childId,
        String periodId,
        LocalDate consultedOn,
        ConsultationMethod method,
        boolean seenAlone,
        String iroId) {
}
