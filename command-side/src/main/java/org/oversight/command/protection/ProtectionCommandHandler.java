package org.oversight.command.protection;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.oversight.command.directory.Directory;
import org.oversight.command.rules.RuleViolation;
import org.oversight.events.protection.ConferenceType;
import org.springframework.stereotype.Component;

/**
 * Accepts the conferences. A conference may decide for several children at once, each child with a journey
 * ({@link ChildProtection}) of their own, so no one aggregate can handle it: every child's journey is loaded, or
 * started, within the one command's unit of work, so either every child's events are stored or none are. Commands
 * about one child are handled on the child's journey itself.
 *
 * <p>A conference answers with, for each child, the sequence number of the last event recorded in the child's
 * protection stream ({@link ProtectionIds#protectionOf}), for read-your-writes.
 */
@Component
public class ProtectionCommandHandler {

    private final Repository<ChildProtection> protections;
    private final RegisteredChildren children;

    public ProtectionCommandHandler(Repository<ChildProtection> protections, RegisteredChildren children) {
        this.protections = protections;
        this.children = children;
    }

    /** @return for each child, in the order decided, the sequence number of their last event */
    @CommandHandler
    public Map<String, Long> handle(HoldInitialConference command, Clock clock, Directory directory,
            QuoracyPolicy quoracy) {
        if (!command.type().initial()) {
            throw new RuleViolation(ProtectionRule.CONFERENCE_TYPE_INITIAL, "type",
                    "Record a review conference as a review, not as an initial conference");
        }
        HeldConference conference = HeldConference.check(command.conferenceId(), command.type(), command.heldOn(),
                command.attendingAgencies(), command.chairId(), LocalDate.now(clock), directory);
        return forEachChild(conference, command.childIds(), quoracy, (journey, at) ->
                journey.holdInitialConference(conference, command.decisions().get(at.index()), at));
    }

    /** @return for each child, in the order decided, the sequence number of their last event */
    @CommandHandler
    public Map<String, Long> handle(HoldReviewConference command, Clock clock, Directory directory,
            QuoracyPolicy quoracy) {
        HeldConference conference = HeldConference.check(command.conferenceId(), ConferenceType.REVIEW,
                command.heldOn(), command.attendingAgencies(), command.chairId(), LocalDate.now(clock), directory);
        return forEachChild(conference, command.childIds(), quoracy, (journey, at) ->
                journey.holdReview(conference, command.decisions().get(at.index()), at));
    }

    /**
     * Applies a conference's decision to each child's journey. Children are taken in the order of their ids, so
     * two conferences about overlapping groups lock the same journeys in the same order.
     */
    private Map<String, Long> forEachChild(HeldConference conference, List<String> childIds, QuoracyPolicy quoracy,
            BiConsumer<ChildProtection, ChildAtConference> decision) {
        eachChildOnce(childIds);
        Map<String, Long> sequences = new LinkedHashMap<>();
        childIds.forEach(childId -> sequences.put(childId, null));
        IntStream.range(0, childIds.size()).boxed()
                .sorted(Comparator.comparing(childIds::get))
                .forEach(index -> {
                    String childId = childIds.get(index);
                    // the journey before the case, in the order every command about one child takes them
                    Aggregate<ChildProtection> journey = journeyOf(childId);
                    RegisteredChild child = children.find(childId, "decisions[" + index + "].childId");
                    ChildAtConference at = new ChildAtConference(index, child,
                            quoracy.assess(child.localAuthority(), conference.attendingAgencies()),
                            childIds.stream().filter(other -> !other.equals(childId)).toList());
                    journey.execute(decided -> decision.accept(decided, at));
                    sequences.put(childId, journey.version());
                });
        return Collections.unmodifiableMap(sequences);
    }

    private static void eachChildOnce(List<String> childIds) {
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < childIds.size(); index++) {
            if (!seen.add(childIds.get(index))) {
                throw new RuleViolation(ProtectionRule.EACH_CHILD_DECIDED_ONCE, "decisions[" + index + "].childId",
                        "Each child can be decided for only once at a conference");
            }
        }
    }

    private Aggregate<ChildProtection> journeyOf(String childId) {
        try {
            return protections.loadOrCreate(ProtectionIds.protectionOf(childId), ChildProtection::new);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not load the protection journey", e);
        }
    }
}
