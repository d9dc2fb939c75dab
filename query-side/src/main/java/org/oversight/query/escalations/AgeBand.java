package org.oversight.query.escalations;

/**
 * How long an open escalation has been running, in working days since it was raised, banded around the
 * 20-working-day target for the whole formal process (IRO Handbook §6.2).
 */
public enum AgeBand {
    UP_TO_5("up-to-5", "Up to 5 working days", 5),
    UP_TO_10("6-to-10", "6 to 10 working days", 10),
    UP_TO_20("11-to-20", "11 to 20 working days", 20),
    OVER_20("over-20", "Over 20 working days", Integer.MAX_VALUE);

    private final String key;
    private final String title;
    private final int upTo;

    AgeBand(String key, String title, int upTo) {
        this.key = key;
        this.title = title;
        this.upTo = upTo;
    }

    public static AgeBand of(int workingDays) {
        for (AgeBand band : values()) {
            if (workingDays <= band.upTo) {
                return band;
            }
        }
        return OVER_20;
    }

    /** The band with this key, or {@code null}. */
    public static AgeBand ofKey(String key) {
        for (AgeBand band : values()) {
            if (band.key.equals(key)) {
                return band;
            }
        }
        return null;
    }

    public String key() {
        return key;
    }

    public String title() {
        return title;
    }
}
