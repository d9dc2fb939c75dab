package org.oversight.query.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A figure worked out for one period: the facts (or children) it counted, those of its denominator it did not
 * count, and, for a figure by category, how many fell in each.
 *
 * @param counted    the numerator's facts (for a figure of children, one fact per child: the first of theirs)
 * @param notCounted the denominator's facts left out of the numerator
 * @param rated      for a rate, the facts counted per child of the denominator
 * @param fullTimeEquivalents for a figure per full-time equivalent, the sum of the counted facts' chairs'
 *                   equivalents; {@code null} otherwise
 */
public record FigureResult(Figure figure, ReportPeriod period, List<Fact> counted, List<Fact> notCounted,
        List<Fact> rated, Map<String, Long> breakdown, BigDecimal fullTimeEquivalents) {

    public long numerator() {
        return figure.unit() == Figure.Unit.RATE ? rated.size() : counted.size();
    }

    /** {@code null} for a plain count, and for a figure per full-time equivalent (not a count). */
    public Long denominator() {
        if (!figure.hasDenominator() || figure.unit() == Figure.Unit.PER_FTE) {
            return null;
        }
        return figure.unit() == Figure.Unit.RATE ? (long) counted.size() : (long) (counted.size() + notCounted.size());
    }

    /** The figure as shown: a count, a percentage to one decimal place, or a rate to two; "–" out of nothing. */
    public String shown() {
        Long denominator = denominator();
        return switch (figure.unit()) {
            case COUNT -> Long.toString(numerator());
            case PERCENT -> denominator == 0 ? "–" : ratio(numerator() * 100, denominator, 1) + "%";
            case RATE -> denominator == 0 ? "–" : ratio(numerator(), denominator, 2).toPlainString();
            case PER_FTE -> fullTimeEquivalents.signum() == 0 ? "–" : perFte().toPlainString();
        };
    }

    /** What the figure is out of, as shown: the denominator, the full-time equivalents, or nothing for a count. */
    public String outOf() {
        if (figure.unit() == Figure.Unit.PER_FTE) {
            return fullTimeEquivalents.setScale(2, RoundingMode.HALF_UP).toPlainString();
        }
        Long denominator = denominator();
        return denominator == null ? "" : denominator.toString();
    }

    private BigDecimal perFte() {
        return BigDecimal.valueOf(numerator()).divide(fullTimeEquivalents, 1, RoundingMode.HALF_UP);
    }

    /** The value for a chart: a percentage or rate as a number, a count as it is. */
    public BigDecimal value() {
        Long denominator = denominator();
        return switch (figure.unit()) {
            case COUNT -> BigDecimal.valueOf(numerator());
            case PERCENT -> denominator == 0 ? BigDecimal.ZERO : ratio(numerator() * 100, denominator, 1);
            case RATE -> denominator == 0 ? BigDecimal.ZERO : ratio(numerator(), denominator, 2);
            case PER_FTE -> fullTimeEquivalents.signum() == 0 ? BigDecimal.ZERO : perFte();
        };
    }

    private static BigDecimal ratio(long numerator, long denominator, int places) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), places, RoundingMode.HALF_UP);
    }

    static Map<String, Long> emptyBreakdown(List<String> categories) {
        Map<String, Long> breakdown = new LinkedHashMap<>();
        categories.forEach(c -> breakdown.put(c, 0L));
        return breakdown;
    }
}
