package org.oversight.deploy.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows spilled to bucket files come back grouped by child exactly as when held in memory: every row of a child,
 * wherever in whichever file it was read, in one group and in the order read; the working files are private and
 * gone once the files are closed, whether the import finished or stopped part way.
 */
class ReturnFilesBucketsTest {

    @TempDir
    Path temporary;

    private static final String HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n";
    private static final String EPISODES = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\n";
    private static final String REVIEWS = "CHILD,DOB,REVIEW,REVIEW_CODE\n";

    /** Three tables of 300 children, each table in a different order, one child's rows far apart. */
    private static void readAll(ReturnFiles files) throws IOException {
        StringBuilder header = new StringBuilder(HEADER);
        StringBuilder episodes = new StringBuilder(EPISODES);
        StringBuilder reviews = new StringBuilder(REVIEWS);
        for (int i = 0; i < 300; i++) {
            header.append("K").append(i).append(",1,01/01/2012,WBRI,,,\n");
            int backwards = 299 - i;
            episodes.append("K").append(backwards).append(",01/02/2020,S,C2,N1,U1,PR1,,\n");
            episodes.append("K").append(backwards).append(",01/03/2020,P,C2,N1,U4,PR1,,\n");
        }
        for (int i = 0; i < 300; i += 7) {
            reviews.append("K").append((i * 31) % 300).append(",01/01/2012,05/05/2020,PN1\n");
        }
        Ssda903Tables.read("header.csv", in(header), files);
        Ssda903Tables.read("episodes.csv", in(episodes), files);
        Ssda903Tables.read("reviews.csv", in(reviews), files);
        Ssda903Tables.read("more.csv", in(HEADER + "K5,2,02/02/2013,WBRI,,,\n"), files);
    }

    private static ByteArrayInputStream in(CharSequence text) {
        return new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, List<SourceRow>> grouped(ReturnFiles files) {
        Map<String, List<SourceRow>> children = new LinkedHashMap<>();
        files.forEachChild((child, rows) -> {
            assertThat(children).as("a child comes in one group").doesNotContainKey(child);
            children.put(child, new ArrayList<>(rows));
        });
        return children;
    }

    @Test
    void aChildsRowsSpreadAcrossFilesComeBackTogetherInTheOrderRead() throws IOException {
        Map<String, List<SourceRow>> expected;
        try (ReturnFiles memory = ReturnFiles.inMemory()) {
            readAll(memory);
            expected = grouped(memory);
        }
        try (ReturnFiles spilled = ReturnFiles.spilling(temporary, 16)) {
            readAll(spilled);
            Map<String, List<SourceRow>> children = grouped(spilled);
            assertThat(children).hasSize(300);
            assertThat(spilled.childCount()).isEqualTo(300);
            assertThat(spilled.rows()).isEqualTo(expected.values().stream().mapToInt(List::size).sum());
            // the same rows, values, files and row numbers for every child, in the same order
            assertThat(children).containsExactlyInAnyOrderEntriesOf(expected);
            assertThat(children.get("K5")).extracting(SourceRow::file, SourceRow::row).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("header.csv", 7),
                    org.assertj.core.groups.Tuple.tuple("episodes.csv", 590),
                    org.assertj.core.groups.Tuple.tuple("episodes.csv", 591),
                    org.assertj.core.groups.Tuple.tuple("more.csv", 2));
            // more than one bucket was written, so the grouping was across files on disk
            try (Stream<Path> written = Files.list(spilled.directory())) {
                assertThat(written.count()).isGreaterThan(1);
            }
        }
    }

    @Test
    void aBucketTooBigToHoldIsSplitAndStillGivesEachChildWhole() throws IOException {
        try (ReturnFiles spilled = ReturnFiles.spilling(temporary, 1)) {
            StringBuilder episodes = new StringBuilder(EPISODES);
            // well over the size at which a bucket is split (a long PLACE_PROVIDER value pads each row)
            String padding = "P".repeat(2_000);
            int rows = (int) (ReturnFiles.SPLIT_BYTES / 2_000) + 2_000;
            for (int i = 0; i < rows; i++) {
                episodes.append("S").append(i % 500).append(",01/02/2020,S,C2,N1,U1,").append(padding).append(",,\n");
            }
            Ssda903Tables.read("episodes.csv", in(episodes), spilled);
            Map<String, List<SourceRow>> children = grouped(spilled);
            assertThat(children).hasSize(500);
            assertThat(children.values().stream().mapToInt(List::size).sum()).isEqualTo(rows);
            assertThat(children.get("S7")).extracting(SourceRow::row)
                    .isSorted().first().isEqualTo(9);
            try (Stream<Path> left = Files.walk(spilled.directory())) {
                assertThat(left.filter(p -> p.getFileName().toString().startsWith("split-")))
                        .as("a split bucket's parts are deleted once read").isEmpty();
            }
        }
    }

    @Test
    void theWorkingFilesArePrivateAndDeletedOnClose() throws IOException {
        ReturnFiles spilled = ReturnFiles.spilling(temporary, 8);
        readAll(spilled);
        Path directory = spilled.directory();
        assertThat(Files.getPosixFilePermissions(directory)).isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
        try (Stream<Path> written = Files.list(directory)) {
            for (Path file : written.toList()) {
                assertThat(Files.getPosixFilePermissions(file)).isEqualTo(EnumSet.of(PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE));
            }
        }
        spilled.close();
        assertThat(directory).doesNotExist();
    }

    @Test
    void theWorkingFilesAreDeletedWhenTheImportStopsPartWay() throws IOException {
        ReturnFiles spilled = ReturnFiles.spilling(temporary, 8);
        readAll(spilled);
        Path directory = spilled.directory();
        try (spilled) {
            assertThatThrownBy(() -> spilled.forEachChild((child, rows) -> {
                throw new IllegalStateException("stopped");
            })).hasMessage("stopped");
        }
        assertThat(directory).doesNotExist();
        try (Stream<Path> left = Files.list(temporary)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void theBucketsAreAsManyAsTheInputNeeds() {
        assertThat(ReturnFiles.bucketsFor(0)).isEqualTo(1);
        assertThat(ReturnFiles.bucketsFor(ReturnFiles.BUCKET_BYTES * 10)).isEqualTo(10);
        assertThat(ReturnFiles.bucketsFor(Long.MAX_VALUE / 2)).isEqualTo(ReturnFiles.MOST_BUCKETS);
    }
}
