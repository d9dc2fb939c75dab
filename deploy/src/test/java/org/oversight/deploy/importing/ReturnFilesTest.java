package org.oversight.deploy.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.oversight.deploy.importing.SourceRow.Table;

/** The SSDA903 tables and the CIN census are read by their column and element names, row by row, as written. */
class ReturnFilesTest {

    private static ReturnFiles csv(String file, String text) throws IOException {
        ReturnFiles files = ReturnFiles.inMemory();
        Ssda903Tables.read(file, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), files);
        return files;
    }

    @Test
    void episodesAreReadByColumnNameWhateverTheYearsColumnOrder() throws IOException {
        // an earlier year's episodes: no REASON_PLACE_CHANGE or URN, columns in another order
        ReturnFiles files = csv("episodes-2017.csv", """
                DECOM,CHILD,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,HOME_POST,PL_POST
                01/04/2016,T1,S,C2,N1,U1,PR1,,,AB1 2CD,EF3 4GH
                """);
        assertThat(files.problems()).isEmpty();
        SourceRow row = files.rowsOf("T1").get(0);
        assertThat(row.table()).isEqualTo(Table.SSDA903_EPISODES);
        assertThat(row.row()).isEqualTo(2);
        assertThat(row.value("DECOM")).isEqualTo("01/04/2016");
        assertThat(row.value("DEC")).isNull();
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndsAreReadAsIfAbsent() throws IOException {
        ReturnFiles files = csv("reviews.csv", "\uFEFFCHILD,DOB,REVIEW,REVIEW_CODE\r\nT2,01/01/2010,05/05/2020,PN1\r\n");
        assertThat(files.problems()).isEmpty();
        assertThat(files.rowsOf("T2").get(0).value("REVIEW_CODE")).isEqualTo("PN1");
        assertThat(files.rowsOf("T2").get(0).table()).isEqualTo(Table.SSDA903_REVIEWS);
    }

    @Test
    void aRowWithTooFewValuesIsKeptAsMalformedForItsChild() throws IOException {
        ReturnFiles files = csv("header.csv", """
                CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
                T3,1,01/02/2008,WBRI,UN1,,
                T4,2,03/03/2009
                """);
        assertThat(files.rowsOf("T3").get(0).malformed()).isNull();
        assertThat(files.rowsOf("T4").get(0).malformed()).isEqualTo(
                "The row has 3 values where the header names 7 columns");
        assertThat(files.rowsOf("T4").get(0).row()).isEqualTo(3);
    }

    @Test
    void aTableOfOtherColumnsIsRefusedAsAWholeFile() throws IOException {
        ReturnFiles files = csv("wrong.csv", "ID,START,END\n1,01/01/2020,\n");
        assertThat(files.childCount()).isZero();
        assertThat(files.problems()).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo("ssda903-column-set");
            assertThat(p.row()).isZero();
        });
    }

    @Test
    void anEpisodesTableWithoutAColumnTheImportNeedsIsRefused() throws IOException {
        ReturnFiles files = csv("episodes.csv", "CHILD,DECOM,RNE,LS,PLACE,DEC\nT5,01/01/2020,S,C2,U1,\n");
        assertThat(files.problems()).singleElement().satisfies(p ->
                assertThat(p.reason()).isEqualTo("The SSDA903 episodes table has no column REC"));
    }

    @Test
    void anEmptyFileIsReported() throws IOException {
        assertThat(csv("empty.csv", "").problems()).singleElement()
                .satisfies(p -> assertThat(p.rule()).isEqualTo("file-not-empty"));
        assertThat(csv("headed.csv", "CHILD,DOB,REVIEW,REVIEW_CODE\n").problems()).singleElement()
                .satisfies(p -> assertThat(p.rule()).isEqualTo("file-not-empty"));
    }

    @Test
    void theCinCensusGivesEachChildsBirthEnquiriesPlansAndReviewsAtTheirLines() {
        String xml = """
                <Message>
                  <Header><CollectionDetails><Collection>CIN</Collection></CollectionDetails></Header>
                  <Children>
                    <Child>
                      <ChildIdentifiers>
                        <LAchildID>C1</LAchildID>
                        <PersonBirthDate>2012-03-04</PersonBirthDate>
                      </ChildIdentifiers>
                      <CINdetails>
                        <DateOfInitialCPC>2020-01-10</DateOfInitialCPC>
                        <Section47>
                          <S47ActualStartDate>2019-12-20</S47ActualStartDate>
                          <InitialCPCtarget>2020-01-13</InitialCPCtarget>
                          <ICPCnotRequired>false</ICPCnotRequired>
                        </Section47>
                        <ChildProtectionPlans>
                          <CPPstartDate>2020-01-10</CPPstartDate>
                          <InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse>
                          <Reviews>
                            <CPPreviewDate>2020-04-01</CPPreviewDate>
                          </Reviews>
                        </ChildProtectionPlans>
                      </CINdetails>
                    </Child>
                  </Children>
                </Message>
                """;
        ReturnFiles files = ReturnFiles.inMemory();
        CinCensus.read("cin.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), files);
        assertThat(files.problems()).isEmpty();
        assertThat(files.rowsOf("C1")).extracting(SourceRow::table, SourceRow::row).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Table.CIN_CHILD, 4),
                org.assertj.core.groups.Tuple.tuple(Table.CIN_SECTION47, 11),
                org.assertj.core.groups.Tuple.tuple(Table.CIN_PLAN_REVIEW, 20),
                org.assertj.core.groups.Tuple.tuple(Table.CIN_PLAN, 16));
        SourceRow enquiry = files.rowsOf("C1").get(1);
        assertThat(enquiry.value("S47ActualStartDate")).isEqualTo("2019-12-20");
        // the census's own DateOfInitialCPC outside the section 47 block is not the enquiry's
        assertThat(enquiry.value("DateOfInitialCPC")).isNull();
        assertThat(files.rowsOf("C1").get(0).value("PersonBirthDate")).isEqualTo("2012-03-04");
    }

    @Test
    void aCensusWithADocumentTypeIsNotReadAndSaysWhere() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Message [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<Message><Children><Child><ChildIdentifiers><LAchildID>&x;</LAchildID></ChildIdentifiers>"
                + "</Child></Children></Message>";
        ReturnFiles files = ReturnFiles.inMemory();
        CinCensus.read("cin.xml", new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), files);
        assertThat(files.childCount()).isZero();
        assertThat(files.problems()).extracting(FileProblem::rule).contains("cin-census-well-formed");
    }
}
