package org.oversight.events.protection;

import java.time.LocalDate;
import org.oversight.events.fields.FieldRule;

/**
 * Another local authority told this one that a child on its child protection plan has moved here. The
 * transfer-in conference's clock runs from {@code receivedOn}; the other authority's plan counts towards the
 * child's time on a plan.
 *
 * @param childId            the child's case ({@link FieldRule#IDENTIFIER})
 * @param notificationId     identifies the notification ({@link FieldRule#IDENTIFIER})
 * @param receivedOn         the day the notification was received here
 * @param fromAuthority      the other authority, as named ({@link FieldRule#SHORT_TEXT})
 * @param otherPlanStartedOn the day the other authority's plan started
 * @param recordedBy         username of the chair who recorded it ({@link FieldRule#USERNAME})
 */
public record TransferInNotificationReceived(
        String childId,
        String notificationId,
        LocalDate receivedOn,
        String fromAuthority,
        LocalDate otherPlanStartedOn,
        String recordedBy) {
}
