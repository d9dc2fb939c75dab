package org.oversight.query.returns.annexa;

import java.util.List;
import java.util.stream.Stream;

/**
 * The two Ofsted Annex A lists Oversight can fill, with their columns as the Annex A template names them (and as
 * the public liia-tools Annex A schema lists them). Every column is written, in the template's order; those
 * Oversight does not hold are left empty for the council ({@link #leftForTheCouncil}).
 */
public enum AnnexAList {

    /** List 7: children subject to a child protection plan. */
    LIST_7("7", "Children who are the subject of a child protection plan", Stream.concat(common(),
            Stream.of("Child Protection Plan Start Date", "Initial Category of Abuse", "Latest Category of Abuse",
                    "Date of the Last Statutory Visit", "Was the Child Seen Alone?",
                    "Date of latest review conference", "Child Protection Plan End Date",
                    "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
                    "Number of Previous Child Protection Plans", "Allocated Team", "Allocated Worker")).toList(),
            List.of("Date of the Last Statutory Visit", "Was the Child Seen Alone?",
                    "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
                    "Allocated Team", "Allocated Worker")),

    /** List 8: children in care. */
    LIST_8("8", "Children in care", Stream.concat(common(),
            Stream.of("UASC within the last 12 months (Y/N)", "Date Started to be Looked After",
                    "Child's Category of Need",
                    "Is this the second or subsequent period of being looked after within the last 12 months (Y/N)",
                    "Start date of current legal status", "Child's Legal Status", "Date of Latest Statutory Review",
                    "Date of Last Social Work Visit", "Permanence Plan", "Date of Last IRO Visit / Contact to the Child",
                    "Date of Last Health Assessment", "Date of Last Dental Check",
                    "Number of Placements in the Last 12 months", "Date Ceased to be Looked After",
                    "Reason Ceased to be Looked After", "Allocated Team", "Allocated Worker")).toList(),
            List.of("UASC within the last 12 months (Y/N)", "Child's Category of Need"));

    /** The columns every list starts with (a method: the constants are made before any static field). */
    private static Stream<String> common() {
        return Stream.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age of Child (Years)",
                "Does the Child have a Disability");
    }

    private final String number;
    private final String title;
    private final List<String> columns;
    private final List<String> leftForTheCouncil;

    AnnexAList(String number, String title, List<String> columns, List<String> leftForTheCouncil) {
        this.number = number;
        this.title = title;
        this.columns = columns;
        this.leftForTheCouncil = leftForTheCouncil;
    }

    public String number() {
        return number;
    }

    public String title() {
        return title;
    }

    public List<String> columns() {
        return columns;
    }

    /**
     * The columns always left empty, Oversight not holding them. The characteristics (gender, ethnicity,
     * disability) are filled as far as their source knows them.
     */
    public List<String> leftForTheCouncil() {
        return leftForTheCouncil;
    }

    /** The list as its address names it: {@code 7} or {@code 8}. */
    public static AnnexAList of(String number) {
        for (AnnexAList list : values()) {
            if (list.number.equals(number)) {
                return list;
            }
        }
        return null;
    }
}
