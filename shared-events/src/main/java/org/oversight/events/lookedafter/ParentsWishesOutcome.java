package org.oversight.events.lookedafter;

/**
 * What came of seeking the wishes and feelings of a parent or another person with parental responsibility for a
 * review. Reg 36 of SI 2010/959 asks the IRO to make sure they are ascertained and taken into account so far as
 * reasonably practicable, so "not reasonably practicable" is an answer, recorded with the rest.
 */
public enum ParentsWishesOutcome {
    ASCERTAINED("Wishes and feelings ascertained"),
    DECLINED("Did not want to give their views"),
    NOT_REASONABLY_PRACTICABLE("Not reasonably practicable to ascertain");

    private final String title;

    ParentsWishesOutcome(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
