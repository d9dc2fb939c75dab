package org.oversight.query.report;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * One figure of the report, defined once: the words shown on its page and in every export say what is counted
 * (the numerator) and out of what (the denominator), and the code below them counts exactly that.
 *
 * @param population the facts the figure looks at in the period: the denominator, or for a plain count the facts
 *                   counted
 * @param counted    of those, the ones the numerator counts; {@code null} for a plain count
 * @param children   whether it counts children (each once) rather than facts
 * @param breakdown  for a figure shown by category (participation code, category of abuse, length band): each
 *                   fact of the population's category, in words; {@code null} otherwise
 * @param categories the categories of the breakdown in the order shown, so that an empty one shows as 0
 * @param rateOf     for a rate, the facts counted per child of the population; {@code null} otherwise
 */
public record Figure(String id, String section, String title, String numerator, String denominator, Unit unit,
        Function<Window, Stream<Fact>> population, Counted counted, boolean children,
        Categorise breakdown, List<String> categories, Function<Window, Stream<Fact>> rateOf) {

    /**
     * PER_FTE: children per full-time equivalent of the chairs of the facts counted, the equivalents read from
     * their working hours ({@link Window#fullTimeEquivalent}).
     */
    public enum Unit { COUNT, PERCENT, RATE, PER_FTE }

    /** Whether a fact of the population is counted, given everything in the report's window. */
    @FunctionalInterface
    public interface Counted {
        boolean test(Fact fact, Window window);
    }

    /** A fact's category in the breakdown, in words. */
    @FunctionalInterface
    public interface Categorise {
        String of(Fact fact, Window window);
    }

    public boolean hasDenominator() {
        return counted != null || rateOf != null;
    }
}
