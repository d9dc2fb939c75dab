package org.oversight.events.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oversight.events.audit.EventChainHash.StoredEvent;

class EventChainHashTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private final EventChainHash chain = new EventChainHash(KEY);

    private static StoredEvent event(long global, long sequence, String payload) {
        return new StoredEvent(global, "child-1", sequence, "e" + sequence, "ChildRegistered", null,
                "2026-03-03T09:12:00Z", payload.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSameEventAfterTheSameSealSealsTheSame() {
        byte[] first = chain.seal(EventChainHash.GENESIS, event(1, 0, "{\"a\":1}"));
        assertThat(EventChainHash.same(first, chain.seal(EventChainHash.GENESIS, event(1, 0, "{\"a\":1}")))).isTrue();
        assertThat(first).hasSize(32);
    }

    @Test
    void changingAnyStoredByteOrThePreviousSealChangesTheSeal() {
        byte[] original = chain.seal(EventChainHash.GENESIS, event(1, 0, "{\"a\":1}"));

        assertThat(chain.seal(EventChainHash.GENESIS, event(1, 0, "{\"a\":2}"))).isNotEqualTo(original);
        assertThat(chain.seal(EventChainHash.GENESIS, event(2, 0, "{\"a\":1}"))).as("moved in the store").isNotEqualTo(original);
        assertThat(chain.seal(EventChainHash.GENESIS, event(1, 1, "{\"a\":1}"))).isNotEqualTo(original);
        byte[] other = Arrays.copyOf(EventChainHash.GENESIS, 32);
        other[0] = 1;
        assertThat(chain.seal(other, event(1, 0, "{\"a\":1}"))).isNotEqualTo(original);
    }

    @Test
    void anotherKeyCannotReproduceTheSeal() {
        byte[] otherKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);
        assertThat(new EventChainHash(otherKey).seal(EventChainHash.GENESIS, event(1, 0, "{}")))
                .isNotEqualTo(chain.seal(EventChainHash.GENESIS, event(1, 0, "{}")));
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new EventChainHash(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRecordOfAnotherKindSealsByEveryFieldAndItsKindAndItsPlaceInTheChain() {
        byte[] read = chain.seal(EventChainHash.GENESIS, "read-log", "1", "2026-03-03T09:12:00Z", "qa.evans", null);

        assertThat(EventChainHash.same(read, chain.seal(EventChainHash.GENESIS, "read-log", "1",
                "2026-03-03T09:12:00Z", "qa.evans", null))).isTrue();
        assertThat(chain.seal(EventChainHash.GENESIS, "read-log", "1", "2026-03-03T09:12:00Z", "qa.evan", null))
                .isNotEqualTo(read);
        assertThat(chain.seal(EventChainHash.GENESIS, "read-log", "1", "2026-03-03T09:12:00Z", "qa.evans", ""))
                .as("a reason given as empty is not a reason not given").isNotEqualTo(read);
        assertThat(chain.seal(EventChainHash.GENESIS, "other-log", "1", "2026-03-03T09:12:00Z", "qa.evans", null))
                .isNotEqualTo(read);
        assertThat(chain.seal(read, "read-log", "1", "2026-03-03T09:12:00Z", "qa.evans", null)).isNotEqualTo(read);
    }

    @Test
    void aRotatedChainMakesNewSealsUnderTheNewKeyAndChecksOldSealsUnderTheirOwn() {
        byte[] newKey = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);
        EventChainHash rotated = new EventChainHash("2026-12", newKey, Map.of(EventChainHash.FIRST_KEY_ID, KEY));
        byte[] oldSeal = chain.seal(EventChainHash.GENESIS, event(1, 0, "{}"));

        assertThat(rotated.currentKeyId()).isEqualTo("2026-12");
        assertThat(rotated.holds(EventChainHash.FIRST_KEY_ID)).isTrue();
        assertThat(rotated.sealUnder(EventChainHash.FIRST_KEY_ID, EventChainHash.GENESIS, event(1, 0, "{}")))
                .isEqualTo(oldSeal);
        // the next seal covers the old seal's bytes, under the new key
        byte[] next = rotated.seal(oldSeal, event(2, 1, "{}"));
        assertThat(next).isEqualTo(new EventChainHash("2026-12", newKey, Map.of()).seal(oldSeal, event(2, 1, "{}")))
                .isNotEqualTo(chain.seal(oldSeal, event(2, 1, "{}")));
    }

    @Test
    void aSealUnderAKeyNotHeldCannotBeChecked() {
        assertThat(chain.holds("2")).isFalse();
        assertThatThrownBy(() -> chain.sealUnder("2", EventChainHash.GENESIS, event(1, 0, "{}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("2");
    }

    @Test
    void earlierKeysAreReadAsIdAndBase64PairsAndBadOnesAreRefused() {
        String base64 = Base64.getEncoder().encodeToString(KEY);
        assertThat(EventChainHash.previousKeys(" 1:" + base64 + " , old_2:" + base64)).containsOnlyKeys("1", "old_2");
        assertThat(EventChainHash.previousKeys("  ")).isEmpty();
        assertThatThrownBy(() -> EventChainHash.previousKeys(base64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventChainHash.previousKeys("1:" + base64 + ",1:" + base64))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventChainHash.previousKeys("bad id:" + base64))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventChainHash("x".repeat(33), KEY, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventChainHash("2", KEY, Map.of("2", KEY)))
                .as("an earlier key under the current id").isInstanceOf(IllegalArgumentException.class);
    }
}
