package org.oversight.command.policy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.oversight.command.rules.DecisionDates.spoken;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.oversight.command.directory.Directory;
import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.policy.AdvocacyAndComplaintsContactsChanged;
import org.oversight.events.policy.ConferencePaperworkTimescalesSet;
import org.oversight.events.policy.CoreGroupSettingsSet;
import org.oversight.events.policy.MeetingTypeAdded;
import org.oversight.events.policy.MeetingTypes;
import org.oversight.events.policy.PolicySettings;
import org.oversight.events.policy.PolicySettingsChanged;

/**
 * One local authority's timescales and their history. Until the first change the authority works to
 * {@link PolicySettings#DEFAULTS}; each change is a version that applies from its date onwards.
 */
@Aggregate
public class LocalAuthorityPolicy {

    @AggregateIdentifier
    private String policyId;
    private PolicySettings current = PolicySettings.DEFAULTS;
    private LocalDate latestEffectiveFrom;
    @AggregateMember
    private final MeetingTypeList meetingTypes = new MeetingTypeList();
    @AggregateMember
    private final AdvocacyAndComplaintsContacts childrensContacts = new AdvocacyAndComplaintsContacts();

    protected LocalAuthorityPolicy() {
        // for Axon: created by the first change, rebuilt from its events
    }

    /** @return the sequence number of the event recorded, for read-your-writes on the query side */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ChangePolicySettings command, Clock clock, Directory directory, EscalationPolicy escalations) {
        String authority = command.localAuthority().strip();
        if (!directory.isLocalAuthority(authority)) {
            throw new RuleViolation(PolicyRule.LOCAL_AUTHORITY_KNOWN, "localAuthority",
                    "Select a local authority this service covers");
        }
        LocalDate today = LocalDate.now(clock);
        if (command.effectiveFrom().isBefore(today)) {
            throw new RuleViolation(PolicyRule.EFFECTIVE_FROM_NOT_IN_PAST, "effectiveFrom",
                    "New settings take effect today or later: clocks already running keep the settings they started under");
        }
        if (latestEffectiveFrom != null && command.effectiveFrom().isBefore(latestEffectiveFrom)) {
            throw new RuleViolation(PolicyRule.EFFECTIVE_IN_ORDER, "effectiveFrom",
                    "The settings already change on " + spoken(latestEffectiveFrom)
                            + "; a new change takes effect on that date or later");
        }
        PolicySettings settings = command.settings();
        within(settings.iroAllocationWorkingDays(), 1, 20, "iroAllocationWorkingDays",
                "The time to allocate an IRO must be between 1 and 20 working days");
        within(settings.preBirthConferenceByWeek(), 20, 40, "preBirthConferenceByWeek",
                "The pre-birth conference week must be between week 20 and week 40 of pregnancy");
        within(settings.decisionsWorkingDays(), 1, 20, "decisionsWorkingDays",
                "The time to send out decisions must be between 1 and 20 working days");
        within(settings.recordWorkingDays(), 1, 60, "recordWorkingDays",
                "The time to distribute the record must be between 1 and 60 working days");
        within(settings.midwayCheckPercent(), 25, 75, "midwayCheckPercent",
                "The midway check must fall between 25% and 75% of the way to the next review");
        within(settings.earlyReviewWorkingDays(), 1, 40, "earlyReviewWorkingDays",
                "The time to hold an early review must be between 1 and 40 working days");
        within(settings.dentalCheckMonths(), 3, 12, "dentalCheckMonths",
                "The time between dental checks must be between 3 and 12 months");
        within(settings.pepReviewMonths(), 2, 6, "pepReviewMonths",
                "The time between PEP reviews must be between 2 and 6 months");
        within(settings.preBirthReviewAfterBirthWorkingDays(), 1, 40, "preBirthReviewAfterBirthWorkingDays",
                "The first review after a pre-birth plan must be between 1 and 40 working days after the birth");
        within(settings.preBirthReviewAfterConferenceMonths(), 1, 6, "preBirthReviewAfterConferenceMonths",
                "The first review after a pre-birth plan must be between 1 and 6 months after the conference");
        within(settings.transferInConferenceWorkingDays(), 1, 40, "transferInConferenceWorkingDays",
                "The time to hold a transfer-in conference must be between 1 and 40 working days");
        var levels = escalations.levels(authority);
        for (Map.Entry<String, Integer> response : settings.escalationResponseWorkingDays().entrySet()) {
            if (!levels.contains(response.getKey())) {
                throw new RuleViolation(PolicyRule.LEVEL_CONFIGURED, "escalationResponseWorkingDays",
                        "Response times can only be set for this local authority's own escalation levels");
            }
            within(response.getValue() == null ? 0 : response.getValue(), 1, 20,
                    "escalationResponseWorkingDays." + response.getKey(),
                    "Each escalation level's response time must be between 1 and 20 working days");
        }
        if (settings.equals(current) && latestEffectiveFrom != null) {
            throw new RuleViolation(PolicyRule.SOMETHING_CHANGES,
                    "These are the settings already recorded; change at least one of them");
        }
        apply(new PolicySettingsChanged(authority, command.effectiveFrom(), settings, command.reason().strip()));
        return getVersion();
    }

    /** @return the sequence number of the event recorded */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(AddMeetingType command, Directory directory) {
        if (!directory.isLocalAuthority(command.localAuthority().strip())) {
            throw new RuleViolation(PolicyRule.LOCAL_AUTHORITY_KNOWN, "localAuthority",
                    "Select a local authority this service covers");
        }
        meetingTypes.add(command);
        return getVersion();
    }

    /** A meeting type this authority keeps: built in, or added by its administrators. */
    Optional<MeetingTypes.MeetingType> meetingType(String code) {
        return meetingTypes.find(code);
    }

    @EventSourcingHandler
    void on(MeetingTypeAdded event) {
        policyId = "policy-" + event.localAuthority();
    }

    @EventSourcingHandler
    void on(PolicySettingsChanged event) {
        policyId = "policy-" + event.localAuthority();
        current = event.settings();
        latestEffectiveFrom = event.effectiveFrom();
    }

    private static void within(int value, int lowest, int highest, String field, String message) {
        if (value < lowest || value > highest) {
            throw new RuleViolation(PolicyRule.WITHIN_RANGE, field, message);
        }
    }

    /** @return the sequence number of the event recorded */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(ChangeAdvocacyAndComplaintsContacts command, Directory directory) {
        if (!directory.isLocalAuthority(command.localAuthority().strip())) {
            throw new RuleViolation(PolicyRule.LOCAL_AUTHORITY_KNOWN, "localAuthority",
                    "Select a local authority this service covers");
        }
        childrensContacts.change(command);
        return getVersion();
    }

    @EventSourcingHandler
    void on(AdvocacyAndComplaintsContactsChanged event) {
        policyId = "policy-" + event.localAuthority();
    }

    // The timescales of a child protection conference's papers, a part of their own.

    @AggregateMember
    private final ConferencePaperworkTimescales paperworkTimescales = new ConferencePaperworkTimescales();

    /** @return the sequence number of the event recorded */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(SetConferencePaperworkTimescales command, Clock clock, Directory directory) {
        if (!directory.isLocalAuthority(command.localAuthority().strip())) {
            throw new RuleViolation(PolicyRule.LOCAL_AUTHORITY_KNOWN, "localAuthority",
                    "Select a local authority this service covers");
        }
        paperworkTimescales.set(command, LocalDate.now(clock));
        return getVersion();
    }

    @EventSourcingHandler
    void on(ConferencePaperworkTimescalesSet event) {
        policyId = "policy-" + event.localAuthority();
    }

    // How core groups are held in Oversight, a part of its own.

    @AggregateMember
    private final CoreGroupSettings coreGroupSettings = new CoreGroupSettings();

    /** @return the sequence number of the event recorded */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(SetCoreGroupSettings command, Clock clock, Directory directory) {
        if (!directory.isLocalAuthority(command.localAuthority().strip())) {
            throw new RuleViolation(PolicyRule.LOCAL_AUTHORITY_KNOWN, "localAuthority",
                    "Select a local authority this service covers");
        }
        coreGroupSettings.set(command, LocalDate.now(clock));
        return getVersion();
    }

    @EventSourcingHandler
    void on(CoreGroupSettingsSet event) {
        policyId = "policy-" + event.localAuthority();
    }
}
