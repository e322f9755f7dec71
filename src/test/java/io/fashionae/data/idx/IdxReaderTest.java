package io.fashionae.data.idx;

import static io.fashionae.testing.IdxFixtures.idx;
import static io.fashionae.testing.IdxFixtures.imagesPayload;
import static io.fashionae.testing.IdxFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    private final IdxReader reader = IdxReader.withDefaultLimit();

    @Test
    void readsRawAndGzippedFilesToTheSameContentAndHash(@TempDir Path dir) throws Exception {
        byte[] content = idx(new int[] {3, 28, 28}, imagesPayload(3));
        IdxArray raw = reader.read(write(dir.resolve("a-images"), content), 3);
        IdxArray gz = reader.read(write(dir.resolve("b-images.gz"), content), 3);
        assertThat(raw.dims()).containsExactly(3, 28, 28);
        assertThat(raw.data()).isEqualTo(imagesPayload(3));
        assertThat(gz.data()).isEqualTo(raw.data());
        String sha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        assertThat(raw.sha256()).isEqualTo(sha);
        assertThat(gz.sha256()).isEqualTo(sha);
    }

    @Test
    void rejectsAWrongMagicNumber(@TempDir Path dir) throws IOException {
        Path f = write(dir.resolve("x"), new byte[] {1, 2, 3, 4, 0, 0, 0, 1, 5});
        assertThatThrownBy(() -> reader.read(f, 1))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("not an IDX file")
                .hasMessageContaining(f.toString());
    }

    @Test
    void rejectsANonByteDataType(@TempDir Path dir) throws IOException {
        Path f = write(dir.resolve("x"), new byte[] {0, 0, 0x0D, 1, 0, 0, 0, 1, 5});
        assertThatThrownBy(() -> reader.read(f, 1)).hasMessageContaining("0x0d");
    }

    @Test
    void rejectsSwappedFiles(@TempDir Path dir) throws IOException {
        Path labels = write(dir.resolve("labels"), idx(new int[] {2}, new byte[] {1, 2}));
        assertThatThrownBy(() -> reader.read(labels, 3)).hasMessageContaining("swapped");
    }

    @Test
    void rejectsATruncatedPayload(@TempDir Path dir) throws IOException {
        byte[] content = idx(new int[] {2, 28, 28}, imagesPayload(2));
        Path f = write(dir.resolve("t.gz"), Arrays.copyOf(content, content.length - 10));
        assertThatThrownBy(() -> reader.read(f, 3)).hasMessageContaining("truncated");
    }

    @Test
    void rejectsATruncatedHeader(@TempDir Path dir) throws IOException {
        Path f = write(dir.resolve("t"), new byte[] {0, 0, 8, 3, 0, 0});
        assertThatThrownBy(() -> reader.read(f, 3)).hasMessageContaining("truncated");
    }

    @Test
    void rejectsAGzipThatExpandsBeyondTheDeclaredSize(@TempDir Path dir) throws IOException {
        byte[] content = idx(new int[] {1, 28, 28}, imagesPayload(2));
        Path f = write(dir.resolve("long.gz"), content);
        assertThatThrownBy(() -> reader.read(f, 3)).hasMessageContaining("longer than its header declares");
    }

    @Test
    void refusesAbsurdDeclaredSizesBeforeAllocating(@TempDir Path dir) throws IOException {
        Path f = write(dir.resolve("huge"), idx(new int[] {Integer.MAX_VALUE, 28, 28}, new byte[10]));
        assertThatThrownBy(() -> reader.read(f, 3)).hasMessageContaining("header declares more than");
    }

    @Test
    void rejectsZeroAndNegativeDimensions(@TempDir Path dir) throws IOException {
        Path zero = write(dir.resolve("zero"), idx(new int[] {0}, new byte[0]));
        Path negative = write(dir.resolve("neg"), idx(new int[] {-1}, new byte[0]));
        assertThatThrownBy(() -> reader.read(zero, 1)).hasMessageContaining("positive");
        assertThatThrownBy(() -> reader.read(negative, 1)).hasMessageContaining("4294967295");
    }

    @Test
    void rejectsCorruptGzipData(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(idx(new int[] {2, 28, 28}, imagesPayload(2)));
        }
        byte[] corrupt = bytes.toByteArray();
        for (int i = 20; i < 40; i++) {
            corrupt[i] ^= 0x5a;
        }
        Path f = write(dir.resolve("corrupt"), corrupt);
        assertThatThrownBy(() -> reader.read(f, 3)).isInstanceOf(IdxFormatException.class);
    }

    @Test
    void reportsAMissingFileAsSuch(@TempDir Path dir) {
        assertThatThrownBy(() -> reader.read(dir.resolve("nope"), 3)).hasMessageContaining("file not found");
    }

    @Test
    void rejectsAnEmptyFile(@TempDir Path dir) throws IOException {
        Path f = write(dir.resolve("empty"), new byte[0]);
        assertThatThrownBy(() -> reader.read(f, 3)).hasMessageContaining("empty");
    }

    /** Reads {@code bytes} as raw or (when they are gzip) compressed IDX; only our own error may escape. */
    private void readOnlyFailsWithOurError(byte[] bytes, int dims) {
        try {
            reader.read(new ByteArrayInputStream(bytes), "fuzz", dims);
        } catch (IdxFormatException expected) {
            // the one error type allowed
        } catch (Throwable t) {
            throw new AssertionError(
                    "bytes " + HexFormat.of().formatHex(Arrays.copyOf(bytes, Math.min(bytes.length, 24)))
                            + "... raised " + t,
                    t);
        }
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    @Test
    void fuzzedBytesHeadersAndGzipsOnlyEverRaiseOurOwnError() throws IOException {
        // Huge declared sizes are in the mix: the reader must refuse them before allocating.
        Random rng = new Random(20261129);
        for (int i = 0; i < 3000; i++) {
            byte[] junk = new byte[rng.nextInt(80)];
            rng.nextBytes(junk);
            if (junk.length > 3 && rng.nextBoolean()) {
                // A valid magic, so the fuzz reaches the dimensions and the payload.
                junk[0] = 0;
                junk[1] = 0;
                junk[2] = 8;
                junk[3] = (byte) rng.nextInt(5);
            }
            readOnlyFailsWithOurError(junk, 1 + rng.nextInt(3));
            readOnlyFailsWithOurError(gzip(junk), 1 + rng.nextInt(3));
        }
        byte[] valid = idx(new int[] {3, 28, 28}, imagesPayload(3));
        byte[] validGz = gzip(valid);
        for (int cut = 0; cut < valid.length; cut += 7) {
            readOnlyFailsWithOurError(Arrays.copyOf(valid, cut), 3);
        }
        for (int cut = 0; cut < validGz.length; cut++) {
            readOnlyFailsWithOurError(Arrays.copyOf(validGz, cut), 3);
        }
        for (int i = 0; i < 500; i++) {
            byte[] flipped = validGz.clone();
            flipped[rng.nextInt(flipped.length)] ^= (byte) (1 + rng.nextInt(255));
            readOnlyFailsWithOurError(flipped, 3);
        }
        for (int dim : new int[] {Integer.MAX_VALUE, -1, 0x7FFF_FFFF / 28, 1 << 20}) {
            readOnlyFailsWithOurError(gzip(idx(new int[] {dim, 28, 28}, new byte[64])), 3);
            readOnlyFailsWithOurError(idx(new int[] {dim, dim, dim}, new byte[64]), 3);
        }
    }
}
