package org.oversight.command.escalation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.oversight.command.rules.DecisionDates.spoken;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.oversight.events.escalation.EscalationPolicy;
import org.oversight.command.childcase.ChildCaseRule;
import org.oversight.command.childcase.ChildRegister;
import org.oversight.command.directory.Directory;
import org.oversight.command.rules.DecisionDates;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.escalation.EscalationMovedUp;
import org.oversight.events.escalation.EscalationRaised;
import org.oversight.events.escalation.EscalationReferredToCafcass;
import org.oversight.events.escalation.EscalationResolved;
import org.oversight.events.escalation.EscalationResponseReceived;
import org.oversight.events.escalation.EscalationResponseRejected;
import org.oversight.events.escalation.EscalationWithdrawn;

/**
 * One escalation through the local authority's dispute resolution process, about one child or a sibling group.
 * Its own consistency boundary: a child may have several escalations open at once, and none of them changes the
 * child's case. Due dates for responses and the 20-working-day formal process are derived in projections.
 */
@Aggregate
public class Escalation {

    @AggregateIdentifier
    private String escalationId;
    private String localAuthority;
    private LocalDate raisedOn;
    /** The level it is at; {@code null} while it is an informal alert. */
    private String level;
    /** The latest move, response or rejection; {@code null} until the first. */
    private Step lastStep;
    /** Whether a response at the current level awaits the chair's decision (and so may be rejected). */
    private boolean responseToDecide;
    private LocalDate referredToCafcassOn;
    /** How it closed; {@code null} while open. */
    private Step closed;

    protected Escalation() {
        // for Axon: the escalation is rebuilt from its events
    }

    @CommandHandler
    public Escalation(RaiseEscalation command, Clock clock, Directory directory, EscalationPolicy policy,
            ChildRegister register) {
        String authority = command.localAuthority();
        if (!directory.isLocalAuthority(authority)) {
            throw new RuleViolation(EscalationRule.LOCAL_AUTHORITY_KNOWN, "localAuthority",
                    "Select a local authority this service covers");
        }
        String raisedByName = directory.displayName(command.raisedBy())
                .orElseThrow(() -> new RuleViolation(EscalationRule.RAISED_BY_KNOWN_USER, "raisedBy",
                        "Only a user registered with the service can raise an escalation"));
        List<String> children = childrenNamedOnce(command.childIds());
        // each child's case is read (and locked) in one order, so two raises about the same group never deadlock
        for (String child : children.stream().sorted().toList()) {
            ChildRegister.Registered registered = register.find(child)
                    .orElseThrow(() -> new RuleViolation(ChildCaseRule.CHILD_MUST_BE_REGISTERED, "childIds",
                            "Every child an escalation is about must be registered with the service"));
            if (!registered.localAuthority().equals(authority)) {
                throw new RuleViolation(EscalationRule.CHILDREN_OF_THE_AUTHORITY, "childIds",
                        "Every child an escalation is about must be registered with the local authority it is raised with");
            }
        }
        String category = command.concernCategory();
        if (category == null || !policy.concernCategories(authority).contains(category)) {
            throw new RuleViolation(EscalationRule.CONCERN_CATEGORY_CONFIGURED, "concernCategory",
                    "Select one of the concern categories this local authority uses");
        }
        if (Answers.blank(command.asked())) {
            throw new RuleViolation(EscalationRule.ASK_STATED, "asked",
                    "Enter what you are asking the local authority to do");
        }
        String startsAt = Answers.present(command.level());
        if (command.formal() && startsAt == null) {
            throw new RuleViolation(EscalationRule.LEVEL_WHEN_FORMAL, "level",
                    "Select the level the formal escalation starts at");
        }
        if (!command.formal() && startsAt != null) {
            throw new RuleViolation(EscalationRule.LEVEL_WHEN_FORMAL, "level",
                    "An informal alert has no level; raise a formal escalation to choose one");
        }
        if (startsAt != null) {
            rankOf(startsAt, policy.levels(authority), "level");
        }
        if (command.raisedOn().isAfter(LocalDate.now(clock))) {
            throw new RuleViolation(EscalationRule.DATE_NOT_IN_FUTURE, "raisedOn",
                    "The date the escalation was raised cannot be in the future");
        }
        for (String child : children) {
            ChildRegister.Registered registered = register.find(child).orElseThrow();
            DecisionDates.notBeforeChild(command.raisedOn(), registered.dateOfBirth(),
                    registered.expectedDateOfDelivery(), "raisedOn", "An escalation about this child");
        }
        apply(new EscalationRaised(command.escalationId(), children, authority, category,
                command.asked().strip(), command.formal(), startsAt, command.raisedOn(), command.raisedBy(),
                raisedByName));
    }

    /** @return the sequence number of the event recorded, for read-your-writes on the query side */
    @CommandHandler
    public long handle(MoveEscalationUp command, Clock clock, EscalationPolicy policy) {
        mustBeOpen();
        List<String> levels = policy.levels(localAuthority);
        String to = Answers.stripped(command.toLevel());
        int toRank = rankOf(to, levels, "toLevel");
        // An informal alert may become formal at any level. A level the authority has since stopped using
        // counts as below all of them, so the escalation is never stranded; no levels count as skipped then.
        int fromRank = level == null ? -1 : levels.indexOf(level);
        if (level != null && toRank <= fromRank) {
            String current = inSentence(policy.title(level));
            throw new RuleViolation(EscalationRule.MOVE_TO_HIGHER_LEVEL, "toLevel", toRank == fromRank
                    ? "This escalation is already with the " + current + "; choose a higher level"
                    : "An escalation only moves up: the " + inSentence(policy.title(to)) + " is below the " + current
                            + ", where this escalation is now");
        }
        List<String> skipped = fromRank < 0 ? List.of() : List.copyOf(levels.subList(fromRank + 1, toRank));
        String reason = Answers.present(command.reason());
        if (!skipped.isEmpty() && reason == null) {
            throw new RuleViolation(EscalationRule.SKIPPING_LEVELS_NEEDS_REASON, "reason",
                    "Enter why you are skipping the " + skipped.stream()
                            .map(code -> inSentence(policy.title(code))).collect(Collectors.joining(" and the ")));
        }
        followsPreviousStep(command.movedOn(), clock, "movedOn", "A move up");
        apply(new EscalationMovedUp(escalationId, level, to, skipped, command.movedOn(), reason));
        return getVersion();
    }

    /** @return the sequence number of the event recorded, for read-your-writes on the query side */
    @CommandHandler
    public long handle(RecordEscalationResponse command, Clock clock, EscalationPolicy policy) {
        mustBeOpen();
        if (!Objects.equals(Answers.present(command.level()), level)) {
            throw new RuleViolation(EscalationRule.RESPONSE_AT_CURRENT_LEVEL, "level", level == null
                    ? "This escalation is an informal alert; record the response without a level"
                    : "This escalation is now with the " + inSentence(policy.title(level))
                            + "; record the response for that level");
        }
        followsPreviousStep(command.receivedOn(), clock, "receivedOn", "A response");
        apply(new EscalationResponseReceived(escalationId, level, command.receivedOn(),
                Answers.stripped(command.respondent()), Answers.stripped(command.agreed())));
        return getVersion();
    }

    /** @return the sequence number of the event recorded, for read-your-writes on the query side */
    @CommandHandler
    public long handle(RejectEscalationResponse command, Clock clock, EscalationPolicy policy) {
        mustBeOpen();
        if (!responseToDecide) {
            throw new RuleViolation(EscalationRule.REJECTION_NEEDS_RESPONSE, null, level == null
                    ? "There is no response to this informal alert to reject; record the response first"
                    : "There is no response from the " + inSentence(policy.title(level))
                            + " to reject; record the response first");
        }
        String reason = reasonGiven(command.reason(), EscalationRule.REJECTION_NEEDS_REASON,
                "Enter why the response is rejected");
        followsPreviousStep(command.rejectedOn(), clock, "rejectedOn", "A rejection");
        apply(new EscalationResponseRejected(escalationId, level, command.rejectedOn(), reason));
        return getVersion();
    }

    /** @return the sequence number of the event recorded, for read-your-writes on the query side */
    @CommandHandler
    public long handle(ResolveEscalation command, Clock clock) {
        mustBeOpen();
        if (Answers.blank(command.outcomeForChild())) {
            throw new RuleViolation(EscalationRule.RESOLUTION_NEEDS_OUTCOME, "outcomeForChild",
                    "Enter the outcome for the child");
        }
        if (command.resolvedInChildsInterest() == null) {
            throw new RuleViolation(EscalationRule.RESOLUTION_STATES_CHILDS_INTEREST, "resolvedInChildsInterest",
                    "Select whether the escalation was resolved in the child's interest");
        }
        followsPreviousStep(command.resolvedOn(), clock, "resolvedOn", "A resolution");
        apply(new EscalationResolved(escalationId, command.resolvedOn(), level, command.outcomeForChild().strip(),
                command.resolvedInChildsInterest()));
        return getVersion();
    }

    /** @return the sequence number of the event recorded, for read-your-writes on the query side */
    @CommandHandler
    public long handle(WithdrawEscalation command, Clock clock) {
        mustBeOpen();
        String reason = reasonGiven(command.reason(), EscalationRule.WITHDRAWAL_NEEDS_REASON,
                "Enter why the escalation is withdrawn");
        followsPreviousStep(command.withdrawnOn(), clock, "withdrawnOn", "A withdrawal");
        apply(new EscalationWithdrawn(escalationId, command.withdrawnOn(), reason));
        return getVersion();
    }

    /**
     * A referral runs alongside the process rather than being a step in it: it may be dated before a move or
     * response already recorded, and later steps may be dated before it.
     *
     * @return the sequence number of the event recorded, for read-your-writes on the query side
     */
    @CommandHandler
    public long handle(ReferToCafcass command, Clock clock) {
        mustBeOpen();
        if (referredToCafcassOn != null) {
            throw new RuleViolation(EscalationRule.CAFCASS_REFERRAL_ONCE, null,
                    "This escalation was already referred to Cafcass on " + spoken(referredToCafcassOn));
        }
        String reason = reasonGiven(command.reason(), EscalationRule.CAFCASS_REFERRAL_NEEDS_REASON,
                "Enter why the case is referred to Cafcass");
        notBeforeRaised(command.referredOn(), clock, "referredOn", "A referral to Cafcass");
        apply(new EscalationReferredToCafcass(escalationId, command.referredOn(), reason));
        return getVersion();
    }

    private void mustBeOpen() {
        if (closed != null) {
            throw new RuleViolation(EscalationRule.NOTHING_AFTER_CLOSED, null,
                    "This escalation was " + closed.what() + " on " + spoken(closed.on())
                            + "; nothing more can be recorded on it");
        }
    }

    private void notBeforeRaised(LocalDate date, Clock clock, String field, String what) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation(EscalationRule.DATE_NOT_IN_FUTURE, field, what + " cannot be dated in the future");
        }
        if (date.isBefore(raisedOn)) {
            throw new RuleViolation(EscalationRule.NOT_BEFORE_RAISED, field,
                    what + " cannot be dated before the escalation was raised on " + spoken(raisedOn));
        }
    }

    private void followsPreviousStep(LocalDate date, Clock clock, String field, String what) {
        notBeforeRaised(date, clock, field, what);
        if (lastStep != null && date.isBefore(lastStep.on())) {
            throw new RuleViolation(EscalationRule.NOT_BEFORE_PREVIOUS_STEP, field,
                    what + " cannot be dated before " + lastStep.what() + " on " + spoken(lastStep.on()));
        }
    }

    private static String reasonGiven(String reason, EscalationRule rule, String message) {
        if (Answers.blank(reason)) {
            throw new RuleViolation(rule, "reason", message);
        }
        return reason.strip();
    }

    private static List<String> childrenNamedOnce(List<String> childIds) {
        List<String> children = childIds == null ? List.of()
                : childIds.stream().filter(id -> !Answers.blank(id)).map(String::strip).toList();
        if (children.isEmpty()) {
            throw new RuleViolation(EscalationRule.AT_LEAST_ONE_CHILD, "childIds", "Select at least one child");
        }
        if (new HashSet<>(children).size() < children.size()) {
            throw new RuleViolation(EscalationRule.EACH_CHILD_NAMED_ONCE, "childIds",
                    "Select each child of the sibling group once");
        }
        return children;
    }

    private static int rankOf(String level, List<String> levels, String field) {
        int rank = level == null ? -1 : levels.indexOf(level);
        if (rank < 0) {
            throw new RuleViolation(EscalationRule.LEVEL_CONFIGURED, field,
                    "Select one of the escalation levels this local authority uses");
        }
        return rank;
    }

    /** "Head of service" reads "head of service" mid-sentence; a title opening with an acronym keeps its case. */
    private static String inSentence(String title) {
        if (title.length() > 1 && Character.isUpperCase(title.charAt(0)) && Character.isLowerCase(title.charAt(1))) {
            return Character.toLowerCase(title.charAt(0)) + title.substring(1);
        }
        return title;
    }

    @EventSourcingHandler
    void on(EscalationRaised event) {
        escalationId = event.escalationId();
        localAuthority = event.localAuthority();
        raisedOn = event.raisedOn();
        level = event.level();
    }

    @EventSourcingHandler
    void on(EscalationMovedUp event) {
        level = event.toLevel();
        lastStep = new Step("the escalation moved up", event.movedOn());
        responseToDecide = false;
    }

    @EventSourcingHandler
    void on(EscalationResponseReceived event) {
        lastStep = new Step("the last response was received", event.receivedOn());
        responseToDecide = true;
    }

    @EventSourcingHandler
    void on(EscalationResponseRejected event) {
        lastStep = new Step("the last response was rejected", event.rejectedOn());
        responseToDecide = false;
    }

    @EventSourcingHandler
    void on(EscalationResolved event) {
        closed = new Step("resolved", event.resolvedOn());
    }

    @EventSourcingHandler
    void on(EscalationWithdrawn event) {
        closed = new Step("withdrawn", event.withdrawnOn());
    }

    @EventSourcingHandler
    void on(EscalationReferredToCafcass event) {
        referredToCafcassOn = event.referredOn();
    }

    /** Something that happened to the escalation, as a chair would name it, and when. */
    private record Step(String what, LocalDate on) {
    }
}
