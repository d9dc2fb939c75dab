package org.oversight.query.returns.ssda903;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Oversight's reviews table beside the council's: what is in one and not the other, and what differs. */
class Ssda903ReconciliationTest {

    private static final Table OURS = Ssda903Return.of(Ssda903ReturnTest.YEAR, Ssda903ReturnTest.smallAuthority())
            .reviews();

    @Test
    void theSameTableAgrees() {
        assertThat(Ssda903Reconciliation.of(OURS, Ssda903Files.csv(OURS)).agrees()).isTrue();
    }

    @Test
    void childrenReviewsAndDatesOfBirthInOneAndNotTheOtherAreListed() {
        // the council has no A100, an extra review for B200, a child Oversight does not review, and B200 born a day later
        String theirs = "CHILD,DOB,REVIEW,REVIEW_CODE\n"
                + "B200,21/02/2010,01/05/2025,PN1\n"
                + "B200,21/02/2010,\"02/11/2025\",PN1\n"
                + "Z900,01/01/2011,05/05/2025,PN6\n";

        Ssda903Reconciliation reconciliation = Ssda903Reconciliation.of(OURS, theirs);

        assertThat(reconciliation.agrees()).isFalse();
        assertThat(reconciliation.childrenOnlyInOversight()).containsExactly("A100");
        assertThat(reconciliation.childrenOnlyInFile()).containsExactly("Z900");
        assertThat(reconciliation.reviewsOnlyInOversight()).containsExactly(
                new Ssda903Reconciliation.Review("A100", "03/06/2025"),
                new Ssda903Reconciliation.Review("A100", "15/07/2025"),
                new Ssda903Reconciliation.Review("A100", "01/12/2025"));
        assertThat(reconciliation.reviewsOnlyInFile()).containsExactly(
                new Ssda903Reconciliation.Review("B200", "02/11/2025"),
                new Ssda903Reconciliation.Review("Z900", "05/05/2025"));
        assertThat(reconciliation.datesOfBirthDiffering()).containsExactly(
                new Ssda903Reconciliation.Differing("B200", "20/02/2010", "21/02/2010"));
    }

    @Test
    void aFileThatIsNoReviewsTableIsRefusedWithWhatItLacks() {
        assertThatThrownBy(() -> Ssda903Reconciliation.of(OURS, "CHILD,DECOM,RNE\nA100,01/01/2025,S\n"))
                .isInstanceOf(Ssda903Reconciliation.Unreadable.class).hasMessageContaining("CHILD, DOB and REVIEW");
        assertThatThrownBy(() -> Ssda903Reconciliation.of(OURS, ""))
                .isInstanceOf(Ssda903Reconciliation.Unreadable.class);
    }
}
