package org.oversight.deploy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.embedded.DemoPeople;
import org.oversight.deploy.support.OversightTestApp;
import org.oversight.deploy.support.TestPeople;
import org.oversight.deploy.support.TestPostgres;
import org.oversight.events.access.Access;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may use which address, tried for real: every endpoint the application maps, asked by a person of every
 * role standing in every relationship to one child (allocated, same team, same authority, another authority),
 * against the table below. The table is written here, apart from the rules the service enforces, so that a rule
 * changed by mistake fails here; and an endpoint added without a row fails here too.
 *
 * <p>In a cell: {@code A} the person gets through (whatever the handler then makes of the request), {@code R}
 * gets through only with a stated reason (403 {@code reason-required} without one), {@code F} is refused with
 * 403, {@code N} is answered 404 as if the child or authority did not exist. Every refusal by the access rules
 * carries the {@code Oversight-Access} header, so it is told apart from the handler's own answers.
 */
class AccessTableIT {

    private static final String REASON = "Covering the annual audit sample";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Europe/London"));

    /** The people asking, each with one role and one relationship to the child N1 of Northmoor (DEMO-N). */
    private static final List<String> PEOPLE = List.of("t.chair", "t.teammate", "t.colleague", "t.south.chair",
            "t.manager", "t.south.manager", "t.qa", "t.south.qa", "t.auditor", "t.south.auditor", "t.data",
            "t.admin", "t.regional");

    /**
     * Each endpoint, what it does and what each person may do there, in the order of {@link #PEOPLE}:
     * allocated chair, team-mate chair, chair elsewhere in the authority, chair of another authority, team
     * manager, team manager of another authority, QA lead, QA lead of another authority, auditor, auditor of
     * another authority, data officer, administrator, regional viewer.
     */
    private static final String TABLE = """
            # reading a child's record                 cha tea col sou mgr smg qa  sqa aud sau dat adm reg
            GET /children/{childId}                     A   A   R   N   A   N   R   N   R   N   F   F   F
            GET /api/children/{childId}                 A   A   R   N   A   N   R   N   R   N   F   F   F
            GET /api/children/{childId}/protection      A   A   R   N   A   N   R   N   R   N   F   F   F
            GET /api/children/{childId}/looked-after    A   A   R   N   A   N   R   N   R   N   F   F   F
            GET /children/{childId}/looked-after/reviews/{reviewId}/record.pdf A A R N A N R N R N F F F
            GET /children/{childId}/looked-after/reviews/{reviewId}/child-friendly.pdf A A R N A N R N R N F F F
            GET /children/{childId}/protection/conferences/{conferenceId}/outcome-letter.pdf A F F N A N R N F F F F F
            GET /children/{childId}/protection/conferences/{conferenceId}/minutes.pdf A F F N A N R N F F F F F
            GET /children/{childId}/protection/conferences/{conferenceId}/parents-minutes.pdf A F F N A N R N F F F F F
            GET /children/{childId}/timeline            A   A   R   N   A   N   R   N   R   N   F   F   F
            GET /api/children/{childId}/timeline        A   A   R   N   A   N   R   N   R   N   F   F   F
            GET /children/{childId}/history             A   A   R   N   A   N   R   N   R   N   F   F   F
            GET /api/children/{childId}/history         A   A   R   N   A   N   R   N   R   N   F   F   F
            GET /children/{childId}/history/export.json A   A   R   N   A   N   R   N   R   N   F   F   F
            GET /children/{childId}/history/print       A   A   R   N   A   N   R   N   R   N   F   F   F
            GET /children/{childId}/history/as-at       A   A   R   N   A   N   R   N   R   N   F   F   F
            GET /api/children/{childId}/as-at           A   A   R   N   A   N   R   N   R   N   F   F   F
            GET /children/{childId}/integrity           A   A   R   N   A   N   R   N   R   N   F   F   F
            GET /api/children/{childId}/integrity       A   A   R   N   A   N   R   N   R   N   F   F   F
            GET /api/children/{childId}/escalations     A   A   R   N   A   N   R   N   R   N   F   F   F
            GET /escalations/{escalationId}             A   A   R   N   A   N   R   N   R   N   F   F   F
            GET /api/escalations/{escalationId}         A   A   R   N   A   N   R   N   R   N   F   F   F
            GET /api/children/{childId}/protection/conferences A A R N A N R N R N F F F
            # recording decisions, and their forms: the allocated chair, or a team-mate covering with a reason
            GET /children/{childId}/birth               A   R   F   N   F   F   F   F   F   F   F   F   F
            POST /children/{childId}/birth              A   R   F   N   F   F   F   F   F   F   F   F   F
            GET /children/{childId}/protection/{form}   A   R   F   N   F   F   F   F   F   F   F   F   F
            GET /children/{childId}/looked-after/{form} A   R   F   N   F   F   F   F   F   F   F   F   F
            GET /children/{childId}/looked-after/social-work/{form} A R F N F F F F F   F   F   F   F
            GET /children/{childId}/escalations/new     A   R   F   N   F   F   F   F   F   F   F   F   F
            POST /children/{childId}/escalations        A   R   F   N   F   F   F   F   F   F   F   F   F
            GET /escalations/{escalationId}/{form}      A   R   F   N   F   F   F   F   F   F   F   F   F
            POST /children/{childId}/protection/*       A   R   F   N   F   F   F   F   F   F   F   F   F
            POST /api/children/{childId}/protection/*   A   R   F   N   F   F   F   F   F   F   F   F   F
            POST /children/{childId}/looked-after/*     A   R   F   N   F   F   F   F   F   F   F   F   F
            POST /api/children/{childId}/looked-after/* A   R   F   N   F   F   F   F   F   F   F   F   F
            POST /escalations/{escalationId}/*          A   R   F   N   F   F   F   F   F   F   F   F   F
            POST /api/escalations/{escalationId}/*      A   R   F   N   F   F   F   F   F   F   F   F   F
            # decisions naming their children in the body: checked by the command (see the tests below)
            POST /api/protection/initial-conferences    A   A   A   A   F   F   F   F   F   F   F   F   F
            POST /api/protection/review-conferences     A   A   A   A   F   F   F   F   F   F   F   F   F
            POST /api/escalations                       A   A   A   A   F   F   F   F   F   F   F   F   F
            # allocation
            GET /children/{childId}/allocate            A   R   F   N   A   N   F   F   F   F   F   F   F
            POST /children/{childId}/chairs             A   R   F   N   A   N   F   F   F   F   F   F   F
            POST /api/children/{childId}/chairs         A   R   F   N   A   N   F   F   F   F   F   F   F
            # restricting a record to named people, and lifting the restriction: managers and QA leads
            GET /children/{childId}/restriction         F   F   F   F   A   N   A   N   F   F   F   F   F
            POST /children/{childId}/restriction        F   F   F   F   A   N   A   N   F   F   F   F   F
            POST /children/{childId}/restriction/lift   F   F   F   F   A   N   A   N   F   F   F   F   F
            POST /api/children/{childId}/restriction    F   F   F   F   A   N   A   N   F   F   F   F   F
            POST /api/children/{childId}/restriction/lift F F   F   F   A   N   A   N   F   F   F   F   F
            # destroying a record at the end of its retention: the authority's data officer and administrators
            GET /children/{childId}/destruction         F   F   F   F   F   F   F   F   F   F   A   A   F
            POST /children/{childId}/destruction        F   F   F   F   F   F   F   F   F   F   A   A   F
            POST /api/children/{childId}/destruction    F   F   F   F   F   F   F   F   F   F   A   A   F
            # passing a child to another authority: the sending authority's managers
            POST /api/children/{childId}/transfer       F   F   F   F   A   N   A   N   F   F   F   F   F
            # subject access requests: the child's authority's data officers and administrators; auditors read
            GET /children/{childId}/subject-access      F   F   F   F   F   F   F   F   R   N   A   A   F
            GET /api/children/{childId}/subject-access  F   F   F   F   F   F   F   F   R   N   A   A   F
            GET /children/{childId}/subject-access/{requestId} F F F  F   F   F   F   F   R   N   A   A   F
            GET /api/children/{childId}/subject-access/{requestId}/copy F F F F F F F F R   N   A   A   F
            GET /children/{childId}/subject-access/{requestId}/copy.pdf F F F F F F F F R   N   A   A   F
            GET /children/{childId}/subject-access/{requestId}/review F F F F F F F  F   F   F   A   A   F
            POST /children/{childId}/subject-access     F   F   F   F   F   F   F   F   F   F   A   A   F
            POST /api/children/{childId}/subject-access F   F   F   F   F   F   F   F   F   F   A   A   F
            POST /children/{childId}/subject-access/*   F   F   F   F   F   F   F   F   F   F   A   A   F
            POST /api/children/{childId}/subject-access/* F F   F   F   F   F   F   F   F   F   A   A   F
            # registering a child (the authority in the body is checked by the command)
            GET /children/new                           A   A   A   A   A   A   F   F   F   F   F   F   F
            POST /children                              A   A   A   A   A   A   F   F   F   F   F   F   F
            POST /api/children                          A   A   A   A   A   A   F   F   F   F   F   F   F
            # finding a child: each person among the children of their own authorities (see ChildSearchIT)
            GET /children/search                        A   A   A   A   A   A   A   A   A   A   F   F   F
            POST /children/search                       A   A   A   A   A   A   A   A   A   A   F   F   F
            POST /api/children/search                   A   A   A   A   A   A   A   A   A   A   F   F   F
            # caseloads and the service's figures
            GET /caseload                               A   A   A   A   A   A   A   A   F   F   F   F   F
            GET /caseload/closed                        A   A   A   A   A   A   A   A   F   F   F   F   F
            GET /api/caseload                           A   A   A   A   A   A   A   A   F   F   F   F   F
            GET /caseload/team                          A   A   A   A   A   A   A   A   F   F   F   F   F
            GET /api/caseload/team                      A   A   A   A   A   A   A   A   F   F   F   F   F
            POST /caseload                              A   A   A   A   A   A   A   A   F   F   F   F   F
            POST /api/caseload                          A   A   A   A   A   A   A   A   F   F   F   F   F
            POST /caseload/team                         A   A   A   A   A   A   A   A   F   F   F   F   F
            GET /service                                F   F   F   F   A   A   A   A   F   F   F   F   F
            GET /api/service/overdue                    F   F   F   F   A   A   A   A   F   F   F   F   F
            GET /escalations                            F   F   F   F   A   A   A   A   F   F   F   F   F
            GET /escalations/list                       F   F   F   F   A   A   A   A   F   F   F   F   F
            GET /api/escalations/dashboard              F   F   F   F   A   A   A   A   F   F   F   F   F
            GET /api/escalations/dashboard/{table}.csv  F   F   F   F   A   A   A   A   F   F   F   F   F
            GET /api/escalations                        F   F   F   F   A   A   A   A   F   F   F   F   F
            GET /api/escalations/list.csv               F   F   F   F   A   A   A   A   F   F   F   F   F
            # settings of Northmoor (DEMO-N), the audit trail's own pages
            GET /settings                               F   F   F   F   F   F   A   A   A   A   A   A   F
            GET /settings/{localAuthority}              F   F   F   F   F   F   A   N   A   N   A   A   F
            GET /api/local-authorities/{localAuthority}/settings F F F F F F A N   A   N   A   A   F
            POST /settings/{localAuthority}             F   F   F   F   F   F   F   F   F   F   F   A   F
            POST /api/local-authorities/{localAuthority}/settings F F F F F F F F  F   F   F   A   F
            POST /settings/{localAuthority}/meeting-types F F F F F F F F  F   F   F   A   F
            GET /settings/{localAuthority}/quoracy      F   F   F   F   F   F   A   N   A   N   A   A   F
            GET /api/local-authorities/{localAuthority}/quoracy F F F F F F A N A   N   A   A   F
            POST /api/local-authorities/{localAuthority}/meeting-types F F F F F F F F F F F A F
            POST /api/local-authorities/{localAuthority}/conference-paperwork-timescales F F F F F F F F F F F A F
            GET /audit/reads                            F   F   F   F   F   F   A   A   A   A   F   F   F
            GET /api/audit/reads                        F   F   F   F   F   F   A   A   A   A   F   F   F
            GET /audit/reads/verification               F   F   F   F   F   F   A   A   A   A   F   F   F
            GET /api/audit/reads/verification           F   F   F   F   F   F   A   A   A   A   F   F   F
            GET /api/audit/anchor                       F   F   F   F   F   F   A   A   A   A   F   A   F
            POST /api/audit/anchor                      F   F   F   F   F   F   F   F   F   F   F   A   F
            # figures across authorities: counts only
            GET /figures                                F   F   F   F   F   F   A   A   F   F   F   F   A
            GET /api/figures                            F   F   F   F   F   F   A   A   F   F   F   F   A
            # people, roles, authorities and teams: administrators only
            GET /people                                 F   F   F   F   F   F   F   F   F   F   F   A   F
            POST /people                                F   F   F   F   F   F   F   F   F   F   F   A   F
            GET /people/*                               F   F   F   F   F   F   F   F   F   F   F   A   F
            POST /people/*                              F   F   F   F   F   F   F   F   F   F   F   A   F
            GET /api/people                             F   F   F   F   F   F   F   F   F   F   F   A   F
            POST /api/people                            F   F   F   F   F   F   F   F   F   F   F   A   F
            GET /api/people/*                           F   F   F   F   F   F   F   F   F   F   F   A   F
            POST /api/people/*                          F   F   F   F   F   F   F   F   F   F   F   A   F
            # the projections' dead letters: data officers and administrators
            GET /operations/dead-letters                F   F   F   F   F   F   F   F   F   F   A   A   F
            POST /operations/dead-letters/*             F   F   F   F   F   F   F   F   F   F   A   A   F
            GET /api/operations/dead-letters            F   F   F   F   F   F   F   F   F   F   A   A   F
            POST /api/operations/dead-letters/*         F   F   F   F   F   F   F   F   F   F   A   A   F
            # retention: the records due in the person's authorities, the schedule, each child's legal holds
            GET /retention                              F   F   F   F   F   F   F   F   F   F   A   A   F
            GET /retention/{localAuthority}             F   F   F   F   F   F   F   F   F   F   A   A   F
            GET /api/local-authorities/{localAuthority}/retention/due F F F F F F F F F F A A F
            GET /retention/{localAuthority}/schedule    F   F   F   F   F   F   A   N   A   N   A   A   F
            GET /api/local-authorities/{localAuthority}/retention-schedule F F F F F F A N A N A A F
            POST /retention/{localAuthority}/schedule   F   F   F   F   F   F   F   F   F   F   F   A   F
            POST /api/local-authorities/{localAuthority}/retention-schedule F F F F F F F F F F F A F
            GET /children/{childId}/retention           F   F   F   F   F   F   F   F   F   F   A   A   F
            GET /api/children/{childId}/retention       F   F   F   F   F   F   F   F   F   F   A   A   F
            POST /children/{childId}/legal-holds        F   F   F   F   F   F   F   F   F   F   A   A   F
            POST /children/{childId}/legal-holds/lift   F   F   F   F   F   F   F   F   F   F   A   A   F
            POST /api/children/{childId}/legal-holds    F   F   F   F   F   F   F   F   F   F   A   A   F
            POST /api/children/{childId}/legal-holds/lift F F   F   F   F   F   F   F   F   F   A   A   F
            # the IRO report: QA leads and team managers (their own team's); administrators its figures, never a
            # drill-down (it names children); across authorities figures only
            GET /report                                 F   F   F   F   A   A   A   A   F   F   F   A   F
            GET /report/csv                             F   F   F   F   A   A   A   A   F   F   F   A   F
            GET /report/xlsx                            F   F   F   F   A   A   A   A   F   F   F   A   F
            GET /report/pdf                             F   F   F   F   A   A   A   A   F   F   F   A   F
            GET /report/figures/{figureId}              F   F   F   F   A   A   A   A   F   F   F   F   F
            GET /report/figures/{figureId}/csv          F   F   F   F   A   A   A   A   F   F   F   F   F
            GET /report/authorities                     F   F   F   F   F   F   A   A   F   F   F   F   A
            # the child's characteristics: those who work with the child; recorded by the child's chair
            GET /children/{childId}/characteristics     A   A   R   N   A   N   R   N   F   F   F   F   F
            GET /api/children/{childId}/characteristics A   A   R   N   A   N   R   N   F   F   F   F   F
            POST /children/{childId}/characteristics    A   R   F   N   F   F   F   F   F   F   F   F   F
            POST /api/children/{childId}/characteristics A  R   F   N   F   F   F   F   F   F   F   F   F
            # statutory returns: the authority's QA leads and administrators
            GET /returns/{localAuthority}/ssda903       F   F   F   F   F   F   A   N   F   F   F   A   F
            POST /returns/{localAuthority}/ssda903/download F F F   F   F   F   A   N   F   F   F   A   F
            POST /returns/{localAuthority}/ssda903/reconciliation F F F F F   F   A   N   F   F   F   A   F
            # pages for everybody
            GET /                                       A   A   A   A   A   A   A   A   A   A   A   A   A
            POST /access/reasons                        A   A   A   A   A   A   A   A   A   A   A   A   A
            # a data officer's search for the child a subject access request is about (see SubjectAccessSearchIT)
            GET /subject-access/search                  F   F   F   F   F   F   F   F   F   F   A   F   F
            POST /subject-access/search                 F   F   F   F   F   F   F   F   F   F   A   F   F
            # whom looked-after children contact for an advocate and to complain: read with the settings
            GET /settings/{localAuthority}/childrens-contacts F F F F F F A N A N   A   A   F
            GET /api/local-authorities/{localAuthority}/childrens-contacts F F F F F F A N A N A A F
            POST /settings/{localAuthority}/childrens-contacts F F F F F F F F F F  F   A   F
            POST /api/local-authorities/{localAuthority}/childrens-contacts F F F F F F F F F F F A F
            # returns and inspection lists: QA leads and administrators of the authority
            GET /returns                                F   F   F   F   F   F   A   A   F   F   F   A   F
            GET /returns/{localAuthority}/cin           F   F   F   F   F   F   A   N   F   F   F   A   F
            POST /returns/{localAuthority}/cin          F   F   F   F   F   F   A   N   F   F   F   A   F
            POST /returns/{localAuthority}/cin/download F   F   F   F   F   F   A   N   F   F   F   A   F
            GET /returns/{localAuthority}/annex-a       F   F   F   F   F   F   A   N   F   F   F   A   F
            POST /returns/{localAuthority}/annex-a      F   F   F   F   F   F   A   N   F   F   F   A   F
            POST /returns/{localAuthority}/annex-a/download F F F   F   F   F   A   N   F   F   F   A   F
            POST /returns/national/cin/download         F   F   F   F   F   F   A   A   F   F   F   A   F
            # the conference as it happened and its papers, on forms: as every protection decision
            GET /children/{childId}/protection/conferences/{conferenceId}/attendance A R F N F F F F F F F F F
            POST /children/{childId}/protection/conferences/{conferenceId}/attendance A R F N F F F F F F F F F
            GET /children/{childId}/protection/conferences/{conferenceId}/recommendations A R F N F F F F F F F F F
            POST /children/{childId}/protection/conferences/{conferenceId}/recommendations A R F N F F F F F F F F F
            GET /children/{childId}/protection/conferences/{conferenceId}/inquorate A R F N F F F F F F F F F
            POST /children/{childId}/protection/conferences/{conferenceId}/inquorate A R F N F F F F F F F F F
            GET /children/{childId}/protection/transfer-in-notification A R F N F F F F F F F F F
            POST /children/{childId}/protection/transfer-in-notification A R F N F F F F F F F F F
            GET /children/{childId}/protection/conferences/{conferenceId}/paper-sent A R F N F F F F F F F F F
            POST /children/{childId}/protection/conferences/{conferenceId}/paper-sent A R F N F F F F F F F F F
            GET /children/{childId}/protection/conferences/{conferenceId}/write-minutes A R F N F F F F F F F F F
            POST /children/{childId}/protection/conferences/{conferenceId}/write-minutes A R F N F F F F F F F F F
            # importing history from the returns: the authority's data officers and administrators
            GET /imports                                F   F   F   F   F   F   F   F   F   F   A   A   F
            GET /imports/{localAuthority}               F   F   F   F   F   F   F   F   F   F   A   A   F
            POST /imports/{localAuthority}              F   F   F   F   F   F   F   F   F   F   A   A   F
            GET /imports/{localAuthority}/runs/{importId} F F F F   F   F   F   F   F   F   A   A   F
            GET /imports/{localAuthority}/runs/{importId}/report.csv F F F F F F F F F F A A  F
            # where drift sits in a team: team managers and QA leads (the team itself checked by the page)
            GET /drift                                  F   F   F   F   A   A   A   A   F   F   F   F   F
            # the plan between conferences and strategy meetings, by their forms: as the other protection forms
            GET /children/{childId}/protection/plan/{form} A R  F   N   F   F   F   F   F   F   F   F   F
            GET /children/{childId}/protection/strategy-meeting A R F N  F   F   F   F   F   F   F   F   F
            POST /children/{childId}/protection/plan/agree A R  F   N   F   F   F   F   F   F   F   F   F
            POST /children/{childId}/protection/plan/complete-action A R F N F F F F   F   F   F   F   F
            POST /children/{childId}/protection/plan/change-action A R F N F F F  F   F   F   F   F   F
            POST /children/{childId}/protection/plan/cancel-action A R F N F F F  F   F   F   F   F   F
            POST /children/{childId}/protection/plan/core-group A R F N  F   F   F   F   F   F   F   F   F
            POST /children/{childId}/protection/plan/midway-check A R F N F  F   F   F   F   F   F   F   F
            POST /children/{childId}/protection/strategy-meeting A R F N F   F   F   F   F   F   F   F   F
            # how an authority's core groups are held in Oversight: read with the settings, set by its administrators
            GET /settings/{localAuthority}/core-groups  F   F   F   F   F   F   A   N   A   N   A   A   F
            GET /api/local-authorities/{localAuthority}/core-group-settings F F F F F F A N A N A A F
            POST /settings/{localAuthority}/core-groups F   F   F   F   F   F   F   F   F   F   F   A   F
            POST /api/local-authorities/{localAuthority}/core-group-settings F F F F F F F F F F F A F
            # the national census made in the background, its progress and its archive: as the direct download
            POST /returns/national/cin                  F   F   F   F   F   F   A   A   F   F   F   A   F
            GET /returns/national/cin/runs/{runId}      F   F   F   F   F   F   A   A   F   F   F   A   F
            GET /returns/national/cin/runs/{runId}/progress F F F F F   F   A   A   F   F   F   A   F
            GET /returns/national/cin/runs/{runId}/archive.zip F F F F F F  A   A   F   F   F   A   F
            # when a looked-after mother's own child was born: recorded as the characteristics are, by the chair
            POST /children/{childId}/characteristics/mothers-child A R F N F F F F F   F   F   F   F
            POST /api/children/{childId}/characteristics/mothers-child A R F N F F F F F F   F   F   F
            """;

    /** Endpoints the rules refuse to everybody: Spring's own error address is only ever reached by forwarding. */
    private static final Set<String> REFUSED_TO_EVERYBODY = Set.of("GET /error", "POST /error");

    /** Open without signing in: the sign-in pages and, in the embedded demo, its token endpoint. */
    private static final Set<String> PUBLIC = Set.of("GET /login", "GET /sign-in/refused", "POST /api/tokens");

    private static OversightTestApp app;
    private static final Map<String, SignedInPerson> SIGNED_IN = new LinkedHashMap<>();
    private static String childId;
    private static String escalationId;
    /** A second child of t.chair's, with an escalation, whose record is restricted to {@link #NAMED}. */
    private static String restrictedChildId;
    private static String restrictedEscalationId;
    private static final Set<String> NAMED = Set.of("t.manager", "t.qa");

    @BeforeAll
    static void start() {
        app = OversightTestApp.start(TestPostgres.freshDatabase());
        new TestPeople(app)
                .person("t.chair", "CHAIR", "DEMO-N", "Access team A")
                .person("t.teammate", "CHAIR", "DEMO-N", "Access team A")
                .person("t.colleague", "CHAIR", "DEMO-N", "Access team B")
                .person("t.south.chair", "CHAIR", "DEMO-S", "Access team S")
                .person("t.manager", "TEAM_MANAGER", "DEMO-N", "Access team A")
                .person("t.south.manager", "TEAM_MANAGER", "DEMO-S", "Access team S")
                .person("t.qa", "QA_LEAD", "DEMO-N", null)
                .person("t.south.qa", "QA_LEAD", "DEMO-S", null)
                .person("t.auditor", "AUDITOR", "DEMO-N", null)
                .person("t.south.auditor", "AUDITOR", "DEMO-S", null)
                .person("t.data", "DATA_OFFICER", "DEMO-N", null)
                .person("t.admin", "ADMIN", "DEMO-N", null)
                .person("t.regional", "REGIONAL_VIEWER", "DEMO-N", null)
                .worksFor("t.regional", "DEMO-S", null);
        for (String username : PEOPLE) {
            SIGNED_IN.put(username, SignedInPerson.signIn(app.baseUrl(), username, DemoPeople.DEMO_PASSWORD));
        }
        SignedInPerson chair = SIGNED_IN.get("t.chair");
        childId = created(chair.postJson("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"ACC1","givenName":"Rowan","familyName":"Access",
                 "dateOfBirth":"2016-03-01"}""", null)).get("childId").asText();
        created(chair.postJson("/api/children/" + childId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"t.chair\",\"allocatedFrom\":\"" + TODAY + "\"}", null));
        escalationId = created(chair.postJson("/api/escalations", """
                {"childIds":["%s"],"localAuthority":"DEMO-N","concernCategory":"PERMANENCE",
                 "asked":"Allocate a social worker","formal":false,"level":null,"raisedOn":"%s"}"""
                .formatted(childId, TODAY), null)).get("escalationId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> chair.get("/api/escalations/" + escalationId, null)
                .statusCode() == 200 && chair.get("/api/children/" + childId, null).statusCode() == 200);
        restrictedChildId = created(chair.postJson("/api/children", """
                {"localAuthority":"DEMO-N","localIdentifier":"ACC2","givenName":"Robin","familyName":"Access",
                 "dateOfBirth":"2015-04-01"}""", null)).get("childId").asText();
        created(chair.postJson("/api/children/" + restrictedChildId + "/chairs",
                "{\"role\":\"IRO\",\"chairId\":\"t.chair\",\"allocatedFrom\":\"" + TODAY + "\"}", null));
        restrictedEscalationId = created(chair.postJson("/api/escalations", """
                {"childIds":["%s"],"localAuthority":"DEMO-N","concernCategory":"PERMANENCE",
                 "asked":"Allocate a social worker","formal":false,"level":null,"raisedOn":"%s"}"""
                .formatted(restrictedChildId, TODAY), null)).get("escalationId").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> chair.get("/api/escalations/" + restrictedEscalationId,
                null).statusCode() == 200);
        created(SIGNED_IN.get("t.manager").postJson("/api/children/" + restrictedChildId + "/restriction", """
                {"namedPeople":["t.manager","t.qa"],"reason":"The child of a member of staff"}""", null));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyEndpointDeclaresItsAccessRule() {
        List<String> without = new ArrayList<>();
        endpoints().forEach((endpoint, handler) -> {
            if (AccessGuard.ruleOf(handler) == null && !REFUSED_TO_EVERYBODY.contains(endpoint)) {
                without.add(endpoint + " (" + handler.getShortLogMessage() + ")");
            }
        });
        assertThat(without).as("endpoints with no @%s", Access.class.getSimpleName()).isEmpty();
    }

    @Test
    void everyEndpointHasItsRowInTheTable() {
        Map<String, String[]> rows = rows();
        List<String> missing = new ArrayList<>();
        for (String endpoint : endpoints().keySet()) {
            if (!REFUSED_TO_EVERYBODY.contains(endpoint) && !PUBLIC.contains(endpoint) && row(rows, endpoint) == null) {
                missing.add(endpoint);
            }
        }
        assertThat(missing).as("endpoints without a row in the access table").isEmpty();
    }

    @Test
    void everyPersonGetsExactlyWhatTheTableSays() {
        Map<String, String[]> rows = rows();
        List<String> wrong = new ArrayList<>();
        endpoints().forEach((endpoint, handler) -> {
            if (PUBLIC.contains(endpoint)) {
                return;
            }
            String[] row = REFUSED_TO_EVERYBODY.contains(endpoint) ? null : row(rows, endpoint);
            for (int i = 0; i < PEOPLE.size(); i++) {
                String expected = row == null ? "F" : row[i];
                String outcome = outcome(SIGNED_IN.get(PEOPLE.get(i)), endpoint, handler, expected, childId,
                        escalationId);
                if (outcome != null) {
                    wrong.add(endpoint + " as " + PEOPLE.get(i) + ": expected " + expected + ", " + outcome);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void aChairCannotRegisterAChildWithAnAuthorityTheyDoNotWorkFor() {
        HttpResponse<String> refused = SIGNED_IN.get("t.chair").postJson("/api/children", """
                {"localAuthority":"DEMO-S","localIdentifier":"ACC9","givenName":"Ash","familyName":"Elsewhere",
                 "dateOfBirth":"2015-05-05"}""", null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(json(refused).get("rule").asText()).isEqualTo("own-local-authority-only");
    }

    @Test
    void aChildOfAnotherAuthorityNamedInABodyIsAnsweredExactlyAsAChildWhoIsNotRegistered() {
        SignedInPerson south = SIGNED_IN.get("t.south.chair");
        String southChild = created(south.postJson("/api/children", """
                {"localAuthority":"DEMO-S","localIdentifier":"ACC2","givenName":"Sky","familyName":"South",
                 "dateOfBirth":"2017-07-07"}""", null)).get("childId").asText();

        HttpResponse<String> otherAuthority = raiseFor(southChild);
        HttpResponse<String> nobody = raiseFor("00000000-0000-4000-8000-000000000000");

        assertThat(otherAuthority.statusCode()).isEqualTo(nobody.statusCode()).isEqualTo(422);
        assertThat(json(otherAuthority).get("rule").asText()).isEqualTo(json(nobody).get("rule").asText())
                .isEqualTo("child-must-be-registered");
        assertThat(otherAuthority.headers().firstValue(AccessGuard.REFUSAL_HEADER)).isEmpty();
    }

    @Test
    void aDecisionIsRecordedOnlyInTheNameOfThePersonRecordingIt() {
        HttpResponse<String> refused = SIGNED_IN.get("t.chair").postJson(
                "/api/children/" + childId + "/looked-after/iro-visits",
                "{\"visitedOn\":\"" + TODAY.minusDays(1) + "\",\"faceToFace\":true,\"iroId\":\"t.teammate\"}", null);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(json(refused).get("rule").asText()).isEqualTo("recorded-by-its-chair");
    }

    @Test
    void aTeamMateCoveringForTheChairRecordsADecisionWhoseReasonIsKeptWithIt() {
        SignedInPerson teammate = SIGNED_IN.get("t.teammate");
        String path = "/api/children/" + childId + "/protection/strategy-discussions";
        String body = "{\"strategyDiscussionOn\":\"" + TODAY.minusDays(2) + "\"}";

        assertThat(teammate.postJson(path, body, null).statusCode()).isEqualTo(403);
        HttpResponse<String> covered = teammate.postJson(path, body, "Covering while the chair is on leave");

        assertThat(covered.statusCode()).as(covered.body()).isEqualTo(200);
        String metaData = app.bean(JdbcClient.class).sql("""
                SELECT convert_from(metadata, 'UTF8') FROM domainevententry
                 WHERE aggregateidentifier = :id ORDER BY sequencenumber DESC LIMIT 1
                """).param("id", "protection-" + childId).query(String.class).single();
        JsonNode stamped = parse(metaData);
        assertThat(stamped.get("recordedBy").asText()).isEqualTo("t.teammate");
        assertThat(stamped.get("statedReason").asText()).isEqualTo("Covering while the chair is on leave");
    }

    @Test
    void aReadOutsideTheCaseloadIsLoggedWithWhoWhatAndWhy() {
        assertThat(SIGNED_IN.get("t.qa").get("/api/children/" + childId + "/timeline",
                "Checking timeliness for the quarter").statusCode()).isEqualTo(200);

        List<Map<String, Object>> reads = app.bean(JdbcClient.class).sql("""
                SELECT how, purpose FROM history_read WHERE username = 't.qa' AND child_id = :child
                """).param("child", childId).query().listOfRows();

        assertThat(reads).anySatisfy(read -> {
            assertThat(read.get("how")).isEqualTo("TIMELINE_JSON");
            assertThat(read.get("purpose")).isEqualTo("Checking timeliness for the quarter");
        });
    }

    private static HttpResponse<String> raiseFor(String otherChild) {
        return SIGNED_IN.get("t.chair").postJson("/api/escalations", """
                {"childIds":["%s","%s"],"localAuthority":"DEMO-N","concernCategory":"PERMANENCE",
                 "asked":"Allocate a social worker","formal":false,"level":null,"raisedOn":"%s"}"""
                .formatted(childId, otherChild, TODAY), null);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return parse(response.body());
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A restricted record, and the escalations about it, are not found by anyone not named on it, whatever they
     * could otherwise do (the allocated chair included); the people named get exactly what the table gives them for
     * an unrestricted child. A role with no rule for the address at all is still simply refused.
     */
    @Test
    void aRestrictedRecordIsNotFoundByAnyoneNotNamedOnIt() {
        Map<String, String[]> rows = rows();
        List<String> wrong = new ArrayList<>();
        endpoints().forEach((endpoint, handler) -> {
            if (!endpoint.contains("{childId") && !endpoint.contains("{escalationId")) {
                return;
            }
            String[] row = row(rows, endpoint);
            for (int i = 0; i < PEOPLE.size(); i++) {
                String expected = NAMED.contains(PEOPLE.get(i)) || roleHasNoRule(row, i) ? row[i] : "N";
                String outcome = outcome(SIGNED_IN.get(PEOPLE.get(i)), endpoint, handler, expected, restrictedChildId,
                        restrictedEscalationId);
                if (outcome != null) {
                    wrong.add(endpoint + " as " + PEOPLE.get(i) + ": expected " + expected + ", " + outcome);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** The columns of each role in {@link #PEOPLE}: chairs, team managers, QA leads, auditors, then one each. */
    private static final int[][] ROLE_COLUMNS = {{0, 1, 2, 3}, {4, 5}, {6, 7}, {8, 9}, {10}, {11}, {12}};

    /** Whether the role of the person in column {@code i} is refused the address whoever the child. */
    private static boolean roleHasNoRule(String[] row, int i) {
        for (int[] role : ROLE_COLUMNS) {
            if (java.util.Arrays.stream(role).anyMatch(c -> c == i)) {
                return java.util.Arrays.stream(role).allMatch(c -> row[c].equals("F"));
            }
        }
        throw new IllegalArgumentException("No role for column " + i);
    }

    /** What went differently from {@code expected}, or {@code null} when the answer was the expected one. */
    private static String outcome(SignedInPerson person, String endpoint, HandlerMethod handler, String expected,
            String child, String escalation) {
        HttpResponse<String> plain = call(person, endpoint, handler, null, child, escalation);
        boolean refused = plain.headers().firstValue(AccessGuard.REFUSAL_HEADER).isPresent();
        int status = plain.statusCode();
        return switch (expected) {
            case "A" -> refused || status == 401 ? "refused with " + status : null;
            case "F" -> refused && status == 403 ? null : "answered " + status + (refused ? " (refused)" : "");
            case "N" -> refused && status == 404 ? null : "answered " + status + (refused ? " (refused)" : "");
            case "R" -> {
                if (!(refused && status == 403 && plain.body().contains("reason-required"))) {
                    yield "answered without a reason " + status;
                }
                HttpResponse<String> withReason = call(person, endpoint, handler, REASON, child, escalation);
                yield withReason.headers().firstValue(AccessGuard.REFUSAL_HEADER).isPresent()
                        ? "refused even with a reason: " + withReason.statusCode() : null;
            }
            default -> throw new IllegalArgumentException(expected);
        };
    }

    private static HttpResponse<String> call(SignedInPerson person, String endpoint, HandlerMethod handler,
            String reason, String child, String escalation) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1)
                .replaceAll("\\{childId[^}]*}", child)
                .replaceAll("\\{escalationId[^}]*}", escalation)
                .replace("{localAuthority}", "DEMO-N")
                .replace("{table}", "by-level")
                .replace("{username}", "t.chair")
                .replace("{projection}", "caseload")
                .replaceAll("\\{(actionId|reviewId|requestId|conferenceId)}", "not-a-real-one")
                .replace("/looked-after/{form}", "/looked-after/start-period")
                .replace("/protection/{form}", "/protection/strategy-discussion")
                .replace("{figureId}", "lac-reviews-held")
                .replace("{form}", "response")
                .replace("{runId}", "not-a-real-one")
                .replace("{importId}", "not-a-real-one");
        if ("GET".equals(method)) {
            return person.get(path, reason);
        }
        boolean json = handler.getMethod().getDeclaringClass().getSimpleName().endsWith("Api")
                || path.startsWith("/api/");
        return json ? person.postJson(path, "{}", reason) : person.postForm(path, "", reason);
    }

    /** Every endpoint the application maps, as "METHOD /pattern". */
    private static Map<String, HandlerMethod> endpoints() {
        Map<String, HandlerMethod> endpoints = new java.util.TreeMap<>();
        RequestMappingHandlerMapping mapping = app.context()
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            Set<String> methods = new TreeSet<>();
            entry.getKey().getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
            if (methods.isEmpty()) {
                methods.addAll(List.of("GET", "POST"));
            }
            for (String pattern : entry.getKey().getPatternValues()) {
                for (String method : methods) {
                    endpoints.put(method + " " + pattern, entry.getValue());
                }
            }
        }
        return endpoints;
    }

    private static Map<String, String[]> rows() {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            String[] cells = line.strip().split("\\s+");
            String endpoint = cells[0] + " " + cells[1];
            String[] decisions = java.util.Arrays.copyOfRange(cells, 2, cells.length);
            assertThat(decisions).as("cells of " + endpoint).hasSize(PEOPLE.size());
            rows.put(endpoint, decisions);
        }
        return rows;
    }

    /** The row for an endpoint: its own, or a row ending in {@code /*} that covers the endpoints below a path. */
    private static String[] row(Map<String, String[]> rows, String endpoint) {
        String plain = endpoint.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
        if (rows.containsKey(plain)) {
            return rows.get(plain);
        }
        return rows.entrySet().stream()
                .filter(r -> r.getKey().endsWith("/*") && plain.startsWith(r.getKey().substring(0, r.getKey().length() - 1)))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }



    private static JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
