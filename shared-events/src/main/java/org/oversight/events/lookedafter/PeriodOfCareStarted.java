package org.oversight.events.lookedafter;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * The child started to be looked after: a new period of care (an SSDA903 episode with reason for new episode
 * {@code S}). The first review falls due within 20 working days of {@code startedOn} (reg 33(1)).
 *
 * @param childId     the child's case ({@link FieldRule#IDENTIFIER})
 * @param periodId    identifies this period among the child's periods of care ({@link FieldRule#IDENTIFIER})
 * @param startedOn   the date the child became looked after ({@code DECOM} of the first episode)
 * @param legalStatus the legal status the period starts under
 * @param placement   the SSDA903 placement type code ({@code PLACE}) the period starts in, or {@code null} when
 *                    it was not given ({@link FieldRule#CODE})
 */
public record PeriodOfCareStarted(
        String childId,
        String periodId,
        LocalDate startedOn,
        LegalStatus legalStatus,
        String placement) {
}
