package org.oversight.deploy.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** A data key is stored only wrapped, bound to its id; content under it opens only unaltered and in its place. */
class KeyEncryptionKeyTest {

    private final KeyEncryptionKey wrapping = new KeyEncryptionKey(new byte[32]);

    @Test
    void aWrappedKeyUnwrapsUnderItsOwnIdAndNoOther() {
        SecretKey dataKey = KeyEncryptionKey.newDataKey();
        byte[] wrapped = wrapping.wrap("child-1", dataKey);

        assertThat(new String(wrapped, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(dataKey.getEncoded(), StandardCharsets.ISO_8859_1));
        assertThat(wrapping.unwrap("child-1", wrapped).getEncoded()).isEqualTo(dataKey.getEncoded());
        assertThatThrownBy(() -> wrapping.unwrap("child-2", wrapped)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new KeyEncryptionKey(new byte[32]).unwrap("child-1",
                new KeyEncryptionKey(filled(7)).wrap("child-1", dataKey))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void contentOpensOnlyUnalteredAndForTheFieldItWasSealedFor() {
        SecretKey dataKey = KeyEncryptionKey.newDataKey();
        byte[] field = "child-1\ngivenName".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = KeyEncryptionKey.seal(dataKey, "\"Ada\"".getBytes(StandardCharsets.UTF_8), field);

        assertThat(new String(KeyEncryptionKey.open(dataKey, sealed, field), StandardCharsets.UTF_8))
                .isEqualTo("\"Ada\"");
        byte[] altered = Arrays.copyOf(sealed, sealed.length);
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> KeyEncryptionKey.open(dataKey, altered, field))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("Ada");
        assertThatThrownBy(() -> KeyEncryptionKey.open(dataKey, sealed,
                "child-1\nfamilyName".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalStateException.class);
        // cut short, down to less than a nonce and a tag, or never sealed: refused the same way
        for (byte[] cut : new byte[][] {Arrays.copyOf(sealed, 27), Arrays.copyOf(sealed, 5), new byte[0],
                "{\"x\":1}".getBytes(StandardCharsets.UTF_8)}) {
            assertThatThrownBy(() -> KeyEncryptionKey.open(dataKey, cut, field))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void twoSealsOfTheSameContentDifferSoNothingCanBeMatchedAcrossRows() {
        SecretKey dataKey = KeyEncryptionKey.newDataKey();
        byte[] plain = "\"Ada\"".getBytes(StandardCharsets.UTF_8);
        byte[] field = "f".getBytes(StandardCharsets.UTF_8);

        assertThat(KeyEncryptionKey.seal(dataKey, plain, field))
                .isNotEqualTo(KeyEncryptionKey.seal(dataKey, plain, field));
    }

    @Test
    void aRefusedOpeningLeavesTheThreadSealingAndOpeningAsBefore() {
        SecretKey dataKey = KeyEncryptionKey.newDataKey();
        byte[] plain = "\"Ada\"".getBytes(StandardCharsets.UTF_8);
        byte[] field = "child-1\ngivenName".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = KeyEncryptionKey.seal(dataKey, plain, field);
        byte[] altered = Arrays.copyOf(sealed, sealed.length);
        altered[KeyEncryptionKey.IV_BYTES] ^= 1;

        for (int round = 0; round < 3; round++) {
            assertThatThrownBy(() -> KeyEncryptionKey.open(dataKey, altered, field))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(KeyEncryptionKey.open(dataKey, sealed, field)).isEqualTo(plain);
            byte[] again = KeyEncryptionKey.seal(dataKey, plain, field);
            assertThat(again).isNotEqualTo(sealed);
            assertThat(KeyEncryptionKey.open(dataKey, again, field)).isEqualTo(plain);
            assertThat(wrapping.unwrap("child-1", wrapping.wrap("child-1", dataKey)).getEncoded())
                    .isEqualTo(dataKey.getEncoded());
        }
    }

    @Test
    void threadsSealingAndOpeningAtOnceEachGetTheirOwnContentBack() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> opened = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                opened.add(threads.submit(() -> {
                    SecretKey dataKey = KeyEncryptionKey.newDataKey();
                    int matched = 0;
                    for (int i = 0; i < 2_000; i++) {
                        byte[] plain = ("thread " + thread + " content " + i).getBytes(StandardCharsets.UTF_8);
                        byte[] field = ("child-" + thread).getBytes(StandardCharsets.UTF_8);
                        if (Arrays.equals(plain, KeyEncryptionKey.open(dataKey,
                                KeyEncryptionKey.seal(dataKey, plain, field), field))) {
                            matched++;
                        }
                    }
                    return matched;
                }));
            }
            for (Future<Integer> each : opened) {
                assertThat(each.get(60, TimeUnit.SECONDS)).isEqualTo(2_000);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void onlyAnAes256KeyWrapsDataKeys() {
        assertThatThrownBy(() -> new KeyEncryptionKey(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] filled(int value) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
