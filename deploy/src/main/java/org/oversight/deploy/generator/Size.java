package org.oversight.deploy.generator;

import java.util.Locale;

/**
 * The named data-set sizes. "Open" counts are the children with a plan or a period of care open on the
 * generation's today; besides them the generator writes children whose plans or periods closed earlier in the
 * history window, so that timeliness, repeat plans and closed escalations have a past to show.
 *
 * @param authorities     local authorities
 * @param lookedAfterOpen children looked after on the day
 * @param protectionOpen  children on a child protection plan on the day
 * @param closedShare     closed histories per open one
 * @param years           length of the history window
 * @param caseload        children per chair (the chair count follows from it)
 */
public record Size(String name, int authorities, int lookedAfterOpen, int protectionOpen, double closedShare,
        int years, int caseload) {

    public static final Size DEMO = new Size("demo", 2, 24, 14, 0.5, 2, 8);
    public static final Size LA = new Size("la", 1, 1_200, 700, 0.6, 10, 68);
    public static final Size NATIONAL = new Size("national", 150, 84_000, 50_000, 0.4, 5, 68);

    public static Size named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "demo" -> DEMO;
            case "la" -> LA;
            case "national" -> NATIONAL;
            default -> throw new IllegalArgumentException("Unknown size " + name + ": use demo, la or national");
        };
    }

    /** Every child the generator writes: the open ones and the closed histories. */
    public int children() {
        return lookedAfterOpen + protectionOpen + closedChildren();
    }

    int closedChildren() {
        return (int) Math.round((lookedAfterOpen + protectionOpen) * closedShare);
    }

    /** Chairs across the service: enough for the open children at the caseload, at least two per authority. */
    public int chairs() {
        return Math.max(2 * authorities, (lookedAfterOpen + protectionOpen + caseload - 1) / caseload);
    }

    /** The same shape with a different number of open children (the benchmark's scaled-down runs). */
    public Size scaled(double factor) {
        return new Size(name + "x" + factor, authorities, (int) Math.max(1, lookedAfterOpen * factor),
                (int) Math.max(1, protectionOpen * factor), closedShare, years, caseload);
    }
}
