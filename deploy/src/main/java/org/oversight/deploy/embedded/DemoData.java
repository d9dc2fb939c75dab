package org.oversight.deploy.embedded;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.oversight.command.childcase.AllocateChair;
import org.oversight.command.childcase.ChildIds;
import org.oversight.command.childcase.RegisterChild;
import org.oversight.deploy.generator.CharacteristicsDraw;
import org.oversight.command.escalation.RaiseEscalation;
import org.oversight.command.lookedafter.HoldLookedAfterReview;
import org.oversight.command.lookedafter.RecordConsultation;
import org.oversight.command.lookedafter.RecordDecisionsSent;
import org.oversight.command.lookedafter.RecordEducationPlan;
import org.oversight.command.lookedafter.RecordHealthCheck;
import org.oversight.command.lookedafter.RecordReviewDistribution;
import org.oversight.command.lookedafter.StartPeriodOfCare;
import org.oversight.command.protection.HoldInitialConference;
import org.oversight.command.protection.HoldReviewConference;
import org.oversight.command.protection.RecordStrategyDiscussion;
import org.oversight.command.rules.DecisionDates;
import org.oversight.events.childcase.ChairRole;
import org.oversight.events.lookedafter.ConsultationMethod;
import org.oversight.events.lookedafter.HealthCheck;
import org.oversight.events.lookedafter.PrivateConversation;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.protection.CategoryOfAbuse;
import org.oversight.events.protection.ChildsView;
import org.oversight.events.protection.ConferenceOutcome;
import org.oversight.events.protection.ConferenceType;
import org.oversight.events.protection.ViewsConveyed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Synthetic children for the embedded demo — registrations, chairs, child protection plans, periods of care with
 * reviews and actions, and escalations — recorded once (on the first start against an empty event store)
 * through the real command path, so they carry the same rules and metadata as anything a chair records.
 * Names are drawn from invented lists; no child here is real.
 */
@Component
@Profile(EmbeddedDatabase.PROFILE + " & !no-demo-children")
@Order(2)
public class DemoData implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final List<String> GIVEN = List.of("Alfie", "Bea", "Callum", "Daisy", "Ezra", "Freya", "Gus",
            "Hana", "Ivo", "Jade", "Kit", "Lola", "Milo", "Nell", "Otis", "Pia", "Remy", "Skye");
    private static final List<String> FAMILY = List.of("Ashdown", "Birch", "Copeland", "Dunmore", "Ellery",
            "Fenwick", "Garside", "Holloway", "Ingram", "Jessop", "Kirkby", "Lowther");
    private static final int CHILDREN = 30;
    private static final List<String> NORTHMOOR_IROS = List.of("iro.ahmed", "chair.brown", "iro.okafor");
    private static final List<String> NORTHMOOR_CP_CHAIRS = List.of("chair.brown", "chair.chen");
    private static final List<String> SOUTHVALE_IROS = List.of("iro.nowak", "chair.quinn");
    private static final List<String> SOUTHVALE_CP_CHAIRS = List.of("chair.quinn");

    private final CommandGateway commands;
    private final JdbcClient jdbc;
    private final Clock clock;

    public DemoData(CommandGateway commands, JdbcClient jdbc, Clock clock) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single() > 0) {
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                DemoPeople.LOADER, null, AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        try {
            record();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void record() {
        Random random = new Random(20261123L);
        // case ids from a seed of their own, so that the demo children (drawn from the first) stay as they were
        Random caseIds = new Random(20261124L);
        // and characteristics from one of their own, for the same reason
        Random characteristics = new Random(20261125L);
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < CHILDREN; i++) {
            String la = i % 3 == 2 ? "DEMO-S" : "DEMO-N";
            // each child is chaired by chairs of the child's own authority (see DemoPeople)
            List<String> iros = la.equals("DEMO-S") ? SOUTHVALE_IROS : NORTHMOOR_IROS;
            List<String> cpChairs = la.equals("DEMO-S") ? SOUTHVALE_CP_CHAIRS : NORTHMOOR_CP_CHAIRS;
            boolean unborn = i % 15 == 14;
            LocalDate dateOfBirth = unborn ? null : today.minusDays(200 + random.nextInt(17 * 365));
            LocalDate expected = unborn ? today.plusWeeks(6 + random.nextInt(20)) : null;
            RegisterChild register = RegisterChild.of(la, "D" + (1000 + i), GIVEN.get(random.nextInt(GIVEN.size())),
                    FAMILY.get(random.nextInt(FAMILY.size())), dateOfBirth, expected)
                    .withChildId(ChildIds.drawnFrom(caseIds));
            String childId = register.childId();
            commands.sendAndWait(register);
            if (!unborn) {
                commands.sendAndWait(CharacteristicsDraw.draw(characteristics, childId, dateOfBirth, today));
            }
            LocalDate allocated = today.minusDays(random.nextInt(300));
            // no allocation before the child's life in the service (DateRule.NOT_BEFORE_CHILD)
            LocalDate earliest = DecisionDates.earliestForChild(dateOfBirth, expected);
            if (allocated.isBefore(earliest)) {
                allocated = earliest;
            }
            String cpChair = null;
            String iro = null;
            if (unborn || i % 2 == 0) {
                cpChair = cpChairs.get(random.nextInt(cpChairs.size()));
                commands.sendAndWait(new AllocateChair(childId, ChairRole.CP_CHAIR, cpChair, allocated));
            }
            if (!unborn && i % 2 == 1 || i % 5 == 0) {
                iro = iros.get(random.nextInt(iros.size()));
                commands.sendAndWait(new AllocateChair(childId, ChairRole.IRO, iro, allocated));
            }
            if (cpChair != null && !unborn && i % 4 == 0) {
                protectionJourney(childId, dateOfBirth, cpChair, today, i);
            }
            if (iro != null && !unborn && i % 3 == 1) {
                periodOfCare(childId, dateOfBirth, iro, today, i);
            }
            if (iro != null && !unborn && i % 7 == 1) {
                commands.sendAndWait(RaiseEscalation.of(List.of(childId), la, "CARE_PLANNING_DRIFT",
                        "Convene a care planning meeting within 10 working days", true, "TEAM_MANAGER",
                        today.minusDays(12 + i % 5), iro));
            }
        }
        new DemoRetention(commands).record(today);
        new DemoStates(commands).record(today);
        LOG.info("Recorded synthetic demo data: {} generated children, those kept for retention and one for each "
                + "state a page can show", CHILDREN);
    }

    /** A strategy discussion, an initial conference starting a plan (a few of them late), and sometimes a review. */
    private void protectionJourney(String childId, LocalDate dateOfBirth, String chair, LocalDate today, int i) {
        String enquiryId = UUID.nameUUIDFromBytes(("demo-enquiry-" + childId).getBytes(StandardCharsets.UTF_8)).toString();
        LocalDate strategy = today.minusDays(70L + i);
        commands.sendAndWait(new RecordStrategyDiscussion(childId, enquiryId, strategy));
        LocalDate conference = weekdayOnOrBefore(strategy.plusDays(i % 8 == 0 ? 30 : 14));
        boolean young = dateOfBirth.plusYears(4).isAfter(conference);
        ChildsView view = young ? new ChildsView(false, ViewsConveyed.TOO_YOUNG_OR_UNBORN)
                : new ChildsView(true, ViewsConveyed.ATTENDED_SPOKE_FOR_SELF);
        List<String> agencies = List.of("Children's social care", "Police", "School", "Health visitor");
        String initialId = UUID.randomUUID().toString();
        commands.sendAndWait(new HoldInitialConference(initialId, ConferenceType.INITIAL, conference,
                agencies, chair, List.of(new HoldInitialConference.ChildDecision(childId, enquiryId,
                        ConferenceOutcome.PLAN, i % 8 == 0 ? CategoryOfAbuse.NEG : CategoryOfAbuse.EMO, i % 3, view))));
        String reviewId = null;
        LocalDate review = weekdayOnOrBefore(conference.plusDays(40));
        if (i % 8 == 4) {
            reviewId = UUID.randomUUID().toString();
            commands.sendAndWait(new HoldReviewConference(reviewId, review, agencies, chair,
                    List.of(new HoldReviewConference.ReviewDecision(childId, true, CategoryOfAbuse.PHY, null, view))));
        }
        new DemoPlanBetweenConferences(commands).record(childId, chair, initialId, conference, reviewId, review, today,
                i);
    }

    /** A period of care with the child consulted, a first review, and two actions — one already overdue. */
    private void periodOfCare(String childId, LocalDate dateOfBirth, String iro, LocalDate today, int i) {
        LocalDate start = today.minusDays(100L + i);
        commands.sendAndWait(StartPeriodOfCare.of(childId, start, LegalStatus.C2, null));
        commands.sendAndWait(new RecordConsultation(childId, start.plusDays(15), ConsultationMethod.IN_PERSON, true, iro,
                PrivateConversation.SPOKE_IN_PRIVATE));
        LocalDate review = start.plusDays(25);
        ParticipationCode participation = dateOfBirth.plusYears(4).isAfter(review) ? ParticipationCode.PN0
                : ParticipationCode.PN1;
        HoldLookedAfterReview held = HoldLookedAfterReview.of(childId, review, participation, true,
                List.of("The placement continues"), List.of("Complete the initial health assessment"), iro,
                List.of(new HoldLookedAfterReview.AgreedAction("Complete the initial health assessment",
                                "Social worker", review.plusDays(20)),
                        new HoldLookedAfterReview.AgreedAction("Arrange family time with siblings", "Social worker",
                                today.plusDays(14))));
        commands.sendAndWait(held);
        // decisions usually go out the next day and the record within three weeks; some children wait longer
        commands.sendAndWait(new RecordDecisionsSent(childId, held.reviewId(), review.plusDays(i % 5 == 0 ? 6 : 1)));
        if (i % 4 != 0) {
            commands.sendAndWait(new RecordReviewDistribution(childId, held.reviewId(), review.plusDays(18), i % 2 == 0));
        }
        // most initial health assessments are ready for the first review, one in six comes after it; the dental
        // check and the PEP are recorded for some children and missing for others
        commands.sendAndWait(new RecordHealthCheck(childId, HealthCheck.INITIAL_HEALTH_ASSESSMENT,
                start.plusDays(i % 6 == 1 ? 32 : 12), iro));
        if (i % 2 == 1) {
            commands.sendAndWait(new RecordHealthCheck(childId, HealthCheck.DENTAL_CHECK, start.plusDays(40), iro));
        }
        if (i % 5 != 0) {
            commands.sendAndWait(new RecordEducationPlan(childId, start.plusDays(14), iro));
        }
    }

    private static LocalDate weekdayOnOrBefore(LocalDate day) {
        LocalDate weekday = day;
        while (weekday.getDayOfWeek() == DayOfWeek.SATURDAY || weekday.getDayOfWeek() == DayOfWeek.SUNDAY) {
            weekday = weekday.minusDays(1);
        }
        return weekday;
    }
}
