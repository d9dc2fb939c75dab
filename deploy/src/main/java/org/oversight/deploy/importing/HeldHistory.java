package org.oversight.deploy.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.oversight.events.StreamIds;
import org.oversight.events.childcase.BirthRecorded;
import org.oversight.events.childcase.ChildRegistered;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.LegalStatusChanged;
import org.oversight.events.lookedafter.LookedAfterReviewHeld;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.ParticipationCorrected;
import org.oversight.events.lookedafter.PeriodOfCareEnded;
import org.oversight.events.lookedafter.PeriodOfCareStarted;
import org.oversight.events.lookedafter.PlacementChanged;
import org.oversight.events.lookedafter.ReasonPeriodEnded;
import org.oversight.events.lookedafter.ReviewDateCorrected;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildProtectionPlanEnded;
import org.oversight.events.protection.ChildProtectionPlanStarted;
import org.oversight.events.protection.ConferenceReportedInReturn;
import org.oversight.events.protection.InitialCategoryCorrected;
import org.oversight.events.protection.InitialConferenceHeld;
import org.oversight.events.protection.ReviewConferenceHeld;
import org.oversight.events.protection.Section47EnquiryStarted;

/**
 * What Oversight holds of one child, in the terms the returns speak: the date of birth, each period of care (its
 * start, legal status, placement and end), each change inside one, each review as last corrected, each section
 * 47 enquiry, each child protection plan's start and categories of abuse (the initial one as last corrected, the
 * latest one a review decided), and the day of the latest fact in each of the child's streams. Built from the child's events as they
 * are stored, whether an import or a chair recorded them, so a later year's file is compared with the record, not
 * with the files imported before.
 */
final class HeldHistory {

    record Period(LocalDate startedOn, LegalStatus legalStatus, String placement, LocalDate endedOn,
            ReasonPeriodEnded reason) {
    }

    record Move(String placement, Boolean carerChanged) {
    }

    private final String childId;
    private final List<DomainEventMessage<?>> events;
    private LocalDate dateOfBirth;
    private final List<Period> periods = new ArrayList<>();
    private final Map<LocalDate, LegalStatus> legalChanges = new HashMap<>();
    private final Map<LocalDate, Move> moves = new HashMap<>();
    private final Map<String, LocalDate> reviewDates = new HashMap<>();
    private final Map<String, ParticipationCode> reviewCodes = new HashMap<>();
    private final List<LocalDate> enquiries = new ArrayList<>();
    private final Map<LocalDate, String> enquiryIds = new HashMap<>();
    private final List<LocalDate> initialConferences = new ArrayList<>();
    private final List<LocalDate> reviewConferences = new ArrayList<>();
    private final List<LocalDate> planEnds = new ArrayList<>();
    private final Map<String, LocalDate> planStarts = new HashMap<>();
    private final TreeMap<LocalDate, CategoryOfAbuse> initialCategories = new TreeMap<>();
    private final TreeMap<LocalDate, CategoryOfAbuse> reviewCategories = new TreeMap<>();
    private final Map<String, LocalDate> latest = new HashMap<>();

    HeldHistory(String childId, List<DomainEventMessage<?>> events) {
        this.childId = childId;
        this.events = List.copyOf(events);
        for (DomainEventMessage<?> event : events) {
            take(event.getAggregateIdentifier(), event.getPayload());
        }
    }

    private void take(String stream, Object payload) {
        if (payload instanceof ChildRegistered registered) {
            dateOfBirth = registered.dateOfBirth();
        } else if (payload instanceof BirthRecorded birth) {
            dateOfBirth = birth.dateOfBirth();
        } else if (payload instanceof PeriodOfCareStarted started) {
            periods.add(new Period(started.startedOn(), started.legalStatus(), started.placement(), null, null));
            later(stream, started.startedOn());
        } else if (payload instanceof PeriodOfCareEnded ended) {
            int last = periods.size() - 1;
            if (last >= 0) {
                Period p = periods.get(last);
                periods.set(last, new Period(p.startedOn(), p.legalStatus(), p.placement(), ended.endedOn(),
                        ended.reason()));
            }
            later(stream, ended.endedOn());
        } else if (payload instanceof LegalStatusChanged changed) {
            legalChanges.put(changed.changedOn(), changed.to());
            later(stream, changed.changedOn());
        } else if (payload instanceof PlacementChanged moved) {
            moves.put(moved.changedOn(), new Move(moved.to(), moved.carerChanged()));
            later(stream, moved.changedOn());
        } else if (payload instanceof LookedAfterReviewHeld review) {
            reviewDates.put(review.reviewId(), review.heldOn());
            reviewCodes.put(review.reviewId(), review.participation());
            later(stream, review.heldOn());
        } else if (payload instanceof ReviewDateCorrected corrected) {
            reviewDates.put(corrected.reviewId(), corrected.correctedTo());
            later(stream, corrected.correctedTo());
        } else if (payload instanceof ParticipationCorrected corrected) {
            reviewCodes.put(corrected.reviewId(), corrected.correctedTo());
        } else if (payload instanceof InitialConferenceHeld held) {
            conference(stream, held.heldOn(), false);
        } else if (payload instanceof ReviewConferenceHeld held) {
            conference(stream, held.heldOn(), true);
            if (held.latestCategory() != null) {
                reviewCategories.put(held.heldOn(), held.latestCategory());
            }
        } else if (payload instanceof ConferenceReportedInReturn reported) {
            conference(stream, reported.heldOn(), reported.review());
            if (reported.review() && reported.latestCategory() != null) {
                reviewCategories.put(reported.heldOn(), reported.latestCategory());
            }
        } else if (payload instanceof ChildProtectionPlanStarted started) {
            planStarts.put(started.planId(), started.startDate());
            initialCategories.put(started.startDate(), started.initialCategory());
        } else if (payload instanceof InitialCategoryCorrected corrected) {
            LocalDate start = planStarts.get(corrected.planId());
            if (start != null) {
                initialCategories.put(start, corrected.correctedTo());
            }
        } else if (payload instanceof ChildProtectionPlanEnded ended) {
            planEnds.add(ended.endDate());
            later(stream, ended.endDate());
        } else if (payload instanceof Section47EnquiryStarted enquiry) {
            enquiries.add(enquiry.strategyDiscussionOn());
            enquiryIds.putIfAbsent(enquiry.strategyDiscussionOn(), enquiry.enquiryId());
            later(stream, enquiry.strategyDiscussionOn());
        }
    }

    private void conference(String stream, LocalDate on, boolean review) {
        (review ? reviewConferences : initialConferences).add(on);
        later(stream, on);
    }

    /** Whether a conference of the kind (initial, or review) is held on the day, however it was recorded. */
    boolean conferenceOn(LocalDate on, boolean review) {
        return (review ? reviewConferences : initialConferences).contains(on);
    }

    /** The initial category of abuse, as last corrected, of the plan that started on the day, if one did. */
    Optional<CategoryOfAbuse> planStartedOn(LocalDate on) {
        return Optional.ofNullable(initialCategories.get(on));
    }

    /**
     * The category of abuse the child's plan stood under at the end of the day: the plan started latest on or before
     * it, its initial category, then each review's decision from its start to the day. Empty when no plan had
     * started by then.
     */
    Optional<CategoryOfAbuse> categoryOn(LocalDate day) {
        Map.Entry<LocalDate, CategoryOfAbuse> plan = initialCategories.floorEntry(day);
        if (plan == null) {
            return Optional.empty();
        }
        CategoryOfAbuse category = plan.getValue();
        for (CategoryOfAbuse decided : reviewCategories.subMap(plan.getKey(), true, day, true).values()) {
            category = decided;
        }
        return Optional.ofNullable(category);
    }

    boolean planEndedOn(LocalDate on) {
        return planEnds.contains(on);
    }

    private void later(String stream, LocalDate on) {
        latest.merge(stream, on, (a, b) -> a.isAfter(b) ? a : b);
    }

    String childId() {
        return childId;
    }

    /** The child's events as stored, for the aggregates to stand on before the new facts are judged. */
    List<DomainEventMessage<?>> events() {
        return events;
    }

    LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    Optional<Period> periodStartedOn(LocalDate on) {
        return periods.stream().filter(p -> p.startedOn().equals(on)).findFirst();
    }

    /** The period of care the day falls in or ends after: the latest one started on or before it. */
    Optional<Period> periodOf(LocalDate on) {
        Period found = null;
        for (Period p : periods) {
            if (!p.startedOn().isAfter(on)) {
                found = p;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether a period of care is open on the day (started on or before it, not ended before it). */
    boolean periodOpenOn(LocalDate day) {
        return periods.stream().anyMatch(p -> !p.startedOn().isAfter(day)
                && (p.endedOn() == null || !p.endedOn().isBefore(day)));
    }

    Optional<LegalStatus> legalChangeOn(LocalDate on) {
        return Optional.ofNullable(legalChanges.get(on));
    }

    Optional<Move> moveOn(LocalDate on) {
        return Optional.ofNullable(moves.get(on));
    }

    /** The participation code of the review held on the day, if one is. */
    Optional<ParticipationCode> reviewOn(LocalDate on) {
        return reviewDates.entrySet().stream().filter(e -> e.getValue().equals(on)).findFirst()
                .map(e -> reviewCodes.get(e.getKey()));
    }

    boolean enquiryOn(LocalDate on) {
        return enquiries.contains(on);
    }

    /** The enquiry started at the strategy discussion on the day, as Oversight names it. */
    Optional<String> enquiryIdOn(LocalDate on) {
        return Optional.ofNullable(enquiryIds.get(on));
    }

    /** The day of the latest fact the stream holds (care or protection), if any. */
    Optional<LocalDate> latestIn(String stream) {
        return Optional.ofNullable(latest.get(stream));
    }

    static List<String> streamsOf(String childId) {
        return StreamIds.ofChild(childId);
    }
}
