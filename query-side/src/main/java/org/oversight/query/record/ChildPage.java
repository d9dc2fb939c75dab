package org.oversight.query.record;

import java.time.Duration;
import org.oversight.query.audit.ReadLog;
import org.oversight.query.audit.ReadAs;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.events.access.Person;
import org.oversight.events.childcase.ChairRole;
import org.oversight.query.access.Scope;
import org.oversight.query.child.Children;
import org.oversight.query.child.ChildSummary;
import org.oversight.query.conference.ConferenceRecordQueries;
import org.oversight.query.consistency.ProjectionPositions;
import org.oversight.query.lookedafter.HealthAndEducationQueries;
import org.oversight.query.lookedafter.ChildVoiceQueries;
import org.oversight.query.lookedafter.LookedAfterQueries;
import org.oversight.query.lookedafter.LookedAfterRecord;
import org.oversight.query.protection.ProtectionQueries;
import org.oversight.query.protection.ProtectionRecord;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.escalations.EscalationQueries;
import org.oversight.query.web.FormState;
import org.oversight.query.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A child's page and the forms that record decisions about the child. The forms post to the command side;
 * {@code ?after=N} (from the command's answer) makes the page wait briefly for the projection to apply it.
 */
@Controller
public class ChildPage {

    private static final Duration READ_YOUR_WRITE = Duration.ofSeconds(3);

    private final Children children;
    private final ProtectionQueries protection;
    private final ProjectionPositions positions;
    private final StaffDirectory directory;
    private final LookedAfterQueries lookedAfter;
    private final EscalationQueries escalations;
    private final HealthAndEducationQueries healthAndEducation;
    private final ChildVoiceQueries voice;
    private final ConferenceRecordQueries conferenceRecords;

    public ChildPage(Children children, ProtectionQueries protection, ProjectionPositions positions,
            StaffDirectory directory, LookedAfterQueries lookedAfter, EscalationQueries escalations,
            HealthAndEducationQueries healthAndEducation, ChildVoiceQueries voice,
            ConferenceRecordQueries conferenceRecords) {
        this.voice = voice;
        this.children = children;
        this.protection = protection;
        this.positions = positions;
        this.directory = directory;
        this.lookedAfter = lookedAfter;
        this.escalations = escalations;
        this.healthAndEducation = healthAndEducation;
        this.conferenceRecords = conferenceRecords;
    }

    /**
     * @param awaiting {@code aggregateId:sequence} of a decision just recorded (set by the command side's
     *                 redirect): the page waits briefly for the projections to show it
     */
    @Access(Operation.READ_CHILD)
    @ReadAs(ReadLog.How.CHILD)
    @GetMapping("/children/{childId}")
    String child(Person reader, @PathVariable String childId, @RequestParam(required = false) String awaiting,
            Model model) {
        boolean caughtUp = positions.awaitParameter(awaiting, READ_YOUR_WRITE);
        ChildSummary child = children.child(childId).orElseThrow(NotFound::new);
        model.addAttribute("child", child);
        model.addAttribute("pending", !caughtUp);
        model.addAttribute("protection", protection.record(childId));
        model.addAttribute("lookedAfter", lookedAfter.record(childId));
        model.addAttribute("healthAndEducation", healthAndEducation.record(childId));
        model.addAttribute("voice", voice.record(childId));
        model.addAttribute("escalations", escalations.ofChild(childId, Scope.listsFor(reader)));
        model.addAttribute("restrictedTo", children.restrictedTo(childId).map(this::names).orElse(null));
        model.addAttribute("asTheyHappened", conferenceRecords.conferences(childId));
        model.addAttribute("transfersIn", conferenceRecords.transfersIn(childId));
        return "child";
    }

    /**
     * The form that restricts the record to named people (any of those who work for the child's authority), names
     * them afresh, or lifts the restriction.
     */
    @Access(Operation.RESTRICT_RECORD)
    @ReadAs(ReadLog.How.FORM)
    @GetMapping("/children/{childId}/restriction")
    String restrictionForm(Person reader, @PathVariable String childId, Model model) {
        ChildSummary child = children.child(childId).orElseThrow(NotFound::new);
        List<String> named = children.restrictedTo(childId).orElse(null);
        Map<String, String> people = new LinkedHashMap<>();
        directory.peopleOf(child.localAuthority()).forEach(p -> people.put(p.username(), p.displayName()));
        model.addAttribute("f", FormState.of(model.asMap(),
                Map.of("namedPeople", named == null ? List.of(reader.username()) : named)));
        model.addAttribute("child", child);
        model.addAttribute("people", people);
        model.addAttribute("restrictedTo", named == null ? null : names(named));
        return "restriction";
    }

    /** Display names by username, in the order named. */
    private Map<String, String> names(List<String> usernames) {
        Map<String, String> names = new LinkedHashMap<>();
        usernames.forEach(u -> names.put(u, directory.displayName(u).orElse(u)));
        return names;
    }

    /** @param after the sequence number a child case command answered with: waits until it is applied */
    @Access(Operation.READ_CHILD)
    @ReadAs(ReadLog.How.CHILD_JSON)
    @GetMapping("/api/children/{childId}")
    @ResponseBody
    ChildSummary api(@PathVariable String childId, @RequestParam(required = false) Long after) {
        if (after != null) {
            positions.await(childId, after, READ_YOUR_WRITE);
        }
        return children.child(childId).orElseThrow(NotFound::new);
    }

    /** @param after the sequence number a child protection command answered with */
    @Access(Operation.READ_CHILD)
    @ReadAs(ReadLog.How.CHILD_JSON)
    @GetMapping("/api/children/{childId}/protection")
    @ResponseBody
    ProtectionRecord protectionApi(@PathVariable String childId, @RequestParam(required = false) Long after) {
        if (after != null) {
            positions.await(ProtectionRecord.aggregateOf(childId), after, READ_YOUR_WRITE);
        }
        childKnown(childId, after);
        return protection.record(childId);
    }

    /** @param after the sequence number a looked-after command answered with */
    @Access(Operation.READ_CHILD)
    @ReadAs(ReadLog.How.CHILD_JSON)
    @GetMapping("/api/children/{childId}/looked-after")
    @ResponseBody
    LookedAfterRecord lookedAfterApi(@PathVariable String childId, @RequestParam(required = false) Long after) {
        if (after != null) {
            positions.await(LookedAfterRecord.aggregateOf(childId), after, READ_YOUR_WRITE);
        }
        childKnown(childId, after);
        return lookedAfter.record(childId);
    }

    /**
     * A record asked for after a decision is shown once the child is known too: the child's registration is
     * applied by the caseload projection, which may be a moment behind the projection that was awaited.
     */
    private void childKnown(String childId, Long after) {
        if (after == null) {
            children.child(childId).orElseThrow(NotFound::new);
        } else {
            positions.awaitPresent(() -> children.child(childId), READ_YOUR_WRITE).orElseThrow(NotFound::new);
        }
    }

    @Access(Operation.REGISTER_CHILD)
    @GetMapping("/children/new")
    String registerForm(Person reader, Model model) {
        model.addAttribute("f", FormState.of(model.asMap()));
        Map<String, String> authorities = new LinkedHashMap<>(directory.localAuthorities());
        authorities.keySet().removeIf(la -> !reader.worksFor(la));
        model.addAttribute("localAuthorities", authorities);
        return "register-child";
    }

    @Access(Operation.RECORD_FOR_CHILD)
    @ReadAs(ReadLog.How.FORM)
    @GetMapping("/children/{childId}/birth")
    String birthForm(@PathVariable String childId, Model model) {
        ChildSummary child = children.child(childId).orElseThrow(NotFound::new);
        model.addAttribute("f", FormState.of(model.asMap()));
        model.addAttribute("child", child);
        return "record-birth";
    }

    @Access(Operation.ALLOCATE_CHAIR)
    @ReadAs(ReadLog.How.FORM)
    @GetMapping("/children/{childId}/allocate")
    String allocateForm(@PathVariable String childId, @RequestParam(defaultValue = "IRO") ChairRole role,
            Model model) {
        ChildSummary child = children.child(childId).orElseThrow(NotFound::new);
        Map<String, Object> flash = model.asMap();
        model.addAttribute("f", FormState.of(flash));
        model.addAttribute("child", child);
        model.addAttribute("role", role);
        model.addAttribute("current", child.allocation(role).orElse(null));
        model.addAttribute("chairs", directory.chairs(role, child.localAuthority()));
        return "allocate-chair";
    }

}
