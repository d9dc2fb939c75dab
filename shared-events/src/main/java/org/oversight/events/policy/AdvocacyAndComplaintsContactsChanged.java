package org.oversight.events.policy;

import org.oversight.events.fields.FieldRule;

/**
 * A local authority recorded whom its looked-after children contact for an advocate and to complain: the letter a
 * child receives after each review names them, so that the child need not ask the very people they may want to
 * complain about. The contacts are services, not people; each has a phone number, a web address or both.
 *
 * @param localAuthority      the authority ({@link FieldRule#CODE})
 * @param advocacyService     the advocacy service's name ({@link FieldRule#SHORT_TEXT})
 * @param advocacyPhone       its UK phone number, or null ({@link FieldRule#SHORT_TEXT}, checked as a phone number)
 * @param advocacyWebAddress  its https web address, or null ({@link FieldRule#SHORT_TEXT}, checked as one)
 * @param complaintsTeam      the name of the team that takes children's complaints ({@link FieldRule#SHORT_TEXT})
 * @param complaintsPhone     its UK phone number, or null
 * @param complaintsWebAddress its https web address, or null
 * @param reason              why the contacts were recorded or changed ({@link FieldRule#FREE_TEXT})
 */
public record AdvocacyAndComplaintsContactsChanged(
        String localAuthority,
        String advocacyService,
        String advocacyPhone,
        String advocacyWebAddress,
        String complaintsTeam,
        String complaintsPhone,
        String complaintsWebAddress,
        String reason) {
}
