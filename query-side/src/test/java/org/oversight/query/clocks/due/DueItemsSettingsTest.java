package org.oversight.query.clocks.due;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How many chunks the background works side by side, and how big, are bounded whatever an operator configures. */
class DueItemsSettingsTest {

    @ParameterizedTest(name = "workers {0}, chunk {1}")
    @CsvSource({"0, 250", "-1, 250", "17, 250", "4, 0", "4, 1001", "4, -5"})
    void aSettingOutOfBoundsIsRefusedAtStart(int workers, int chunk) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new DueItems(null, null, null, null, null, null, null, workers, chunk))
                .withMessageContaining(workers < 1 || workers > 16 ? "workers must be 1 to 16"
                        : "chunk must be 1 to 1000");
    }
}
