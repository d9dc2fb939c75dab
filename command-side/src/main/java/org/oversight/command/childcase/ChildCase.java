package org.oversight.command.childcase;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.oversight.command.rules.DecisionDates.spoken;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.spring.stereotype.Aggregate;
import org.oversight.command.directory.Chair;
import org.oversight.command.directory.Directory;
import org.oversight.command.rules.DecisionDates;
import org.oversight.command.rules.RuleViolation;
import org.oversight.command.subjectaccess.SubjectAccessRequests;
import org.oversight.events.childcase.BirthRecorded;
import org.oversight.events.childcase.ChairAllocated;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.RecordedBy;
import org.oversight.events.childcase.ChildRecordDestroyed;
import org.oversight.events.childcase.ChildRecordRestricted;
import org.oversight.events.childcase.ChildRecordRestrictionLifted;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.childcase.ChildTransferred;

/**
 * A child's case: who the child is and who chairs their reviews and conferences. Kept deliberately small;
 * the child protection journey, periods of care and escalations are their own consistency boundaries.
 */
@Aggregate
public class ChildCase {

    /** How long after the expected date of delivery an unborn child may still be registered. */
    static final int EXPECTED_DELIVERY_OVERDUE_WEEKS = 4;

    @AggregateIdentifier
    private String childId;
    private String localAuthority;
    private LocalDate dateOfBirth;
    private LocalDate expectedDateOfDelivery;
    private LocalDate registeredOn;
    private final Map<ChairRole, Allocation> chairs = new EnumMap<>(ChairRole.class);
    /** The people who may see the record while it is restricted; empty while it is not. */
    private Set<String> restrictedTo = Set.of();
    /** Requests for a copy of the record: decisions on the record itself, handled by the member. */
    @AggregateMember
    private final SubjectAccessRequests subjectAccess = new SubjectAccessRequests();
    /** Whether the record was destroyed at the end of its retention. */
    private boolean destroyed;
    @AggregateMember
    private final LegalHolds legalHolds = new LegalHolds();
    /** The child's characteristics as the statutory returns ask for them. */
    @AggregateMember
    private final Characteristics characteristics = new Characteristics();
    /** When a child who is a mother gave birth to her own child, as the SSDA903 header asks. */
    @AggregateMember
    private final MothersChild mothersChild = new MothersChild();

    protected ChildCase() {
        // for Axon: the case is rebuilt from its events
    }

    @CommandHandler
    public ChildCase(RegisterChild command, Clock clock, Directory directory, ChildIdentifiers identifiers) {
        LocalDate today = LocalDate.now(clock);
        birthOrExpectedDeliveryGiven(command);
        if (command.dateOfBirth() != null) {
            dateOfBirthNotInFuture(command.dateOfBirth(), today);
            mustBeAChild(command.dateOfBirth(), today);
        } else {
            expectedDeliveryWithin42Weeks(command.expectedDateOfDelivery(), today);
        }
        if (!directory.isLocalAuthority(command.localAuthority())) {
            throw new RuleViolation(ChildCaseRule.LOCAL_AUTHORITY_KNOWN, "localAuthority",
                    "Select a local authority this service covers");
        }
        if (!identifiers.claim(command.localAuthority(), command.localIdentifier(), command.childId())) {
            // answered as the event store answers a second creation of one case: 409, naming no other record
            throw new AggregateStreamCreationException("The child's identifier is held by another case");
        }
        apply(new ChildRegistered(command.childId(), command.localAuthority(), command.localIdentifier().trim(),
                command.givenName().trim(), command.familyName().trim(), command.dateOfBirth(),
                command.expectedDateOfDelivery(), today));
    }

    /** @return the sequence number of the event recorded, for read-your-writes on the query side */
    @CommandHandler
    public long handle(AllocateChair command, Clock clock, Directory directory) {
        stillKept();
        Chair chair = directory.chair(command.chairId())
                .orElseThrow(() -> new RuleViolation(ChildCaseRule.CHAIR_MUST_BE_KNOWN, "chairId",
                        "Select a chair who is registered with the service"));
        if (!chair.canActAs(command.role())) {
            throw new RuleViolation(ChildCaseRule.CHAIR_MUST_HOLD_ROLE, "chairId",
                    "The selected chair cannot act as " + article(command.role()));
        }
        if (!directory.worksFor(chair.username(), localAuthority)) {
            throw new RuleViolation(ChildCaseRule.CHAIR_WORKS_FOR_CHILDS_AUTHORITY, "chairId",
                    "The selected chair does not work for the child's local authority");
        }
        if (command.allocatedFrom().isAfter(LocalDate.now(clock))) {
            throw new RuleViolation(ChildCaseRule.ALLOCATION_NOT_IN_FUTURE, "allocatedFrom",
                    "An allocation cannot start in the future");
        }
        DecisionDates.notBeforeChild(command.allocatedFrom(), dateOfBirth, expectedDateOfDelivery, "allocatedFrom",
                "An allocation");
        Allocation current = chairs.get(command.role());
        if (current != null) {
            if (current.chairId().equals(chair.username())) {
                throw new RuleViolation(ChildCaseRule.ALREADY_ALLOCATED, "chairId",
                        "The selected chair is already allocated as " + article(command.role()));
            }
            if (command.allocatedFrom().isBefore(current.from())) {
                throw new RuleViolation(ChildCaseRule.REALLOCATION_AFTER_CURRENT, "allocatedFrom",
                        "A reallocation must start on or after the current allocation, which started on "
                                + spoken(current.from()));
            }
        }
        apply(new ChairAllocated(childId, command.role(), chair.username(), chair.displayName(),
                command.allocatedFrom(), current == null ? null : current.chairId()));
        return getVersion();
    }

    /** @return the sequence number of the event recorded, for read-your-writes on the query side */
    @CommandHandler
    public long handle(RecordBirth command, Clock clock) {
        stillKept();
        if (expectedDateOfDelivery == null) {
            throw new RuleViolation(ChildCaseRule.BIRTH_ONLY_FOR_UNBORN_CHILD, "dateOfBirth",
                    "This child was registered with a date of birth; a birth is recorded only for a child registered before birth");
        }
        if (dateOfBirth != null) {
            throw new RuleViolation(ChildCaseRule.BIRTH_RECORDED_ONCE, "dateOfBirth",
                    "The birth is already recorded, on " + spoken(dateOfBirth));
        }
        dateOfBirthNotInFuture(command.dateOfBirth(), LocalDate.now(clock));
        apply(new BirthRecorded(childId, command.dateOfBirth()));
        return getVersion();
    }

    /**
     * @param recorder the person restricting the record, as the command was stamped with it (never from the body)
     * @return the sequence number of the event recorded, for read-your-writes on the query side
     */
    @CommandHandler
    public long handle(RestrictRecord command, @MetaDataValue(RecordedBy.USERNAME) String recorder,
            Directory directory) {
        stillKept();
        Set<String> named = new LinkedHashSet<>();
        command.namedPeople().forEach(person -> named.add(person.strip()));
        if (recorder == null || !named.contains(recorder)) {
            throw new RuleViolation(ChildCaseRule.RESTRICTION_NAMES_ITS_RESTRICTER, "namedPeople",
                    "Name yourself among the people who may see the record");
        }
        for (String person : named) {
            if (!directory.worksFor(person, localAuthority)) {
                throw new RuleViolation(ChildCaseRule.NAMED_PEOPLE_WORK_FOR_THE_AUTHORITY, "namedPeople",
                        "Name only people who work for the child's local authority");
            }
        }
        if (named.equals(restrictedTo)) {
            throw new RuleViolation(ChildCaseRule.RESTRICTION_CHANGES_WHO_IS_NAMED, "namedPeople",
                    "The record is already restricted to exactly these people");
        }
        apply(new ChildRecordRestricted(childId, List.copyOf(named), command.reason().strip()));
        return getVersion();
    }

    /** @return the sequence number of the event recorded, for read-your-writes on the query side */
    @CommandHandler
    public long handle(LiftRestriction command) {
        stillKept();
        if (restrictedTo.isEmpty()) {
            throw new RuleViolation(ChildCaseRule.LIFT_ONLY_A_RESTRICTION, "reason",
                    "The record is not restricted");
        }
        apply(new ChildRecordRestrictionLifted(childId, command.reason().strip()));
        return getVersion();
    }

    /**
     * @return the sequence number of the event recorded, for read-your-writes on the query side
     */
    @CommandHandler
    public long handle(TransferChild command, Clock clock, Directory directory, ChildIdentifiers identifiers) {
        stillKept();
        String to = command.toLocalAuthority().strip();
        if (to.equals(localAuthority) || !directory.isLocalAuthority(to)) {
            throw new RuleViolation(ChildCaseRule.TRANSFER_TO_ANOTHER_AUTHORITY, "toLocalAuthority",
                    "Select another local authority this service covers");
        }
        LocalDate today = LocalDate.now(clock);
        if (command.transferredOn().isAfter(today) || command.transferredOn().isBefore(registeredOn)) {
            throw new RuleViolation(ChildCaseRule.TRANSFER_DATE_WITHIN_THE_RECORD, "transferredOn",
                    "The transfer must be dated between the child's registration and today");
        }
        String identifier = command.toLocalIdentifier().strip();
        if (!identifiers.claim(to, identifier, childId)) {
            // answered as a second registration is: 409, naming no other record
            throw new AggregateStreamCreationException("The child's identifier is held by another case");
        }
        apply(new ChildTransferred(childId, localAuthority, to, identifier, command.transferredOn(),
                command.reason().strip()));
        return getVersion();
    }

    /**
     * Destroys the record at the end of its retention: the child's keys go (every event about the child then
     * reads with its personal content withheld, while the sealed history stays whole), and what remains is a
     * record of the destruction with no personal data in it.
     *
     * @param recorder the person destroying the record, as the command was stamped with it (never from the body)
     * @return the sequence number of the event recorded, for read-your-writes on the query side
     */
    @CommandHandler
    public long handle(DestroyChildRecord command, @MetaDataValue(RecordedBy.USERNAME) String recorder,
            Clock clock, ChildRecordShredder shredder, RecordsDue recordsDue) {
        Optional<ChildCaseRule> refusal = destructionRefusal();
        if (refusal.isPresent()) {
            throw new RuleViolation(refusal.get(), "retentionRule", refusalMessage(refusal.get()));
        }
        // the schedule is worked out on the read side from facts several journeys hold; the day it gives is
        // never before the law's, and a hold, which could come at any moment, is checked above on this record
        RecordsDue.Standing standing = recordsDue.of(childId).orElseThrow(() -> new RuleViolation(
                ChildCaseRule.NOT_DESTROYED_BEFORE_DUE, "retentionRule",
                "This record's retention is not worked out yet; try again in a moment"));
        if (standing.destroyFrom().isEmpty() || standing.destroyFrom().get().isAfter(LocalDate.now(clock))) {
            throw new RuleViolation(ChildCaseRule.NOT_DESTROYED_BEFORE_DUE, "retentionRule",
                    "The retention schedule keeps this record for longer; it is not due for destruction");
        }
        if (!standing.recordType().equals(command.retentionRule().strip())) {
            throw new RuleViolation(ChildCaseRule.DESTROYED_UNDER_ITS_OWN_RULE, "retentionRule",
                    "This record is due for destruction under the rule for its type, " + standing.recordType());
        }
        if (shredder.eventsStoredInPlain(childId) > 0) {
            throw new RuleViolation(ChildCaseRule.NOT_DESTROYED_WHILE_STORED_IN_PLAIN, "retentionRule",
                    "Part of this record was stored before records were encrypted, so destroying its key would "
                            + "not destroy it; it cannot be destroyed here");
        }
        long affected = shredder.shred(childId);
        apply(new ChildRecordDestroyed(childId, localAuthority, command.retentionRule().strip(), recorder,
                Instant.now(clock), affected));
        return getVersion();
    }

    /**
     * The rule that destroying this record today would break, or empty when it may be destroyed. Every reason to
     * keep a record past its retention is checked here, in one place.
     */
    public Optional<ChildCaseRule> destructionRefusal() {
        if (destroyed) {
            return Optional.of(ChildCaseRule.DESTROYED_ONCE);
        }
        if (underLegalHold()) {
            return Optional.of(ChildCaseRule.NOT_DESTROYED_UNDER_LEGAL_HOLD);
        }
        return Optional.empty();
    }

    private static String refusalMessage(ChildCaseRule rule) {
        return switch (rule) {
            case DESTROYED_ONCE -> "This record has already been destroyed";
            case NOT_DESTROYED_UNDER_LEGAL_HOLD -> "This record is under a legal hold; it is kept until every hold "
                    + "on it is lifted";
            default -> "This record cannot be destroyed now";
        };
    }

    /** Nothing more is recorded about a child whose record was destroyed. */
    private void stillKept() {
        if (destroyed) {
            throw new RuleViolation(ChildCaseRule.NOTHING_AFTER_DESTRUCTION,
                    "This record has been destroyed; nothing more can be recorded on it");
        }
    }

    /** Whether the record was destroyed at the end of its retention. */
    public boolean destroyed() {
        return destroyed;
    }

    /** The local authority responsible for the child. */
    public String localAuthority() {
        return localAuthority;
    }

    /** The date of birth, or {@code null} while the child is unborn. */
    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    /** The expected date of delivery given when the child was registered before birth, or {@code null}. */
    public LocalDate expectedDateOfDelivery() {
        return expectedDateOfDelivery;
    }

    /**
     * True while any legal hold stands on the record: nothing may destroy it, whatever its retention period says,
     * until every hold is lifted.
     */
    public boolean underLegalHold() {
        return legalHolds.any();
    }

    /** True while no birth is recorded for a child registered before birth. */
    public boolean unborn() {
        return dateOfBirth == null;
    }

    private static void birthOrExpectedDeliveryGiven(RegisterChild command) {
        boolean born = command.dateOfBirth() != null;
        boolean expected = command.expectedDateOfDelivery() != null;
        if (born == expected) {
            throw new RuleViolation(ChildCaseRule.BIRTH_OR_EXPECTED_DELIVERY, "dateOfBirth", born
                    ? "Enter either a date of birth or, for an unborn child, an expected date of delivery, not both"
                    : "Enter the child's date of birth or, for an unborn child, the expected date of delivery");
        }
    }

    private static void dateOfBirthNotInFuture(LocalDate dateOfBirth, LocalDate today) {
        if (dateOfBirth.isAfter(today)) {
            throw new RuleViolation(ChildCaseRule.DATE_OF_BIRTH_NOT_IN_FUTURE, "dateOfBirth",
                    "The date of birth must be today or in the past; for an unborn child enter the expected date of delivery");
        }
    }

    private static void mustBeAChild(LocalDate dateOfBirth, LocalDate today) {
        if (!dateOfBirth.plusYears(18).isAfter(today)) {
            throw new RuleViolation(ChildCaseRule.MUST_BE_A_CHILD, "dateOfBirth",
                    "The date of birth makes this person 18 or over; Oversight is for children");
        }
    }

    private static void expectedDeliveryWithin42Weeks(LocalDate expected, LocalDate today) {
        if (expected.isAfter(today.plusWeeks(42))) {
            throw new RuleViolation(ChildCaseRule.EXPECTED_DELIVERY_WITHIN_42_WEEKS, "expectedDateOfDelivery",
                    "The expected date of delivery must be within 42 weeks of today");
        }
        if (expected.isBefore(today.minusWeeks(EXPECTED_DELIVERY_OVERDUE_WEEKS))) {
            throw new RuleViolation(ChildCaseRule.EXPECTED_DELIVERY_NOT_LONG_PAST, "expectedDateOfDelivery",
                    "The expected date of delivery cannot be more than " + EXPECTED_DELIVERY_OVERDUE_WEEKS
                            + " weeks ago; if the child has been born, enter the date of birth instead");
        }
    }

    private static String article(ChairRole role) {
        return role == ChairRole.IRO ? "an Independent Reviewing Officer" : "a child protection chair";
    }

    @EventSourcingHandler
    void on(ChildRegistered event) {
        childId = event.childId();
        localAuthority = event.localAuthority();
        dateOfBirth = event.dateOfBirth();
        expectedDateOfDelivery = event.expectedDateOfDelivery();
        registeredOn = event.registeredOn();
    }

    @EventSourcingHandler
    void on(ChildTransferred event) {
        localAuthority = event.toLocalAuthority();
        // the sending authority's chairs hand the child over; the receiving authority allocates its own
        chairs.clear();
    }

    @EventSourcingHandler
    void on(BirthRecorded event) {
        dateOfBirth = event.dateOfBirth();
    }

    @EventSourcingHandler
    void on(ChairAllocated event) {
        chairs.put(event.role(), new Allocation(event.chairId(), event.allocatedFrom()));
    }

    @EventSourcingHandler
    void on(ChildRecordRestricted event) {
        restrictedTo = new LinkedHashSet<>(event.namedPeople());
    }

    @EventSourcingHandler
    void on(ChildRecordRestrictionLifted event) {
        restrictedTo = Set.of();
    }

    @EventSourcingHandler
    void on(ChildRecordDestroyed event) {
        destroyed = true;
        restrictedTo = Set.of();
        chairs.clear();
    }

    private record Allocation(String chairId, LocalDate from) {
    }

    /**
     * A registration from the authority's returns: no name, a date of birth, every other rule of {@link
     * RegisterChild} as it stands on the day the registration takes effect (the aggregate's today).
     */
    @CommandHandler
    public ChildCase(RegisterChildFromReturn command, Clock clock, Directory directory, ChildIdentifiers identifiers) {
        LocalDate today = LocalDate.now(clock);
        dateOfBirthNotInFuture(command.dateOfBirth(), today);
        mustBeAChild(command.dateOfBirth(), today);
        if (!directory.isLocalAuthority(command.localAuthority())) {
            throw new RuleViolation(ChildCaseRule.LOCAL_AUTHORITY_KNOWN, "localAuthority",
                    "Select a local authority this service covers");
        }
        if (!identifiers.claim(command.localAuthority(), command.localIdentifier(), command.childId())) {
            throw new AggregateStreamCreationException("The child's identifier is held by another case");
        }
        apply(new ChildRegistered(command.childId(), command.localAuthority(), command.localIdentifier().trim(),
                RegisterChildFromReturn.NAME_NOT_RECORDED, RegisterChildFromReturn.NAME_NOT_RECORDED,
                command.dateOfBirth(), null, today));
    }
}
