package org.oversight.query.returns.ssda903;

import java.io.OutputStream;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * Writes one file of an authority's return as its children are read, a batch at a time: the whole return is never
 * held, so the download of a large authority, or of every authority in turn, needs no more memory than a batch.
 */
@Component
public class Ssda903Export {

    private final Ssda903Facts facts;

    public Ssda903Export(Ssda903Facts facts) {
        this.facts = facts;
    }

    /**
     * Writes the file to {@code out} and hands each child written to {@code written} (to be logged as read).
     *
     * @return the lines written under the heading (for the XML form, the children)
     */
    public long write(String authority, CollectionYear year, Ssda903Stream.File file, OutputStream out,
            Consumer<String> written) {
        Ssda903Stream stream = Ssda903Stream.start(file, out);
        facts.forEach(authority, year, child -> Ssda903Return.rowsOf(year, child).ifPresent(rows -> {
            stream.child(rows);
            written.accept(rows.childId());
        }));
        stream.finish();
        return stream.rows();
    }
}
