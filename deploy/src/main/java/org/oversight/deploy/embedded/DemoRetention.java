package org.oversight.deploy.embedded;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.oversight.command.childcase.ChildIds;
import org.oversight.command.childcase.PlaceLegalHold;
import org.oversight.command.childcase.RegisterChild;
import org.oversight.command.protection.RecordInitialConferenceNotRequired;
import org.oversight.command.protection.RecordStrategyDiscussion;
import org.oversight.events.retention.HoldReason;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Two Northmoor children of the demo whose records are past their retention period: each had a child protection
 * enquiry eleven years ago that needed no conference, and nothing since, so the default local period of ten years
 * from its close has run out. The first is due for destruction; the second is held for an inquiry, placed by the
 * demo's data officer, so the list shows one due and one held. Invented, like every demo child.
 */
final class DemoRetention {

    static final String DUE_IDENTIFIER = "D2001";
    static final String HELD_IDENTIFIER = "D2002";
    private static final String DATA_OFFICER = "data.iqbal";

    private final CommandGateway commands;

    DemoRetention(CommandGateway commands) {
        this.commands = commands;
    }

    void record(LocalDate today) {
        // case ids from a seed of their own, so that the other demo children stay as they were
        Random caseIds = new Random(20261203L);
        closedEnquiryLongAgo(ChildIds.drawnFrom(caseIds), DUE_IDENTIFIER, "Wren", "Marlow", today);
        String held = closedEnquiryLongAgo(ChildIds.drawnFrom(caseIds), HELD_IDENTIFIER, "Tam", "Ravenscroft", today);
        Authentication loader = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                DATA_OFFICER, null, AuthorityUtils.createAuthorityList("ROLE_DATA_OFFICER")));
        try {
            commands.sendAndWait(new PlaceLegalHold(held, HoldReason.INQUIRY,
                    "The regional inquiry into children's homes asked for these records to be kept"));
        } finally {
            SecurityContextHolder.getContext().setAuthentication(loader);
        }
    }

    /** A 17-year-old whose enquiry at six closed without a conference; no chair, since nothing is open. */
    private String closedEnquiryLongAgo(String childId, String identifier, String given, String family,
            LocalDate today) {
        LocalDate born = today.minusYears(17).minusDays(100);
        commands.sendAndWait(RegisterChild.of("DEMO-N", identifier, given, family, born, null).withChildId(childId));
        String enquiryId = UUID.nameUUIDFromBytes(("demo-retention-enquiry-" + childId)
                .getBytes(StandardCharsets.UTF_8)).toString();
        LocalDate discussed = today.minusYears(11).minusDays(20);
        commands.sendAndWait(new RecordStrategyDiscussion(childId, enquiryId, discussed));
        commands.sendAndWait(new RecordInitialConferenceNotRequired(childId, enquiryId, discussed.plusDays(6),
                "The concerns were not substantiated; the family accepted support from early help"));
        return childId;
    }
}
