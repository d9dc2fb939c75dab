package org.oversight.query.returns.ssda903;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The return written out: each table as the DfE's CSV (a heading line of the columns, a line per row, lines ended
 * CR LF), and the whole return as its XML form, root {@code EXPSSDA903}, a {@code CHILD} for each child holding
 * its {@code HEADER} with the child's {@code EPISODE}s (where the XML says {@code PL} for the CSV's {@code PLACE})
 * and up to 52 {@code AREVIEW}s.
 */
public final class Ssda903Files {

    /** The most reviews the XML form holds for a child in a year. */
    static final int MOST_REVIEWS = 52;

    private Ssda903Files() {
    }

    public static String csv(Table table) {
        StringBuilder out = new StringBuilder();
        line(out, table.columns());
        table.rows().forEach(row -> line(out, row.values()));
        return out.toString();
    }

    static void line(StringBuilder out, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(values.get(i)));
        }
        out.append("\r\n");
    }

    /** A value that holds a comma, a quotation mark or a line break is quoted, as RFC 4180 says. */
    private static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    public static String xml(Ssda903Return ssda903) {
        Map<String, Child> children = new LinkedHashMap<>();
        for (Table.Row row : ssda903.header().rows()) {
            children.put(row.childId(), new Child(row, new java.util.ArrayList<>(), new java.util.ArrayList<>()));
        }
        ssda903.episodes().rows().forEach(row -> children.get(row.childId()).episodes().add(row));
        ssda903.reviews().rows().forEach(row -> children.get(row.childId()).reviews().add(row));
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("EXPSSDA903");
            for (Child child : children.values()) {
                indent(xml, 1);
                xml.writeStartElement("CHILD");
                indent(xml, 2);
                xml.writeStartElement("HEADER");
                Table header = ssda903.header();
                for (String column : header.columns()) {
                    element(xml, 3, column, header.value(child.header(), column));
                }
                Table episodes = ssda903.episodes();
                for (Table.Row episode : child.episodes()) {
                    indent(xml, 3);
                    xml.writeStartElement("EPISODE");
                    for (String column : episodes.columns().subList(1, episodes.columns().size())) {
                        element(xml, 4, column.equals("PLACE") ? "PL" : column, episodes.value(episode, column));
                    }
                    indent(xml, 3);
                    xml.writeEndElement();
                }
                Table reviews = ssda903.reviews();
                for (Table.Row review : child.reviews().subList(0, Math.min(MOST_REVIEWS, child.reviews().size()))) {
                    indent(xml, 3);
                    xml.writeStartElement("AREVIEW");
                    element(xml, 4, "REVIEW", reviews.value(review, "REVIEW"));
                    element(xml, 4, "REVIEW_CODE", reviews.value(review, "REVIEW_CODE"));
                    indent(xml, 3);
                    xml.writeEndElement();
                }
                indent(xml, 2);
                xml.writeEndElement();
                indent(xml, 1);
                xml.writeEndElement();
            }
            indent(xml, 0);
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The return could not be written as XML", e);
        }
        return out.toString();
    }

    static void element(XMLStreamWriter xml, int depth, String name, String value) throws XMLStreamException {
        indent(xml, depth);
        if (value.isEmpty()) {
            xml.writeEmptyElement(name);
        } else {
            xml.writeStartElement(name);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }
    }

    static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private record Child(Table.Row header, List<Table.Row> episodes, List<Table.Row> reviews) {
    }
}
