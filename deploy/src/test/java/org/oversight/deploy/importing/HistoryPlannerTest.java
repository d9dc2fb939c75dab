package org.oversight.deploy.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oversight.command.childcase.RegisterChildFromReturn;
import org.oversight.command.lookedafter.ChangeLegalStatus;
import org.oversight.command.lookedafter.ChangePlacement;
import org.oversight.command.lookedafter.EndPeriodOfCare;
import org.oversight.command.lookedafter.HoldLookedAfterReview;
import org.oversight.command.lookedafter.StartPeriodOfCare;
import org.oversight.events.lookedafter.LegalStatus;
import org.oversight.events.lookedafter.ParticipationCode;
import org.oversight.events.lookedafter.ReasonPeriodEnded;

/** One child's rows become the commands Oversight records, in date order, or the row and rule that stop them. */
class HistoryPlannerTest {

    private static final String HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";
    private static final String EPISODES =
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";
    private static final String REVIEWS = "CHILD,DOB,REVIEW,REVIEW_CODE\n";

    private static ChildPlan plan(String header, String episodes, String reviews) throws IOException {
        ReturnFiles files = ReturnFiles.inMemory();
        read("header.csv", HEADER + header, files);
        read("episodes.csv", EPISODES + episodes, files);
        read("reviews.csv", REVIEWS + reviews, files);
        return new HistoryPlanner("LA1").plan("K1", files.rowsOf("K1"));
    }

    private static void read(String file, String text, ReturnFiles files) throws IOException {
        Ssda903Tables.read(file, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), files);
    }

    @Test
    void aPeriodWithChangesAReviewAndAnEndBecomesTheCommandsInDateOrder() throws IOException {
        ChildPlan plan = plan("K1,1,10/06/2005,WBRI,,,\n", """
                K1,02/03/2020,S,V2,N1,U1,PR1,10/05/2020,X1,,,,
                K1,10/05/2020,B,C2,N1,U4,PR1,20/07/2020,X1,CHIRP,,,
                K1,20/07/2020,T,C2,N1,U6,PR1,01/02/2021,E11,,,,
                """, "K1,10/06/2005,27/03/2020,PN1\n");
        assertThat(plan.refused()).isFalse();
        List<Object> commands = plan.steps().stream().map(PlannedStep::command).toList();
        assertThat(commands).hasSize(7);
        assertThat(commands.get(0)).isEqualTo(new RegisterChildFromReturn(plan.childId(), "LA1", "K1",
                LocalDate.of(2005, 6, 10)));
        assertThat(plan.steps().get(0).on()).isEqualTo(LocalDate.of(2020, 3, 2));
        assertThat(commands.get(1)).isInstanceOfSatisfying(StartPeriodOfCare.class, s -> {
            assertThat(s.legalStatus()).isEqualTo(LegalStatus.V2);
            assertThat(s.placement()).isEqualTo("U1");
        });
        assertThat(commands.get(2)).isInstanceOfSatisfying(HoldLookedAfterReview.class, r -> {
            assertThat(r.heldOn()).isEqualTo(LocalDate.of(2020, 3, 27));
            assertThat(r.participation()).isEqualTo(ParticipationCode.PN1);
            assertThat(r.iroId()).isEqualTo(HistoryPlanner.CHAIR_NOT_RECORDED);
        });
        assertThat(commands.get(3)).isEqualTo(new ChangeLegalStatus(plan.childId(), LocalDate.of(2020, 5, 10),
                LegalStatus.C2));
        assertThat(commands.get(4)).isEqualTo(ChangePlacement.of(plan.childId(), LocalDate.of(2020, 5, 10), "U4",
                true));
        assertThat(commands.get(5)).isEqualTo(ChangePlacement.of(plan.childId(), LocalDate.of(2020, 7, 20), "U6",
                false));
        assertThat(commands.get(6)).isEqualTo(new EndPeriodOfCare(plan.childId(), LocalDate.of(2021, 2, 1),
                ReasonPeriodEnded.E11));
        assertThat(plan.steps().get(6).source().row()).isEqualTo(4);
    }

    @Test
    void anEpisodeStartingAfterTheDayThePreviousCeasedIsAGap() throws IOException {
        ChildPlan plan = plan("K1,1,10/06/2005,WBRI,,,\n", """
                K1,02/03/2020,S,C2,N1,U1,PR1,10/05/2020,X1,,,,
                K1,12/05/2020,P,C2,N1,U4,PR1,,,,,,
                """, "");
        assertThat(plan.refusal().rule()).isEqualTo("episodes-continuous");
        assertThat(plan.refusal().field()).isEqualTo("DECOM");
        assertThat(plan.refusal().row().row()).isEqualTo(3);
    }

    @Test
    void aPeriodWhoseStartIsNotInTheFilesIsRefusedRatherThanStartedOnTheWrongDay() throws IOException {
        ChildPlan plan = plan("K1,1,10/06/2005,WBRI,,,\n", "K1,12/05/2020,P,C2,N1,U4,PR1,,,,,,\n", "");
        assertThat(plan.refusal().rule()).isEqualTo("period-starts-in-files");
    }

    @Test
    void anUnknownCodeAndAMalformedDateAreRefusedByFieldAndRow() throws IOException {
        assertThat(plan("K1,1,10/06/2005,WBRI,,,\n", "K1,02/03/2020,S,C9,N1,U1,PR1,,,,,,\n", "")
                .refusal()).satisfies(r -> {
                    assertThat(r.field()).isEqualTo("LS");
                    assertThat(r.rule()).isEqualTo("code-known");
                });
        assertThat(plan("K1,1,10/06/2005,WBRI,,,\n", "K1,2020-03-02,S,C2,N1,U1,PR1,,,,,,\n", "")
                .refusal()).satisfies(r -> {
                    assertThat(r.field()).isEqualTo("DECOM");
                    assertThat(r.rule()).isEqualTo("date-format");
                });
        assertThat(plan("K1,1,10/06/2005,WBRI,,,\n", "K1,02/03/2020,S,C2,N1,U1,PR1,,,,,,\n",
                "K1,10/06/2005,31/02/2021,PN1\n").refusal().field()).isEqualTo("REVIEW");
        assertThat(plan("K1,1,10/06/2005,WBRI,,,\n", "K1,02/03/2020,S,C2,N1,U1,PR1,,,,,,\n",
                "K1,10/06/2005,03/03/2021,PN9\n").refusal().field()).isEqualTo("REVIEW_CODE");
    }

    @Test
    void aMalformedRowRefusesItsChild() throws IOException {
        ChildPlan plan = plan("K1,1,10/06/2005\n", "K1,02/03/2020,S,C2,N1,U1,PR1,,,,,,\n", "");
        assertThat(plan.refusal().rule()).isEqualTo("row-well-formed");
        assertThat(plan.refusal().row().file()).isEqualTo("header.csv");
    }

    @Test
    void twoDatesOfBirthForOneChildAreAConflictNotAChoice() throws IOException {
        ChildPlan plan = plan("K1,1,10/06/2005,WBRI,,,\n", "K1,02/03/2020,S,C2,N1,U1,PR1,,,,,,\n",
                "K1,11/06/2005,27/03/2020,PN1\n");
        assertThat(plan.refusal().rule()).isEqualTo("one-date-of-birth");
    }

    private static ChildPlan census(String details) {
        String xml = """
                <Message><Header><CollectionDetails><Year>2020</Year></CollectionDetails></Header><Children><Child>
                  <ChildIdentifiers><LAchildID>K1</LAchildID><PersonBirthDate>2012-03-04</PersonBirthDate></ChildIdentifiers>
                  <CINdetails>%s</CINdetails>
                </Child></Children></Message>
                """.formatted(details);
        ReturnFiles files = ReturnFiles.inMemory();
        CinCensus.read("cin.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), files);
        return new HistoryPlanner("LA1").plan("K1", files.rowsOf("K1"));
    }

    @Test
    void aPlanFromTheCensusIsItsInitialConferenceItsReviewsAndItsEndAsReportedInTheReturn() {
        ChildPlan plan = census("""
                <Section47><S47ActualStartDate>2019-12-20</S47ActualStartDate><DateOfInitialCPC>2020-01-10</DateOfInitialCPC></Section47>
                <ChildProtectionPlans><CPPstartDate>2020-01-10</CPPstartDate><CPPendDate>2020-09-01</CPPendDate>
                  <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>EMO</LatestCategoryOfAbuse>
                  <NumberOfPreviousCPP>1</NumberOfPreviousCPP>
                  <Reviews><CPPreviewDate>2020-07-20</CPPreviewDate><CPPreviewDate>2020-04-01</CPPreviewDate></Reviews>
                </ChildProtectionPlans>""");
        assertThat(plan.refused()).as(String.valueOf(plan.refusal())).isFalse();
        List<Object> commands = plan.steps().stream().map(PlannedStep::command).toList();
        assertThat(commands).extracting(c -> c.getClass().getSimpleName()).containsExactly("RegisterChildFromReturn",
                "RecordStrategyDiscussion", "RecordConferenceFromReturn", "RecordConferenceFromReturn",
                "RecordConferenceFromReturn", "EndChildProtectionPlanFromReturn");
        String enquiry = ((org.oversight.command.protection.RecordStrategyDiscussion) commands.get(1)).enquiryId();
        var initial = (org.oversight.command.protection.RecordConferenceFromReturn) commands.get(2);
        assertThat(initial.review()).isFalse();
        assertThat(initial.heldOn()).isEqualTo(LocalDate.of(2020, 1, 10));
        assertThat(initial.enquiryId()).isEqualTo(enquiry);
        assertThat(initial.initialCategory()).isEqualTo(org.oversight.events.protection.CategoryOfAbuse.NEG);
        assertThat(initial.previousPlans()).isEqualTo(1);
        assertThat(initial.reportedIn()).isEqualTo("the 2020 CIN census");
        var first = (org.oversight.command.protection.RecordConferenceFromReturn) commands.get(3);
        var last = (org.oversight.command.protection.RecordConferenceFromReturn) commands.get(4);
        // in date order; the latest category is the plan's as at its last review
        assertThat(first.heldOn()).isEqualTo(LocalDate.of(2020, 4, 1));
        assertThat(first.latestCategory()).isNull();
        assertThat(last.heldOn()).isEqualTo(LocalDate.of(2020, 7, 20));
        assertThat(last.latestCategory()).isEqualTo(org.oversight.events.protection.CategoryOfAbuse.EMO);
        assertThat(plan.steps().get(5).on()).isEqualTo(LocalDate.of(2020, 9, 1));
    }

    @Test
    void anInitialConferenceThatMadeNoPlanIsReportedWithoutOne() {
        ChildPlan plan = census("""
                <Section47><S47ActualStartDate>2019-12-20</S47ActualStartDate><DateOfInitialCPC>2020-01-10</DateOfInitialCPC></Section47>""");
        var conference = (org.oversight.command.protection.RecordConferenceFromReturn) plan.steps().get(2).command();
        assertThat(conference.initialCategory()).isNull();
        assertThat(conference.enquiryId()).isNotNull();
    }

    @Test
    void anUnknownCategoryOrAReviewOfNoPlanRefusesTheChild() {
        assertThat(census("""
                <ChildProtectionPlans><CPPstartDate>2020-01-10</CPPstartDate><InitialCategoryOfAbuse>XYZ</InitialCategoryOfAbuse></ChildProtectionPlans>""")
                .refusal()).satisfies(r -> {
                    assertThat(r.rule()).isEqualTo("code-known");
                    assertThat(r.field()).isEqualTo("InitialCategoryOfAbuse");
                });
        assertThat(census("""
                <ChildProtectionPlans><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse></ChildProtectionPlans>""")
                .refusal().field()).isEqualTo("CPPstartDate");
    }

    @Test
    void anEnquiryAloneFromTheCensusIsAStrategyDiscussionOnItsStartDay() {
        String xml = """
                <Message><Children><Child>
                  <ChildIdentifiers><LAchildID>K1</LAchildID><PersonBirthDate>2012-03-04</PersonBirthDate></ChildIdentifiers>
                  <CINdetails><Section47><S47ActualStartDate>2019-12-20</S47ActualStartDate></Section47></CINdetails>
                </Child></Children></Message>
                """;
        ReturnFiles files = ReturnFiles.inMemory();
        CinCensus.read("cin.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), files);
        ChildPlan plan = new HistoryPlanner("LA1").plan("K1", files.rowsOf("K1"));
        assertThat(plan.steps()).extracting(PlannedStep::on).containsExactly(LocalDate.of(2019, 12, 20),
                LocalDate.of(2019, 12, 20));
        assertThat(plan.steps().get(1).command()).isInstanceOf(
                org.oversight.command.protection.RecordStrategyDiscussion.class);
    }

    @Test
    void anEpisodeWithoutItsPeriodsFirstContinuesOnlyAPeriodOversightHoldsOpen() throws IOException {
        ReturnFiles files = ReturnFiles.inMemory();
        Ssda903Tables.read("episodes.csv", new ByteArrayInputStream(("CHILD,DECOM,RNE,LS,PLACE,DEC,REC\n"
                + "K1,01/06/2020,P,C2,U4,01/09/2020,E11\n").getBytes(StandardCharsets.UTF_8)), files);
        Ssda903Tables.read("reviews.csv", new ByteArrayInputStream(("CHILD,DOB,REVIEW,REVIEW_CODE\n"
                + "K1,10/06/2010,15/06/2020,PN1\n").getBytes(StandardCharsets.UTF_8)), files);
        List<SourceRow> rows = files.rowsOf("K1");
        HistoryPlanner planner = new HistoryPlanner("LA1");
        assertThat(planner.plan("K1", "child-1", rows).refusal().rule()).isEqualTo("period-starts-in-files");
        assertThat(planner.plan("K1", "child-1", rows, day -> day.equals(LocalDate.of(2020, 6, 1))).steps())
                .extracting(s -> s.command().getClass().getSimpleName())
                .containsExactly("RegisterChildFromReturn", "ChangePlacement", "HoldLookedAfterReview",
                        "EndPeriodOfCare");
        assertThat(planner.plan("K1", "child-1", rows, day -> false).refusal().rule())
                .isEqualTo("period-starts-in-files");
    }
}
