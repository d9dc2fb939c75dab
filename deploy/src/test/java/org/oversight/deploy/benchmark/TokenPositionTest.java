package org.oversight.deploy.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The rebuild is watched through stored tokens: a replaying processor is only as far as its current token. */
class TokenPositionTest {

    private static long position(String json) {
        return Benchmark.position(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aReplayTokenIsAsFarAsItsCurrentTokenNotItsResetPoint() {
        assertThat(position("{\"tokenAtReset\":{\"index\":900,\"gaps\":[]},\"currentToken\":{\"index\":12,"
                + "\"gaps\":[]}}")).isEqualTo(12);
        assertThat(position("{\"tokenAtReset\":{\"index\":900,\"gaps\":[]},\"currentToken\":null}")).isEqualTo(-1);
        assertThat(position("{\"index\":900,\"gaps\":[]}")).isEqualTo(900);
        assertThat(Benchmark.position(null)).isEqualTo(-1);
    }
}
