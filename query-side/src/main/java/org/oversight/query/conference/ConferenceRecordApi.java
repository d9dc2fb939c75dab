package org.oversight.query.conference;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.oversight.events.StreamIds;
import org.oversight.events.access.Access;
import org.oversight.events.access.Operation;
import org.oversight.query.audit.ReadAs;
import org.oversight.query.audit.ReadLog;
import org.oversight.query.child.Children;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The conferences of a child as they happened, and the transfer-in notifications, as JSON. */
@Controller
public class ConferenceRecordApi {

    private static final Duration READ_YOUR_WRITE = Duration.ofSeconds(3);

    private final Children children;
    private final ConferenceRecordQueries queries;
    private final ProjectionPositions positions;

    public ConferenceRecordApi(Children children, ConferenceRecordQueries queries, ProjectionPositions positions) {
        this.children = children;
        this.queries = queries;
        this.positions = positions;
    }

    public record ConferencesAsTheyHappened(Map<String, ConferenceRecordQueries.ConferenceAsItHappened> conferences,
            List<ConferenceRecordQueries.TransferIn> transfersIn) {
    }

    /** @param after the sequence number a child protection command answered with */
    @Access(Operation.READ_CHILD)
    @ReadAs(ReadLog.How.CHILD_JSON)
    @GetMapping("/api/children/{childId}/protection/conferences")
    @ResponseBody
    ConferencesAsTheyHappened conferences(@PathVariable String childId, @RequestParam(required = false) Long after) {
        if (after != null) {
            positions.await(StreamIds.protectionOf(childId), after, READ_YOUR_WRITE);
        }
        children.child(childId).orElseThrow(NotFound::new);
        return new ConferencesAsTheyHappened(queries.conferences(childId), queries.transfersIn(childId));
    }
}
