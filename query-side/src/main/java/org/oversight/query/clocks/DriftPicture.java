package org.oversight.query.clocks;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A child's statutory clocks drawn as a picture, so that drift is seen rather than read: each clock a bar from
 * the day it started to its due date, the day it was met marked on it, lateness (a clock met after its due date,
 * or still open past it) drawn as a hatched red stretch with the word "late" or "overdue" beside it (never colour
 * alone), the "as at" day as a vertical line, and the periods of care and child protection plans as bands above.
 *
 * <p>The picture is SVG written on the server: no script draws it, and it is one image to assistive technology
 * ({@code role="img"} with a title and a description that says what is late), the timeline's table beside it
 * carrying every fact for a screen reader. Only what was known on the "as at" day is in it: the clocks and bands
 * given are those derived as at that day, and nothing is drawn past it as having happened.
 */
public final class DriftPicture {

    /** How large the picture is drawn: the timeline's full picture, or a team view's row. */
    public enum Size {
        FULL(960, 300, 22, 18, 28),
        SMALL(480, 0, 7, 5, 4);

        final int width;
        final int labelWidth;
        final int rowHeight;
        final int bandHeight;
        final int axisHeight;

        Size(int width, int labelWidth, int rowHeight, int bandHeight, int axisHeight) {
            this.width = width;
            this.labelWidth = labelWidth;
            this.rowHeight = rowHeight;
            this.bandHeight = bandHeight;
            this.axisHeight = axisHeight;
        }
    }

    /** A period of care or a child protection plan: {@code to} is {@code null} while it had not ended. */
    public record Band(String kind, String label, LocalDate from, LocalDate to) {
    }

    /** One clock as it stood on the "as at" day. */
    public record Bar(StatutoryClock clock, StatutoryClock.Status status) {

        /** Late: met after its due date, or still open when the due date had passed. */
        public boolean late() {
            return status == StatutoryClock.Status.HAPPENED_LATE || status == StatutoryClock.Status.OVERDUE;
        }
    }

    /**
     * Where days fall across the drawing: {@code left} is the x of the first day's start, {@code right} the x of
     * the day after the last, so a day is a slice of equal width and a clock due on a day ends at that day's end.
     */
    public record Scale(LocalDate first, LocalDate last, double left, double right) {

        public Scale {
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("a scale ends on or after the day it starts");
            }
        }

        public double dayWidth() {
            return (right - left) / (ChronoUnit.DAYS.between(first, last) + 1);
        }

        /** The x where {@code day} starts, held within the drawing for days outside it. */
        public double x(LocalDate day) {
            double x = left + ChronoUnit.DAYS.between(first, day) * dayWidth();
            return Math.max(left, Math.min(right, x));
        }

        /** The x where {@code day} ends. */
        public double xAfter(LocalDate day) {
            return x(day.plusDays(1));
        }
    }

    private static final String LATE_HATCH = "drift-late-hatch";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
    private static final int MAX_LABEL = 44;

    private final Size size;
    private final LocalDate asAt;
    private final List<Bar> bars;
    private final List<Band> bands;
    private final Scale scale;
    private final String idPrefix;

    private DriftPicture(Size size, LocalDate asAt, List<Bar> bars, List<Band> bands, Scale scale, String idPrefix) {
        this.size = size;
        this.asAt = asAt;
        this.bars = bars;
        this.bands = bands;
        this.scale = scale;
        this.idPrefix = idPrefix;
    }

    /**
     * The timeline's picture: the whole span of the clocks and bands, from a week before the first start to a week
     * after the last due date (or the "as at" day, if later).
     */
    public static DriftPicture of(List<Bar> bars, List<Band> bands, LocalDate asAt) {
        LocalDate first = asAt;
        LocalDate last = asAt;
        for (Bar bar : bars) {
            first = min(first, bar.clock().startedOn());
            last = max(last, bar.clock().due().date());
            if (bar.clock().metOn() != null) {
                last = max(last, bar.clock().metOn());
            }
        }
        for (Band band : bands) {
            first = min(first, band.from());
        }
        Size size = Size.FULL;
        Scale scale = new Scale(first.minusDays(7), last.plusDays(7), size.labelWidth + 10, size.width - 10);
        return new DriftPicture(size, asAt, List.copyOf(bars), List.copyOf(bands), scale, "drift");
    }

    /**
     * A team view's row: the same picture without labels, over a window common to every row ({@code first} to
     * {@code last}) so that rows can be compared; clocks wholly outside the window are left out.
     */
    public static DriftPicture small(List<Bar> bars, List<Band> bands, LocalDate asAt, LocalDate first,
            LocalDate last, String idPrefix) {
        List<Bar> within = bars.stream().filter(b -> !b.clock().startedOn().isAfter(last)
                && !endOf(b, asAt).isBefore(first)).toList();
        List<Band> bandsWithin = bands.stream().filter(b -> !b.from().isAfter(last)
                && (b.to() == null || !b.to().isBefore(first))).toList();
        Size size = Size.SMALL;
        return new DriftPicture(size, asAt, within, bandsWithin, new Scale(first, last, 0, size.width), idPrefix);
    }

    public Scale scale() {
        return scale;
    }

    public List<Bar> bars() {
        return bars;
    }

    public long lateCount() {
        return bars.stream().filter(Bar::late).count();
    }

    public boolean empty() {
        return bars.isEmpty() && bands.isEmpty();
    }

    /** The picture's short name, for its title. */
    public String title() {
        return (size == Size.SMALL ? "Clocks as at " : "Statutory clocks as at ") + asAt.format(DAY);
    }

    /** What the picture shows in words: how many clocks, which are late, where the bands run. */
    public String description() {
        StringBuilder words = new StringBuilder();
        words.append(bars.size()).append(bars.size() == 1 ? " clock" : " clocks");
        // a team view's row says how many without naming them: the child's own timeline names each
        List<String> late = bars.stream().filter(Bar::late)
                .map(b -> size == Size.SMALL ? "" : b.clock().name() + " (" + b.status().label().toLowerCase(Locale.UK) + ")")
                .toList();
        if (size == Size.SMALL) {
            words.append(late.isEmpty() ? ", none late." : ", " + late.size() + " late.");
            return words.toString();
        }
        if (late.isEmpty()) {
            words.append(", none late.");
        } else {
            words.append(", ").append(late.size()).append(" late: ").append(String.join("; ", late)).append('.');
        }
        for (Band band : bands) {
            words.append(' ').append(band.label()).append(" from ").append(band.from().format(DAY))
                    .append(band.to() == null ? "" : " to " + band.to().format(DAY)).append('.');
        }
        words.append(" The table below lists every clock.");
        return words.toString();
    }

    /** The picture as SVG markup, every text in it escaped. */
    public String svg() {
        int bandRows = bands.size();
        double top = size.axisHeight;
        double bandsBottom = top + bandRows * size.bandHeight;
        double height = bandsBottom + Math.max(1, bars.size()) * size.rowHeight + (size == Size.FULL ? 8 : 2);
        String titleId = idPrefix + "-title";
        String descId = idPrefix + "-desc";
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"drift-picture drift-picture--")
                .append(size.name().toLowerCase(Locale.UK)).append("\" role=\"img\" viewBox=\"0 0 ")
                .append(size.width).append(' ').append(num(height)).append("\" width=\"100%\" aria-labelledby=\"")
                .append(titleId).append("\" aria-describedby=\"").append(descId)
                .append("\" preserveAspectRatio=\"xMinYMin meet\" font-family=\"arial, sans-serif\">");
        svg.append("<title id=\"").append(titleId).append("\">").append(escape(title())).append("</title>");
        svg.append("<desc id=\"").append(descId).append("\">").append(escape(description())).append("</desc>");
        svg.append("<defs><pattern id=\"").append(idPrefix).append('-').append(LATE_HATCH)
                .append("\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">")
                .append("<rect width=\"6\" height=\"6\" fill=\"#d4351c\"/>")
                .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#ffffff\" stroke-width=\"2\"/>")
                .append("</pattern></defs>");
        if (size == Size.FULL) {
            axis(svg, height);
        }
        double y = top;
        for (Band band : bands) {
            band(svg, band, y);
            y += size.bandHeight;
        }
        for (Bar bar : bars) {
            bar(svg, bar, y);
            y += size.rowHeight;
        }
        double line = scale.x(asAt) + scale.dayWidth() / 2;
        svg.append("<line class=\"drift-as-at\" x1=\"").append(num(line)).append("\" x2=\"").append(num(line))
                .append("\" y1=\"").append(size == Size.FULL ? 14 : 0).append("\" y2=\"").append(num(height))
                .append("\" stroke=\"#0b0c0c\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/>");
        if (size == Size.FULL) {
            svg.append("<text x=\"").append(num(line)).append("\" y=\"11\" font-size=\"11\" text-anchor=\"")
                    .append(line > size.width - 120 ? "end" : "middle").append("\" fill=\"#0b0c0c\">As at ")
                    .append(escape(asAt.format(DAY))).append("</text>");
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** Month marks, spaced so that they never crowd: monthly, quarterly or yearly by the span drawn. */
    private void axis(StringBuilder svg, double height) {
        long months = ChronoUnit.MONTHS.between(scale.first(), scale.last());
        int step = months <= 14 ? 1 : months <= 42 ? 3 : months <= 120 ? 12 : 24;
        LocalDate tick = scale.first().withDayOfMonth(1).plusMonths(1);
        while (step > 1 && (tick.getMonthValue() - 1) % Math.min(step, 12) != 0) {
            tick = tick.plusMonths(1);
        }
        for (; !tick.isAfter(scale.last()); tick = tick.plusMonths(step)) {
            double x = scale.x(tick);
            svg.append("<line x1=\"").append(num(x)).append("\" x2=\"").append(num(x)).append("\" y1=\"24\" y2=\"")
                    .append(num(height)).append("\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>");
            svg.append("<text x=\"").append(num(x + 2)).append("\" y=\"24\" font-size=\"10\" fill=\"#505a5f\">")
                    .append(escape(tick.format(MONTH))).append("</text>");
        }
    }

    private void band(StringBuilder svg, Band band, double y) {
        LocalDate end = band.to() == null || band.to().isAfter(asAt) ? asAt : band.to();
        double x1 = scale.x(band.from());
        double x2 = Math.max(x1 + 1, scale.xAfter(end));
        String fill = "plan".equals(band.kind()) ? "#f5d3cf" : "#d2e2f1";
        svg.append("<g class=\"drift-band drift-band--").append(escape(band.kind())).append("\">");
        svg.append("<rect x=\"").append(num(x1)).append("\" y=\"").append(num(y + 1)).append("\" width=\"")
                .append(num(x2 - x1)).append("\" height=\"").append(size.bandHeight - 2).append("\" fill=\"")
                .append(fill).append("\"/>");
        if (size == Size.FULL) {
            svg.append("<text x=\"4\" y=\"").append(num(y + size.bandHeight - 5))
                    .append("\" font-size=\"12\" fill=\"#0b0c0c\">").append(escape(shorten(band.label())))
                    .append("</text>");
        }
        svg.append("</g>");
    }

    private void bar(StringBuilder svg, Bar bar, double y) {
        StatutoryClock clock = bar.clock();
        double barHeight = size == Size.FULL ? 12 : 5;
        double barY = y + (size.rowHeight - barHeight) / 2;
        double x1 = scale.x(clock.startedOn());
        double x2 = Math.max(x1 + 1, scale.xAfter(clock.due().date()));
        String state = switch (bar.status()) {
            case HAPPENED_LATE, OVERDUE -> "drift-late";
            case HAPPENED_IN_TIME -> "drift-in-time";
            case NOT_NEEDED -> "drift-not-needed";
            default -> "drift-open";
        };
        svg.append("<g class=\"drift-clock ").append(state).append("\" data-kind=\"").append(escape(clock.kind()))
                .append("\">");
        if (size == Size.FULL) {
            svg.append("<text x=\"4\" y=\"").append(num(y + size.rowHeight - 7))
                    .append("\" font-size=\"12\" fill=\"#0b0c0c\">").append(escape(shorten(clock.name())))
                    .append("</text>");
        }
        String fill = switch (bar.status()) {
            case NOT_NEEDED -> "#b1b4b6";
            case HAPPENED_IN_TIME -> "#85994b";
            default -> "#5694ca";
        };
        svg.append("<rect class=\"drift-span\" x=\"").append(num(x1)).append("\" y=\"").append(num(barY))
                .append("\" width=\"").append(num(x2 - x1)).append("\" height=\"").append(num(barHeight))
                .append("\" fill=\"").append(fill).append("\"/>");
        if (bar.late()) {
            LocalDate until = clock.metOn() != null ? clock.metOn() : asAt;
            double lateFrom = x2;
            double lateTo = Math.max(lateFrom + 2, scale.xAfter(until));
            svg.append("<rect class=\"drift-late-span\" x=\"").append(num(lateFrom)).append("\" y=\"")
                    .append(num(barY)).append("\" width=\"").append(num(lateTo - lateFrom)).append("\" height=\"")
                    .append(num(barHeight)).append("\" fill=\"url(#").append(idPrefix).append('-').append(LATE_HATCH)
                    .append(")\" stroke=\"#d4351c\" stroke-width=\"1\"/>");
            if (size == Size.FULL) {
                boolean roomAfter = lateTo < size.width - 60;
                svg.append("<text class=\"drift-late-label\" x=\"").append(num(roomAfter ? lateTo + 4 : lateFrom - 4))
                        .append("\" y=\"").append(num(y + size.rowHeight - 7)).append("\" font-size=\"11\"")
                        .append(" font-weight=\"bold\" fill=\"#d4351c\" text-anchor=\"")
                        .append(roomAfter ? "start" : "end").append("\">")
                        .append(bar.status() == StatutoryClock.Status.OVERDUE ? "overdue" : "late").append("</text>");
            }
        }
        if (clock.metOn() != null) {
            double cx = scale.x(clock.metOn()) + scale.dayWidth() / 2;
            double cy = barY + barHeight / 2;
            double r = size == Size.FULL ? 6 : 3;
            svg.append("<path class=\"drift-met\" d=\"M").append(num(cx)).append(' ').append(num(cy - r))
                    .append(" L").append(num(cx + r)).append(' ').append(num(cy)).append(" L").append(num(cx))
                    .append(' ').append(num(cy + r)).append(" L").append(num(cx - r)).append(' ').append(num(cy))
                    .append(" Z\" fill=\"").append(bar.late() ? "#d4351c" : "#00703c")
                    .append("\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>");
        }
        svg.append("</g>");
    }

    private static LocalDate endOf(Bar bar, LocalDate asAt) {
        LocalDate end = bar.clock().due().date();
        if (bar.clock().metOn() != null) {
            end = max(end, bar.clock().metOn());
        }
        return bar.late() ? max(end, asAt) : end;
    }

    private static String shorten(String text) {
        return text.length() <= MAX_LABEL ? text : text.substring(0, MAX_LABEL - 1).stripTrailing() + "…";
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
