package org.oversight.deploy.platform.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oversight.deploy.platform.projections.ProjectionGrouping.TOGETHER;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which processor reads the store for a projection, from the configuration, the record and the positions held. */
class ProjectionGroupingTest {

    @Test
    void aNewStoreOrAFullRebuildReadsEveryProjectionTogether() {
        assertThat(ProjectionGrouping.decide("report", List.of(), Map.of(), Set.of())).isEqualTo(TOGETHER);
    }

    @Test
    void aProjectionSetApartIsReadOnItsOwnWhereverItWasBuilt() {
        assertThat(ProjectionGrouping.decide("report", List.of("report"), Map.of("report", TOGETHER),
                Set.of(TOGETHER))).isEqualTo("report");
    }

    @Test
    void aProjectionKeepsTheProcessorItWasBuiltBy() {
        assertThat(ProjectionGrouping.decide("report", List.of(), Map.of("report", "report"), Set.of("report")))
                .as("once replayed on its own, it stays so until the next full rebuild").isEqualTo("report");
        assertThat(ProjectionGrouping.decide("search", List.of(), Map.of("search", TOGETHER), Set.of(TOGETHER)))
                .isEqualTo(TOGETHER);
    }

    @Test
    void anUpgradedDeploymentKeepsEachProjectionsOwnPosition() {
        assertThat(ProjectionGrouping.decide("caseload", List.of(), Map.of(), Set.of("caseload", "report")))
                .isEqualTo("caseload");
    }

    @Test
    void aProjectionWithoutAPositionNeverJoinsTheOthersPartWay() {
        // the projections read together have passed events it never saw: it reads the store from the first event
        assertThat(ProjectionGrouping.decide("retention", List.of(), Map.of("caseload", TOGETHER), Set.of(TOGETHER)))
                .isEqualTo("retention");
    }
}
