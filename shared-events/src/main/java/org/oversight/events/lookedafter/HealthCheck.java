package org.oversight.events.lookedafter;

/**
 * The health checks of a looked-after child the IRO monitors between reviews. Regulation 7 of the Care Planning,
 * Placement and Case Review (England) Regulations 2010 (SI 2010/959) requires the first two; the routine dental
 * check is part of the health plan (Schedule 1, paragraph 1(4)(a): "routine checks of C's general state of health,
 * including dental health"), at an interval the regulations leave to the authority.
 */
public enum HealthCheck {
    /** Reg 7(1): by a registered medical practitioner, before the first placement or at latest the first review. */
    INITIAL_HEALTH_ASSESSMENT("Initial health assessment"),
    /** Reg 7(3): at least once in every six months before the 5th birthday and every 12 months after it. */
    REVIEW_HEALTH_ASSESSMENT("Review health assessment"),
    /** Schedule 1, paragraph 1(4)(a); its interval is the authority's own timescale. */
    DENTAL_CHECK("Dental check");

    private final String title;

    HealthCheck(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
