package org.oversight.deploy.importing;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.oversight.deploy.importing.SourceRow.Table;

/**
 * Reads the child protection module and the section 47 block of a CIN census XML file: for each child, the date of
 * birth, each section 47 enquiry, each child protection plan and each of its review conferences, as rows found at
 * the line where their element starts. Everything else in the census (referrals, assessments, CIN plans,
 * characteristics) is left unread. The reader is streaming and refuses document type declarations, so no entity
 * in the file is ever expanded or fetched.
 */
public final class CinCensus {

    /** The census year from the message's header, given to each row read so its facts can say which census. */
    static final String YEAR = "CensusYear";

    private CinCensus() {
    }

    public static void read(String file, InputStream input, ReturnFiles into) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        int children = 0;
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(input);
            String child = null;
            List<SourceRow> rows = new ArrayList<>();
            Block block = null;
            Block plan = null;
            boolean root = true;
            String year = null;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName();
                int line = xml.getLocation().getLineNumber();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (root) {
                        root = false;
                        if (!name.equals("Message")) {
                            into.problem(new FileProblem(file, line, "cin-census-message",
                                    "The file is not a CIN census message: its root element is " + name));
                            return;
                        }
                        continue;
                    }
                    switch (name) {
                        case "Child" -> {
                            child = null;
                            rows = new ArrayList<>();
                            children++;
                            block = new Block(Table.CIN_CHILD, line);
                            rows.add(null); // the child's own row, filled when the child ends
                        }
                        case "LAchildID" -> child = xml.getElementText().strip();
                        case "Year" -> {
                            if (child == null && rows.isEmpty()) {
                                year = xml.getElementText().strip();
                            }
                        }
                        case "Section47" -> block = new Block(Table.CIN_SECTION47, line);
                        case "ChildProtectionPlans" -> plan = block = new Block(Table.CIN_PLAN, line);
                        case "CPPreviewDate" -> {
                            Block review = new Block(Table.CIN_PLAN_REVIEW, line);
                            review.values.put("CPPreviewDate", xml.getElementText());
                            review.values.put("CPPstartDate", plan == null ? "" : plan.values.getOrDefault(
                                    "CPPstartDate", ""));
                            rows.add(review.row(file, "?"));
                        }
                        default -> {
                            if (block != null && wanted(block.table, name)) {
                                block.values.put(name, xml.getElementText());
                            }
                        }
                    }
                } else {
                    switch (name) {
                        case "Section47", "ChildProtectionPlans" -> {
                            rows.add(block.row(file, "?"));
                            if (name.equals("ChildProtectionPlans")) {
                                plan = null;
                            }
                            block = null;
                        }
                        case "ChildIdentifiers" -> {
                            if (block != null && block.table == Table.CIN_CHILD) {
                                rows.set(0, block.row(file, "?"));
                                block = null;
                            }
                        }
                        case "Child" -> {
                            if (child == null || child.isEmpty()) {
                                into.problem(new FileProblem(file, line, "child-identifier-given",
                                        "A child in the census has no LAchildID, so their rows belong to no child"));
                            } else {
                                for (SourceRow row : rows) {
                                    if (row != null) {
                                        Map<String, String> values = new LinkedHashMap<>(row.values());
                                        if (year != null && year.matches("[0-9]{4}")) {
                                            values.put(YEAR, year);
                                        }
                                        into.add(new SourceRow(row.file(), row.row(), row.table(), child,
                                                values, row.malformed()));
                                    }
                                }
                            }
                            block = null;
                        }
                        default -> {
                        }
                    }
                }
            }
        } catch (UncheckedIOException working) {
            // the import's own working files failed, not the census: the import stops
            throw working;
        } catch (XMLStreamException | RuntimeException unreadable) {
            int line = unreadable instanceof XMLStreamException x && x.getLocation() != null
                    ? x.getLocation().getLineNumber() : 0;
            // the parser's own message may quote the file's content: only the place is reported
            into.problem(new FileProblem(file, line, "cin-census-well-formed",
                    "The file is not well-formed XML from this line on; the children before it were read"));
        }
        if (children == 0) {
            into.problem(new FileProblem(file, 0, "file-not-empty", "The CIN census file holds no child"));
        }
    }

    private static boolean wanted(Table table, String element) {
        return switch (table) {
            case CIN_CHILD -> element.equals("PersonBirthDate") || element.equals("ExpectedPersonBirthDate");
            case CIN_SECTION47 -> element.equals("S47ActualStartDate") || element.equals("InitialCPCtarget")
                    || element.equals("DateOfInitialCPC") || element.equals("ICPCnotRequired");
            case CIN_PLAN -> element.equals("CPPstartDate") || element.equals("CPPendDate")
                    || element.equals("InitialCategoryOfAbuse") || element.equals("LatestCategoryOfAbuse")
                    || element.equals("NumberOfPreviousCPP");
            default -> false;
        };
    }

    private static final class Block {

        final Table table;
        final int line;
        final Map<String, String> values = new LinkedHashMap<>();

        Block(Table table, int line) {
            this.table = table;
            this.line = line;
        }

        SourceRow row(String file, String child) {
            return SourceRow.of(file, line, table, child, values);
        }
    }
}
