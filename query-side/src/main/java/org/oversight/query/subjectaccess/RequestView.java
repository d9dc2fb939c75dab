package org.oversight.query.subjectaccess;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.events.subjectaccess.RequesterRelationship;
import org.oversight.events.subjectaccess.ReviewedItem;
import org.oversight.events.subjectaccess.SubjectAccessCopyPrepared;
import org.oversight.events.subjectaccess.SubjectAccessCopyReleased;
import org.oversight.events.subjectaccess.SubjectAccessDeadlineExtended;
import org.oversight.events.subjectaccess.SubjectAccessRequested;
import org.oversight.query.calendar.DueDate;
import org.oversight.query.calendar.WorkingDayCalendar;
import org.oversight.query.history.RecordedEvent;

/**
 * One subject access request as the child's record holds it: who asked and when, when it is due, and what has
 * been decided about it. Read from the child's own events, never from a projection.
 *
 * @param due       the last day to answer in time, from {@link TimeToAnswer}
 * @param preparation the latest preparation of the copy, or {@code null} while none
 * @param releasedOn  the day the copy was released, or {@code null} while the request is open
 */
public record RequestView(String requestId, String requesterName, RequesterRelationship relationship,
        LocalDate receivedOn, String recordedByName, LocalDate extensionToldOn, String extensionReason, DueDate due,
        Preparation preparation, LocalDate releasedOn, String releasedTo, String releasedByName) {

    /** A preparation of the copy: when, by whom, up to which stored event, and what was decided. */
    public record Preparation(LocalDate preparedOn, String preparedByName, long historyThrough,
            List<ReviewedItem> items) {

        /** The decisions by the key of the piece they are about. */
        public Map<String, ReviewedItem> byKey() {
            Map<String, ReviewedItem> byKey = new LinkedHashMap<>();
            items.forEach(item -> byKey.put(item.key(), item));
            return byKey;
        }

        public long withheld() {
            return items.stream().filter(item -> !item.released()).count();
        }
    }

    public boolean extended() {
        return extensionToldOn != null;
    }

    public boolean answered() {
        return releasedOn != null;
    }

    /** Where the request stands, as the data officer would say it. */
    public String status() {
        return answered() ? "Answered" : preparation != null ? "Copy prepared" : "Open";
    }

    /** The requests on a child's record, oldest first, with their due dates on the calendar given. */
    public static List<RequestView> of(List<RecordedEvent> events, WorkingDayCalendar calendar) {
        Map<String, RequestView> requests = new LinkedHashMap<>();
        for (RecordedEvent event : events) {
            Object payload = event.payload();
            if (payload instanceof SubjectAccessRequested e) {
                requests.put(e.requestId(), new RequestView(e.requestId(), e.requesterName(), e.relationship(),
                        e.receivedOn(), event.recordedByName(), null, null,
                        TimeToAnswer.due(e.receivedOn(), false, calendar), null, null, null, null));
            } else if (payload instanceof SubjectAccessDeadlineExtended e && requests.containsKey(e.requestId())) {
                RequestView r = requests.get(e.requestId());
                requests.put(r.requestId, new RequestView(r.requestId, r.requesterName, r.relationship, r.receivedOn,
                        r.recordedByName, e.toldOn(), e.reason(), TimeToAnswer.due(r.receivedOn, true, calendar),
                        r.preparation, r.releasedOn, r.releasedTo, r.releasedByName));
            } else if (payload instanceof SubjectAccessCopyPrepared e && requests.containsKey(e.requestId())) {
                RequestView r = requests.get(e.requestId());
                requests.put(r.requestId, new RequestView(r.requestId, r.requesterName, r.relationship, r.receivedOn,
                        r.recordedByName, r.extensionToldOn, r.extensionReason, r.due,
                        new Preparation(e.preparedOn(), event.recordedByName(), e.historyThrough(),
                                new ArrayList<>(e.items())), r.releasedOn, r.releasedTo, r.releasedByName));
            } else if (payload instanceof SubjectAccessCopyReleased e && requests.containsKey(e.requestId())) {
                RequestView r = requests.get(e.requestId());
                requests.put(r.requestId, new RequestView(r.requestId, r.requesterName, r.relationship, r.receivedOn,
                        r.recordedByName, r.extensionToldOn, r.extensionReason, r.due, r.preparation, e.releasedOn(),
                        e.releasedTo(), event.recordedByName()));
            }
        }
        return List.copyOf(requests.values());
    }
}
