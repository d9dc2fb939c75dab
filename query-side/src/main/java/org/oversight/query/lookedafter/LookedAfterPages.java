package org.oversight.query.lookedafter;

import java.security.Principal;
import org.oversight.query.audit.ReadLog;
import org.oversight.query.audit.ReadAs;
import org.oversight.events.access.Operation;
import org.oversight.events.access.Access;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.lookedafter.AdvocacyStep;
import org.oversight.events.lookedafter.ChildChairing;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.ParentalResponsibility;
import org.oversight.events.lookedafter.ParentsWishesOutcome;
import org.oversight.events.lookedafter.EarlyReviewReason;
import org.oversight.events.lookedafter.HealthCheck;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.MidwayFinding;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.PermanencePlan;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.events.lookedafter.ReasonPeriodEnded;
import org.oversight.query.child.Children;
import org.oversight.query.child.ChildSummary;
import org.oversight.query.directory.StaffDirectory;
import org.oversight.query.policy.MeetingTypesProjection;
import org.oversight.query.web.FormState;
import org.oversight.query.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The looked-after forms. Each posts to the command side's {@code LookedAfterForms} at the same address; a
 * refusal comes back here with the problems and what was typed. One page template frames them all
 * ({@code lookedafter/form.html}); each form's questions are a fragment of {@code lookedafter/fields.html}.
 */
@Access(Operation.RECORD_FOR_CHILD)
@Controller
public class LookedAfterPages {

    /** Questions fragment, page title, button and the date fields whose errors link to their day box. */
    record Form(String fragment, String title, String button, String dateFields) {
    }

    /** How many agreed-action rows the review form offers (the command side reads the same number). */
    static final int ACTION_ROWS = 3;

    static final Map<String, Form> FORMS = Map.ofEntries(
            Map.entry("start-period", new Form("startPeriod", "Start a period of care", "Save period of care",
                    "startedOn")),
            Map.entry("legal-status", new Form("legalStatus", "Change the legal status", "Save legal status",
                    "changedOn")),
            Map.entry("placement", new Form("placement", "Change the placement", "Save placement", "changedOn")),
            Map.entry("end-period", new Form("endPeriod", "End the period of care", "Save end of period",
                    "endedOn")),
            Map.entry("consultation", new Form("consultation", "Record a consultation with the child",
                    "Save consultation", "consultedOn")),
            Map.entry("iro-visit", new Form("iroVisit", "Record a visit or contact", "Save visit", "visitedOn")),
            Map.entry("midway-check", new Form("midwayCheck", "Record a midway check", "Save midway check",
                    "checkedOn")),
            Map.entry("early-review", new Form("earlyReview", "Request an early review", "Save request",
                    "requestedOn")),
            Map.entry("health-check", new Form("healthCheck", "Record a health assessment or dental check",
                    "Save health check", "heldOn")),
            Map.entry("education-plan", new Form("educationPlan", "Record a personal education plan (PEP) meeting",
                    "Save PEP meeting", "heldOn")),
            Map.entry("review", new Form("review", "Record a looked-after review", "Save review",
                    "heldOn," + IntStream.range(0, ACTION_ROWS).mapToObj(i -> "actions[" + i + "].dueOn")
                            .collect(Collectors.joining(",")))),
            Map.entry("complete-action", new Form("completeAction", "Complete an action", "Save completion",
                    "completedOn")),
            Map.entry("change-action", new Form("changeAction", "Change an action", "Save change",
                    "dueOn,changedOn")),
            Map.entry("cancel-action", new Form("cancelAction", "Cancel an action", "Save cancellation",
                    "cancelledOn")),
            Map.entry("permanence-plan", new Form("permanencePlan", "Record the permanence plan",
                    "Save permanence plan", "recordedOn")),
            Map.entry("distribution", new Form("distribution", "Record that a review record was sent",
                    "Save distribution", "distributedOn")),
            Map.entry("decisions-sent", new Form("decisionsSent", "Record that a review's decisions were sent",
                    "Save", "sentOn")),
            Map.entry("correct-review-date", new Form("correctReviewDate", "Correct a review date",
                    "Save correction", "correctedTo")),
            Map.entry("correct-participation", new Form("correctParticipation", "Correct a participation code",
                    "Save correction", "")),
            // the child's voice, the people around the child and other meetings (ChildVoiceDecisions)
            Map.entry("advocacy", new Form("advocacy", "Record advocacy or how to complain", "Save", "on")),
            Map.entry("parents-wishes", new Form("parentsWishes", "Record the parents' wishes and feelings", "Save",
                    "soughtOn")),
            Map.entry("child-chairing", new Form("childChairing", "Record the child chairing their review", "Save",
                    "")),
            Map.entry("meeting", new Form("meeting", "Record a meeting you chaired", "Save meeting", "heldOn")));

    /** The roles a meeting form offers as ticks; the API takes any role in words. */
    static final List<String> ATTENDEE_ROLES = List.of("Child", "Parent", "Carer", "Social worker",
            "Team manager", "Advocate", "Health", "Education", "Police", "Youth justice", "Residential staff");

    private static final DateTimeFormatter SPOKEN = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Children children;
    private final LookedAfterQueries lookedAfter;
    private final StaffDirectory directory;

    private final MeetingTypesProjection meetingTypes;

    public LookedAfterPages(Children children, LookedAfterQueries lookedAfter, StaffDirectory directory,
            MeetingTypesProjection meetingTypes) {
        this.meetingTypes = meetingTypes;
        this.children = children;
        this.lookedAfter = lookedAfter;
        this.directory = directory;
    }

    /**
     * @param action the action to complete, change or cancel, when the form is opened from the actions table
     * @param review the review to distribute or correct, when the form is opened from the reviews table
     */
    @ReadAs(ReadLog.How.FORM)
    @GetMapping("/children/{childId}/looked-after/{form}")
    String form(@PathVariable String childId, @PathVariable String form,
            @RequestParam(required = false) String action, @RequestParam(required = false) String review,
            Principal principal, Model model) {
        Form page = FORMS.get(form);
        if (page == null) {
            throw new NotFound();
        }
        ChildSummary child = children.child(childId).orElseThrow(NotFound::new);
        LookedAfterRecord record = lookedAfter.record(childId);
        Map<String, String> iros = new LinkedHashMap<>();
        directory.chairs(ChairRole.IRO, child.localAuthority()).forEach(c -> iros.put(c.username(), c.displayName()));

        Map<String, List<String>> defaults = new LinkedHashMap<>();
        if (iros.containsKey(principal.getName())) {
            defaults.put("iroId", List.of(principal.getName()));
        }
        // chosen when the form is shown, so that a form submitted twice is refused rather than recorded twice
        defaults.put("periodId", List.of(UUID.randomUUID().toString()));
        defaults.put("reviewId", List.of(review != null ? review : defaultReview(form, record)));
        defaults.put("meetingId", List.of(UUID.randomUUID().toString()));
        if (action != null) {
            record.action(action).ifPresent(a -> {
                defaults.put("actionId", List.of(a.actionId()));
                defaults.put("action", List.of(a.action()));
                defaults.put("owner", List.of(a.owner()));
                defaults.putAll(dateParts("dueOn", a.dueOn()));
            });
        }

        model.addAttribute("f", FormState.of(model.asMap(), defaults));
        model.addAttribute("child", child);
        model.addAttribute("lookedAfter", record);
        model.addAttribute("form", form);
        model.addAttribute("page", page);
        model.addAttribute("iros", iros);
        model.addAttribute("actionRows", IntStream.range(0, ACTION_ROWS).boxed().toList());
        model.addAttribute("fourthBirthday", child.dateOfBirth() == null ? null : child.dateOfBirth().plusYears(4));
        model.addAttribute("legalStatuses", options(LegalStatus.values(), s -> s.name() + " – " + s.title()));
        model.addAttribute("endReasons", options(ReasonPeriodEnded.values(), r -> r.name() + " – " + r.title()));
        model.addAttribute("methods", options(ConsultationMethod.values(), ConsultationMethod::title));
        model.addAttribute("privateConversations", options(Arrays.stream(PrivateConversation.values())
                .filter(PrivateConversation::choosable).toArray(PrivateConversation[]::new), PrivateConversation::title));
        model.addAttribute("findings", options(MidwayFinding.values(), MidwayFinding::title));
        model.addAttribute("earlyReasons", options(EarlyReviewReason.values(), EarlyReviewReason::title));
        model.addAttribute("healthChecks", options(HealthCheck.values(), HealthCheck::title));
        model.addAttribute("participationCodes", options(ParticipationCode.values(), c -> c.name() + ": " + c.title()));
        model.addAttribute("plans", options(PermanencePlan.values(), PermanencePlan::title));
        Map<String, String> yesNo = new LinkedHashMap<>();
        yesNo.put("yes", "Yes");
        yesNo.put("no", "No");
        model.addAttribute("yesNo", yesNo);
        // built here: a page may not make objects in its expressions (the form is drawn with request values)
        Map<String, String> carerChoices = new LinkedHashMap<>();
        carerChoices.put("true", "Yes, to another carer");
        carerChoices.put("false", "No, the same carer in a new placement");
        model.addAttribute("carerChoices", carerChoices);
        model.addAttribute("advocacySteps", options(AdvocacyStep.values(), AdvocacyStep::title));
        model.addAttribute("parentalResponsibilities", options(ParentalResponsibility.values(),
                ParentalResponsibility::title));
        model.addAttribute("wishesOutcomes", options(ParentsWishesOutcome.values(), ParentsWishesOutcome::title));
        model.addAttribute("chairingOptions", options(ChildChairing.values(), ChildChairing::title));
        Map<String, String> meetingTypes = new LinkedHashMap<>();
        this.meetingTypes.typesOf(child.localAuthority()).forEach(t -> meetingTypes.put(t.code(), t.title()));
        model.addAttribute("meetingTypes", meetingTypes);
        model.addAttribute("attendeeRoles", ATTENDEE_ROLES);
        model.addAttribute("openActions", actions(record, LookedAfterRecord.Action::open));
        model.addAttribute("reviewOptions", reviews(record, r -> true));
        model.addAttribute("undistributedReviews", reviews(record, r -> !r.distributed()));
        model.addAttribute("decisionsUnsentReviews", reviews(record, r -> !r.decisionsSent()));
        return "lookedafter/form";
    }

    /** A new review gets a new identifier; the other forms about a review start with the latest one it fits. */
    private static String defaultReview(String form, LookedAfterRecord record) {
        if ("review".equals(form)) {
            return UUID.randomUUID().toString();
        }
        return record.reviews().stream()
                .filter(r -> !"distribution".equals(form) || !r.distributed())
                .filter(r -> !"decisions-sent".equals(form) || !r.decisionsSent()).findFirst()
                .map(LookedAfterRecord.Review::reviewId).orElse("");
    }

    private static Map<String, String> actions(LookedAfterRecord record, Predicate<LookedAfterRecord.Action> which) {
        Map<String, String> options = new LinkedHashMap<>();
        record.actions().stream().filter(which).forEach(a -> options.put(a.actionId(),
                a.action() + " (" + a.owner() + ", due " + a.dueOn().format(SPOKEN) + ")"));
        return options;
    }

    private static Map<String, String> reviews(LookedAfterRecord record, Predicate<LookedAfterRecord.Review> which) {
        Map<String, String> options = new LinkedHashMap<>();
        record.reviews().stream().filter(which).forEach(r -> options.put(r.reviewId(),
                "Review on " + r.heldOn().format(SPOKEN) + " (" + r.participation().name() + ")"));
        return options;
    }

    private static Map<String, List<String>> dateParts(String field, LocalDate date) {
        return Map.of(field + "-day", List.of(String.valueOf(date.getDayOfMonth())),
                field + "-month", List.of(String.valueOf(date.getMonthValue())),
                field + "-year", List.of(String.valueOf(date.getYear())));
    }

    private static <E extends Enum<E>> Map<String, String> options(E[] values, Function<E, String> title) {
        Map<String, String> options = new LinkedHashMap<>();
        Arrays.stream(values).forEach(v -> options.put(v.name(), title.apply(v)));
        return options;
    }
}
