package org.oversight.command.subjectaccess;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.oversight.command.rules.DecisionDates.spoken;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.subjectaccess.ReviewedItem;
import org.oversight.events.subjectaccess.SubjectAccessCopyPrepared;
import org.oversight.events.subjectaccess.SubjectAccessCopyReleased;
import org.oversight.events.subjectaccess.SubjectAccessDeadlineExtended;
import org.oversight.events.subjectaccess.SubjectAccessRequested;

/**
 * The subject access requests about one child's record, kept inside the child's case so that each decision
 * about them is on the child's own record, read by its auditors beside everything else. A request is open until
 * its copy is released.
 */
public class SubjectAccessRequests {

    private final Map<String, Request> requests = new HashMap<>();

    /** @return the sequence number of the event recorded, for read-your-writes on the query side */
    @CommandHandler
    public long handle(RecordSubjectAccessRequest command, Clock clock) {
        if (requests.containsKey(command.requestId())) {
            throw new RuleViolation(SubjectAccessRule.REQUEST_RECORDED_ONCE, "requestId",
                    "This request is already recorded");
        }
        if (command.receivedOn().isAfter(LocalDate.now(clock))) {
            throw new RuleViolation(SubjectAccessRule.RECEIVED_NOT_IN_FUTURE, "receivedOn",
                    "The date the request was received must be today or in the past");
        }
        apply(new SubjectAccessRequested(command.childId(), command.requestId(), command.requesterName().strip(),
                command.relationship(), command.receivedOn()));
        return getVersion();
    }

    /** @return the sequence number of the event recorded, for read-your-writes on the query side */
    @CommandHandler
    public long handle(ExtendSubjectAccessDeadline command, Clock clock) {
        Request request = open(command.requestId());
        if (request.extended()) {
            throw new RuleViolation(SubjectAccessRule.EXTENDED_ONCE, "toldOn",
                    "The time to answer this request has already been extended by two further months");
        }
        // the same calendar month as the time to answer, without moving past a weekend or bank holiday, which
        // this side does not know: an extension is told by the corresponding day of the next month
        LocalDate lastDay = request.receivedOn().plusMonths(1);
        LocalDate today = LocalDate.now(clock);
        if (command.toldOn().isBefore(request.receivedOn()) || command.toldOn().isAfter(lastDay)
                || command.toldOn().isAfter(today)) {
            throw new RuleViolation(SubjectAccessRule.EXTENSION_TOLD_WITHIN_A_MONTH, "toldOn",
                    "The requester must be told of an extension within one month of receipt: between "
                            + spoken(request.receivedOn()) + " and " + spoken(lastDay) + ", and not in the future");
        }
        apply(new SubjectAccessDeadlineExtended(command.childId(), command.requestId(), command.toldOn(),
                command.reason().strip()));
        return getVersion();
    }

    /** @return the sequence number of the event recorded, for read-your-writes on the query side */
    @CommandHandler
    public long handle(PrepareSubjectAccessCopy command, Clock clock) {
        Request request = open(command.requestId());
        if (command.preparedOn().isBefore(request.receivedOn()) || command.preparedOn().isAfter(LocalDate.now(clock))) {
            throw new RuleViolation(SubjectAccessRule.PREPARED_WITHIN_THE_REQUEST, "preparedOn",
                    "A copy is prepared on or after the day the request was received, " + spoken(request.receivedOn())
                            + ", and not in the future");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < command.items().size(); i++) {
            PrepareSubjectAccessCopy.Item item = command.items().get(i);
            if (!keys.add(item.key().strip())) {
                throw new RuleViolation(SubjectAccessRule.ITEM_DECIDED_ONCE, "items[" + i + "].key",
                        "Each piece of information is decided once");
            }
            if (!item.released() && (item.reason() == null || item.reason().isBlank())) {
                throw new RuleViolation(SubjectAccessRule.WITHHELD_WITH_A_REASON, "items[" + i + "].reason",
                        "Say why this piece of information is withheld");
            }
        }
        List<ReviewedItem> items = command.items().stream().map(item -> new ReviewedItem(item.key().strip(),
                item.whose(), item.released(), item.reason() == null || item.reason().isBlank() ? null
                        : item.reason().strip())).toList();
        apply(new SubjectAccessCopyPrepared(command.childId(), command.requestId(), command.preparedOn(),
                command.historyThrough(), items));
        return getVersion();
    }

    /** @return the sequence number of the event recorded, for read-your-writes on the query side */
    @CommandHandler
    public long handle(ReleaseSubjectAccessCopy command, Clock clock) {
        Request request = open(command.requestId());
        if (request.preparedOn() == null) {
            throw new RuleViolation(SubjectAccessRule.RELEASED_AFTER_PREPARATION, "releasedOn",
                    "Prepare the copy, reviewing what is withheld, before releasing it");
        }
        if (command.releasedOn().isBefore(request.preparedOn()) || command.releasedOn().isAfter(LocalDate.now(clock))) {
            throw new RuleViolation(SubjectAccessRule.RELEASE_DATE_AFTER_PREPARATION, "releasedOn",
                    "A copy is released on or after the day it was prepared, " + spoken(request.preparedOn())
                            + ", and not in the future");
        }
        apply(new SubjectAccessCopyReleased(command.childId(), command.requestId(), command.releasedOn(),
                command.releasedTo().strip()));
        return getVersion();
    }

    private Request open(String requestId) {
        Request request = requests.get(requestId);
        if (request == null) {
            throw new RuleViolation(SubjectAccessRule.REQUEST_MUST_EXIST, "requestId",
                    "No subject access request is recorded under this reference for this child");
        }
        if (request.releasedOn() != null) {
            throw new RuleViolation(SubjectAccessRule.REQUEST_STILL_OPEN, "requestId",
                    "This request was answered when its copy was released on " + spoken(request.releasedOn()));
        }
        return request;
    }

    @EventSourcingHandler
    void on(SubjectAccessRequested event) {
        requests.put(event.requestId(), new Request(event.receivedOn(), false, null, null));
    }

    @EventSourcingHandler
    void on(SubjectAccessDeadlineExtended event) {
        requests.computeIfPresent(event.requestId(), (id, r) -> new Request(r.receivedOn(), true, r.preparedOn(),
                r.releasedOn()));
    }

    @EventSourcingHandler
    void on(SubjectAccessCopyPrepared event) {
        requests.computeIfPresent(event.requestId(), (id, r) -> new Request(r.receivedOn(), r.extended(),
                event.preparedOn(), r.releasedOn()));
    }

    @EventSourcingHandler
    void on(SubjectAccessCopyReleased event) {
        requests.computeIfPresent(event.requestId(), (id, r) -> new Request(r.receivedOn(), r.extended(),
                r.preparedOn(), event.releasedOn()));
    }

    /** What the rules need of one request: a value, so the aggregate's state compares as Axon's fixtures check. */
    private record Request(LocalDate receivedOn, boolean extended, LocalDate preparedOn, LocalDate releasedOn) {
    }
}
