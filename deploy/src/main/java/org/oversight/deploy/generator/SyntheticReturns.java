package org.oversight.deploy.generator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes one authority's SSDA903 header, episodes and reviews tables for a number of invented children, seeded,
 * every row one the import accepts: a period of care started in the last two years, on a care order or under
 * section 20, in a placement of the U codes, by a child under 18 who turns 18 only after the period has ended; a
 * fifth of the periods move placement once (an X1 episode followed by a P episode); the reviews fall inside the
 * period at the statutory cadence (20 working days, 3 months, then 6-monthly) give or take a few days, with PN0
 * before the 4th birthday and PN1 to PN7 after. It is the input the import's figures are measured on:
 *
 * <pre>
 * java -Dloader.main=org.oversight.deploy.generator.SyntheticReturns -jar deploy/target/oversight-dev.jar \
 *      --children=70000 --out=/tmp/import-national/returns [--seed=1] [--today=2026-12-03] [--prefix=N]
 * </pre>
 *
 * The episodes are written in the children's order and the reviews in the reverse, so that a child's rows are as
 * far apart as the files allow. Everything in them is invented; identifiers are the prefix and a number.
 */
public final class SyntheticReturns {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] PLACEMENTS = {"U1", "U2", "U3", "U4", "U5", "U6"};
    private static final String[] ENDS = {"E4A", "E4B", "E13", "E8"};
    private static final String[] ETHNICITY = {"WBRI", "WIRI", "WOTH", "MWBC", "ABAN", "BCRB", "AIND", "CHNE"};

    /** What was written: rows of each table. */
    public record Written(int children, int episodes, int reviews) {

        public int rows() {
            return children + episodes + reviews;
        }
    }

    /** One child's invented facts. */
    private record Child(String id, LocalDate born, int sex, String ethnicity, List<String> episodes,
            List<LocalDate> reviews) {
    }

    private SyntheticReturns() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = GenerateHistories.options(args);
        int children = Integer.parseInt(options.getOrDefault("children", "70000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        LocalDate today = LocalDate.parse(options.getOrDefault("today",
                LocalDate.now(ZoneId.of("Europe/London")).toString()));
        Path out = Path.of(options.getOrDefault("out", "target/synthetic-returns"));
        long started = System.nanoTime();
        Written written = write(out, children, seed, today, options.getOrDefault("prefix", "N"));
        System.out.printf("Wrote %s: %,d children, %,d episodes, %,d reviews (%,d rows) in %,.1f s%n", out,
                written.children(), written.episodes(), written.reviews(), written.rows(),
                (System.nanoTime() - started) / 1e9);
    }

    /** Writes header.csv, episodes.csv and reviews.csv into {@code directory}. */
    public static Written write(Path directory, int children, long seed, LocalDate today, String prefix)
            throws IOException {
        Files.createDirectories(directory);
        int episodes = 0;
        int reviews = 0;
        try (Writer header = writer(directory.resolve("header.csv"));
                Writer episodeRows = writer(directory.resolve("episodes.csv"))) {
            header.write("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n");
            episodeRows.write("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,"
                    + "PL_POST,URN\r\n");
            for (int index = 0; index < children; index++) {
                Child child = child(index, seed, today, prefix);
                header.write(child.id() + "," + child.sex() + "," + child.born().format(DMY) + ","
                        + child.ethnicity() + ",,,\r\n");
                for (String episode : child.episodes()) {
                    episodeRows.write(episode);
                    episodes++;
                }
            }
        }
        try (Writer reviewRows = writer(directory.resolve("reviews.csv"))) {
            reviewRows.write("CHILD,DOB,REVIEW,REVIEW_CODE\r\n");
            for (int index = children - 1; index >= 0; index--) {
                Child child = child(index, seed, today, prefix);
                SplittableRandom codes = new SplittableRandom(seed * 1_000_003L + index * 7L + 3);
                for (LocalDate review : child.reviews()) {
                    String code = review.isBefore(child.born().plusYears(4)) ? "PN0" : "PN" + codes.nextInt(1, 8);
                    reviewRows.write(child.id() + "," + child.born().format(DMY) + "," + review.format(DMY) + ","
                            + code + "\r\n");
                    reviews++;
                }
            }
        }
        return new Written(children, episodes, reviews);
    }

    /** The child at {@code index}: the same for the same seed, whichever order children are asked for in. */
    private static Child child(int index, long seed, LocalDate today, String prefix) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        String id = prefix + String.format("%07d", index + 1);
        LocalDate start = today.minusDays(random.nextInt(30, 730));
        LocalDate born = start.minusDays(random.nextInt(1, 17 * 365 + 300));
        LocalDate lastBefore18 = born.plusYears(18).minusDays(1);
        LocalDate latest = today.minusDays(1).isBefore(lastBefore18) ? today.minusDays(1) : lastBefore18;
        LocalDate end = null;
        String ended = null;
        if (random.nextInt(100) < 40) {
            LocalDate chosen = start.plusDays(random.nextInt(14, 500));
            end = chosen.isAfter(latest) ? latest : chosen;
            ended = ENDS[random.nextInt(ENDS.length)];
        } else if (lastBefore18.isBefore(today)) {
            // turned 18 since: the period ended the day before
            end = lastBefore18;
            ended = "E8";
        }
        LocalDate lastDay = end != null ? end.minusDays(1) : today.minusDays(1);
        String status = random.nextInt(100) < 65 ? "C2" : "V2";
        String placement = PLACEMENTS[random.nextInt(PLACEMENTS.length)];
        List<String> episodes = new ArrayList<>();
        long span = ChronoUnit.DAYS.between(start, end != null ? end : today);
        if (random.nextInt(100) < 21 && span > 40) {
            LocalDate moved = start.plusDays(random.nextInt(10, (int) span - 10));
            String next = PLACEMENTS[(indexOf(placement) + 1 + random.nextInt(PLACEMENTS.length - 1))
                    % PLACEMENTS.length];
            episodes.add(episode(id, start, "S", status, placement, moved, "X1"));
            episodes.add(episode(id, moved, "P", status, next, end, ended));
        } else {
            episodes.add(episode(id, start, "S", status, placement, end, ended));
        }
        List<LocalDate> reviews = new ArrayList<>();
        LocalDate review = start.plusDays(random.nextInt(10, 29));
        int[] gaps = {0, 90, 182};
        int n = 0;
        while (!review.isAfter(lastDay)) {
            reviews.add(review);
            n++;
            int gap = gaps[Math.min(n, gaps.length - 1)];
            review = review.plusDays(gap - random.nextInt(0, 10));
        }
        return new Child(id, born, 1 + random.nextInt(2), ETHNICITY[random.nextInt(ETHNICITY.length)], episodes,
                reviews);
    }

    private static String episode(String id, LocalDate start, String reason, String status, String placement,
            LocalDate ceased, String reasonCeased) {
        return id + "," + start.format(DMY) + "," + reason + "," + status + ",N1," + placement + ",PR1,"
                + (ceased == null ? "" : ceased.format(DMY)) + "," + (reasonCeased == null ? "" : reasonCeased)
                + ",,,,\r\n";
    }

    private static int indexOf(String placement) {
        for (int i = 0; i < PLACEMENTS.length; i++) {
            if (PLACEMENTS[i].equals(placement)) {
                return i;
            }
        }
        return 0;
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }
}
