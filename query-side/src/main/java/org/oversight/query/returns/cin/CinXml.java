package org.oversight.query.returns.cin;

import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.oversight.query.returns.Characteristics;
import org.oversight.query.returns.CollectionYear;

/**
 * Writes the CIN census XML as the DfE's schema for the child protection module lays it out ({@code Message},
 * {@code Header}, {@code Children/Child} with {@code ChildIdentifiers}, {@code ChildCharacteristics} and one
 * {@code CINdetails} holding the child's {@code Section47} and {@code ChildProtectionPlans} blocks), one child at a
 * time as they come, indented by two spaces, dates as {@code yyyy-mm-dd}.
 *
 * <p>What Oversight does not hold is left out, not invented: the referral, assessment and CIN plan elements of a
 * {@code CINdetails}, and any characteristic its source does not know. The authority's case-management system
 * holds those, and the council merges this module into its return. {@code LEA} carries the authority's code as
 * Oversight knows it; the council's DfE number replaces it where they differ.
 */
public final class CinXml {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final XMLStreamWriter xml;
    private int depth;

    /** Starts the document and writes its header; children follow with {@link #child}. */
    public CinXml(OutputStream out, CollectionYear year, String authority, LocalDateTime madeAt) {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            open("Message");
            open("Header");
            open("CollectionDetails");
            leaf("Collection", "CIN");
            leaf("Year", String.valueOf(year.endingIn()));
            leaf("ReferenceDate", year.referenceDate());
            closeElement();
            open("Source");
            leaf("SourceLevel", "L");
            leaf("LEA", authority);
            leaf("SoftwareCode", "Oversight");
            leaf("Release", "1");
            leaf("SerialNo", "001");
            leaf("DateTime", STAMP.format(madeAt));
            closeElement();
            closeElement();
            open("Children");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The census file could not be started", e);
        }
    }

    public void child(CinChild child) {
        try {
            open("Child");
            open("ChildIdentifiers");
            leaf("LAchildID", child.laChildId());
            Characteristics about = child.characteristics();
            leaf("UPN", about.upn());
            leaf("PersonBirthDate", child.birthDate());
            leaf("ExpectedPersonBirthDate", child.expectedBirthDate());
            leaf("GenderCurrent", genderCurrent(about.sex()));
            closeElement();
            List<String> disabilities = about.censusDisabilities();
            if (about.ethnicity() != null || !disabilities.isEmpty()) {
                open("ChildCharacteristics");
                leaf("Ethnicity", about.ethnicity());
                if (!disabilities.isEmpty()) {
                    open("Disabilities");
                    for (String disability : disabilities) {
                        leaf("Disability", disability);
                    }
                    closeElement();
                }
                closeElement();
            }
            open("CINdetails");
            for (CinChild.Section47 enquiry : child.section47s()) {
                open("Section47");
                leaf("S47ActualStartDate", enquiry.actualStartDate());
                leaf("InitialCPCtarget", enquiry.initialCpcTarget());
                leaf("DateOfInitialCPC", enquiry.dateOfInitialCpc());
                leaf("ICPCnotRequired", String.valueOf(enquiry.icpcNotRequired()));
                closeElement();
            }
            for (CinChild.ProtectionPlan plan : child.plans()) {
                open("ChildProtectionPlans");
                leaf("CPPstartDate", plan.startDate());
                leaf("CPPendDate", plan.endDate());
                leaf("InitialCategoryOfAbuse", plan.initialCategory());
                leaf("LatestCategoryOfAbuse", plan.latestCategory());
                leaf("NumberOfPreviousCPP", plan.numberOfPreviousCpp() == null ? null
                        : String.valueOf(plan.numberOfPreviousCpp()));
                if (!plan.reviewDates().isEmpty()) {
                    open("Reviews");
                    for (LocalDate review : plan.reviewDates()) {
                        leaf("CPPreviewDate", review);
                    }
                    closeElement();
                }
                closeElement();
            }
            closeElement();
            closeElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("A child could not be written to the census file", e);
        }
    }

    /**
     * Ends the document; the stream stays open for its owner to close. Only a file whose every child was written
     * is finished: one that failed part-way stays visibly cut off.
     */
    public void finish() {
        try {
            closeElement();
            closeElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The census file could not be finished", e);
        }
    }

    /**
     * The census's {@code GenderCurrent} from the child's recorded sex: 1 male, 2 female, 0 not known (the census
     * code set); nothing when nothing is recorded.
     */
    static String genderCurrent(String sex) {
        if (sex == null) {
            return null;
        }
        return switch (sex) {
            case "M", "1" -> "1";
            case "F", "2" -> "2";
            default -> "0";
        };
    }

    private void open(String name) throws XMLStreamException {
        indent();
        xml.writeStartElement(name);
        depth++;
    }

    private void closeElement() throws XMLStreamException {
        depth--;
        indent();
        xml.writeEndElement();
    }

    private void leaf(String name, Object value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        indent();
        xml.writeStartElement(name);
        xml.writeCharacters(value.toString());
        xml.writeEndElement();
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
