package org.oversight.query.returns.ssda903;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * One file of the return written a child at a time as the children are read, in the same bytes as
 * {@link Ssda903Files} writes the whole return: a table as the DfE's CSV, or the XML form. Nothing is kept between
 * children, so a return of any size, or of every authority in turn, holds one child's lines at once.
 */
public final class Ssda903Stream {

    /** The files of the return: the three tables as CSV and the XML form. */
    public enum File {
        HEADER("csv"), EPISODES("csv"), REVIEWS("csv"), XML("xml");

        private final String extension;

        File(String extension) {
            this.extension = extension;
        }

        /** The file by the name a form posts ({@code header}, {@code episodes}, {@code reviews}, {@code xml}). */
        public static File named(String name) {
            for (File file : values()) {
                if (file.label().equals(name)) {
                    return file;
                }
            }
            return null;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String extension() {
            return extension;
        }

        List<String> columns() {
            return switch (this) {
                case HEADER -> Ssda903Return.HEADER;
                case EPISODES -> Ssda903Return.EPISODES;
                case REVIEWS -> Ssda903Return.REVIEWS;
                case XML -> throw new IllegalStateException("The XML form has no single table");
            };
        }
    }

    private final File file;
    private final Writer out;
    private final XMLStreamWriter xml;
    private long rows;

    private Ssda903Stream(File file, Writer out, XMLStreamWriter xml) {
        this.file = file;
        this.out = out;
        this.xml = xml;
    }

    /** Starts the file on {@code out}; {@link #finish()} ends it and flushes, leaving {@code out} open. */
    public static Ssda903Stream start(File file, OutputStream out) {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try {
            if (file == File.XML) {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(writer);
                xml.writeStartDocument("UTF-8", "1.0");
                xml.writeCharacters("\n");
                xml.writeStartElement("EXPSSDA903");
                return new Ssda903Stream(file, writer, xml);
            }
            Ssda903Stream stream = new Ssda903Stream(file, writer, null);
            stream.line(file.columns());
            // the heading is not a row
            stream.rows = 0;
            return stream;
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The return could not be written as XML", e);
        }
    }

    /** Writes the child's lines of the file. */
    public void child(Ssda903Return.ChildRows child) {
        try {
            switch (file) {
                case HEADER -> line(child.header().values());
                case EPISODES -> child.episodes().forEach(row -> line(row.values()));
                case REVIEWS -> child.reviews().forEach(row -> line(row.values()));
                case XML -> xmlChild(child);
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The return could not be written as XML", e);
        }
    }

    /** The lines written so far under the heading (for the XML form, the children). */
    public long rows() {
        return rows;
    }

    public void finish() {
        try {
            if (xml != null) {
                Ssda903Files.indent(xml, 0);
                xml.writeEndElement();
                xml.writeCharacters("\n");
                xml.writeEndDocument();
                xml.flush();
            }
            out.flush();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The return could not be written as XML", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(List<String> values) {
        StringBuilder line = new StringBuilder();
        Ssda903Files.line(line, values);
        try {
            out.write(line.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rows++;
    }

    private void xmlChild(Ssda903Return.ChildRows child) throws XMLStreamException {
        Ssda903Files.indent(xml, 1);
        xml.writeStartElement("CHILD");
        Ssda903Files.indent(xml, 2);
        xml.writeStartElement("HEADER");
        for (int i = 0; i < Ssda903Return.HEADER.size(); i++) {
            Ssda903Files.element(xml, 3, Ssda903Return.HEADER.get(i), child.header().values().get(i));
        }
        List<String> episodeColumns = Ssda903Return.EPISODES;
        for (Table.Row episode : child.episodes()) {
            Ssda903Files.indent(xml, 3);
            xml.writeStartElement("EPISODE");
            for (int i = 1; i < episodeColumns.size(); i++) {
                String column = episodeColumns.get(i);
                Ssda903Files.element(xml, 4, column.equals("PLACE") ? "PL" : column, episode.values().get(i));
            }
            Ssda903Files.indent(xml, 3);
            xml.writeEndElement();
        }
        int review = Ssda903Return.REVIEWS.indexOf("REVIEW");
        int code = Ssda903Return.REVIEWS.indexOf("REVIEW_CODE");
        for (Table.Row row : child.reviews().subList(0, Math.min(Ssda903Files.MOST_REVIEWS, child.reviews().size()))) {
            Ssda903Files.indent(xml, 3);
            xml.writeStartElement("AREVIEW");
            Ssda903Files.element(xml, 4, "REVIEW", row.values().get(review));
            Ssda903Files.element(xml, 4, "REVIEW_CODE", row.values().get(code));
            Ssda903Files.indent(xml, 3);
            xml.writeEndElement();
        }
        Ssda903Files.indent(xml, 2);
        xml.writeEndElement();
        Ssda903Files.indent(xml, 1);
        xml.writeEndElement();
        rows++;
    }
}
