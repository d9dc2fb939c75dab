package org.oversight.query.returns.ssda903;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The return written a child at a time, in the order the facts are read, gives the same bytes as the hand-checked
 * files of the whole return (src/test/resources/ssda903).
 */
class Ssda903StreamTest {

    @Test
    void eachStreamedFileIsTheHandCheckedFileByteForByte() throws IOException {
        assertThat(streamed(Ssda903Stream.File.HEADER)).isEqualTo(Ssda903ReturnTest.expected("header-2025.csv"));
        assertThat(streamed(Ssda903Stream.File.EPISODES)).isEqualTo(Ssda903ReturnTest.expected("episodes-2025.csv"));
        assertThat(streamed(Ssda903Stream.File.REVIEWS)).isEqualTo(Ssda903ReturnTest.expected("reviews-2025.csv"));
        assertThat(streamed(Ssda903Stream.File.XML)).isEqualTo(Ssda903ReturnTest.expected("return-2025.xml"));
    }

    @Test
    void theLinesCountedAreTheRowsOfTheWholeReturn() {
        Ssda903Return whole = Ssda903Return.of(Ssda903ReturnTest.YEAR, Ssda903ReturnTest.smallAuthority());
        assertThat(write(Ssda903Stream.File.HEADER, new ByteArrayOutputStream()))
                .isEqualTo(whole.header().rows().size());
        assertThat(write(Ssda903Stream.File.EPISODES, new ByteArrayOutputStream()))
                .isEqualTo(whole.episodes().rows().size());
        assertThat(write(Ssda903Stream.File.REVIEWS, new ByteArrayOutputStream()))
                .isEqualTo(whole.reviews().rows().size());
        assertThat(write(Ssda903Stream.File.XML, new ByteArrayOutputStream())).isEqualTo(whole.header().rows().size());
    }

    @Test
    void aFileIsKnownByTheNameTheFormPosts() {
        assertThat(Ssda903Stream.File.named("episodes")).isEqualTo(Ssda903Stream.File.EPISODES);
        assertThat(Ssda903Stream.File.named("xml").extension()).isEqualTo("xml");
        assertThat(Ssda903Stream.File.named("EPISODES")).isNull();
        assertThat(Ssda903Stream.File.named("placements")).isNull();
    }

    private static String streamed(Ssda903Stream.File file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(file, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** As the export does: the children in the order read, each child's rows written before the next is read. */
    private static long write(Ssda903Stream.File file, ByteArrayOutputStream out) {
        List<ChildFacts> inOrder = new ArrayList<>(Ssda903ReturnTest.smallAuthority());
        inOrder.sort(Ssda903Return.IN_ORDER);
        Ssda903Stream stream = Ssda903Stream.start(file, out);
        inOrder.forEach(child -> Ssda903Return.rowsOf(Ssda903ReturnTest.YEAR, child).ifPresent(stream::child));
        stream.finish();
        return stream.rows();
    }
}
