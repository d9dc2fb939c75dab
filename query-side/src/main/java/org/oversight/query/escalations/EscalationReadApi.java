package org.oversight.query.escalations;

import java.time.Duration;
import org.oversight.events.access.Person;
import org.oversight.query.access.Scope;
import org.oversight.query.audit.ReadLog;
import org.oversight.query.audit.ReadAs;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import java.util.List;
import java.util.Map;
import org.oversight.query.child.Children;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.web.NotFound;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Escalations as JSON and CSV. The dashboard and the lists take the same parameters as the pages (see
 * {@link Criterion}); each count's {@code drill} is the query string of its list. CSV has a header row and is
 * quoted as RFC 4180 says.
 */
@RestController
public class EscalationReadApi {

    private static final Duration READ_YOUR_WRITE = Duration.ofSeconds(3);

    private final EscalationReports reports;
    private final EscalationQueries queries;
    private final Children children;
    private final ProjectionPositions positions;

    public EscalationReadApi(EscalationReports reports, EscalationQueries queries, Children children,
            ProjectionPositions positions) {
        this.reports = reports;
        this.queries = queries;
        this.children = children;
        this.positions = positions;
    }

    @Access(Operation.READ_ESCALATION_FIGURES)
    @GetMapping("/api/escalations/dashboard")
    public Dashboard dashboard(Person reader, @RequestParam Map<String, String> parameters) {
        return reports.dashboard(EscalationCriteria.from(parameters), Scope.listsFor(reader));
    }

    /** @param table a dashboard table's id, e.g. {@code by-level} */
    @Access(Operation.READ_ESCALATION_FIGURES)
    @GetMapping("/api/escalations/dashboard/{table}.csv")
    public ResponseEntity<String> dashboardCsv(Person reader, @PathVariable String table,
            @RequestParam Map<String, String> parameters) {
        Dashboard dashboard = reports.dashboard(EscalationCriteria.from(parameters), Scope.listsFor(reader));
        Dashboard.Table chosen = dashboard.tables().stream().filter(t -> t.id().equals(table)).findFirst()
                .orElseThrow(NotFound::new);
        return csv("escalations-" + table + ".csv", reports.csv(chosen));
    }

    @Access(Operation.READ_ESCALATION_FIGURES)
    @GetMapping("/api/escalations")
    public List<AssessedEscalation> list(Person reader, @RequestParam Map<String, String> parameters) {
        return reports.list(EscalationCriteria.from(parameters), Scope.listsFor(reader));
    }

    @Access(Operation.READ_ESCALATION_FIGURES)
    @GetMapping("/api/escalations/list.csv")
    public ResponseEntity<String> listCsv(Person reader, @RequestParam Map<String, String> parameters) {
        return csv("escalations.csv", reports.csv(reports.list(EscalationCriteria.from(parameters),
                Scope.listsFor(reader))));
    }

    /** @param after the sequence number a command on this escalation answered with: waits until it is applied */
    @Access(Operation.READ_CHILD)
    @ReadAs(ReadLog.How.ESCALATION)
    @GetMapping("/api/escalations/" + EscalationPages.ID)
    public EscalationRecord escalation(@PathVariable String escalationId, @RequestParam(required = false) Long after) {
        if (after != null) {
            positions.await(escalationId, after, READ_YOUR_WRITE);
        }
        return queries.record(escalationId).orElseThrow(NotFound::new);
    }

    @Access(Operation.READ_CHILD)
    @ReadAs(ReadLog.How.ESCALATION)
    @GetMapping("/api/children/{childId}/escalations")
    public List<EscalationSummary> ofChild(Person reader, @PathVariable String childId) {
        children.child(childId).orElseThrow(NotFound::new);
        return queries.ofChild(childId, Scope.listsFor(reader));
    }

    private static ResponseEntity<String> csv(String filename, String body) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(Csv.MEDIA_TYPE))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .body(body);
    }
}
