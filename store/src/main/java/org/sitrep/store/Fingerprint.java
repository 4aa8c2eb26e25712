package org.sitrep.store;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;

/**
 * A MinHash signature of a text's five-word shingles: two texts' signatures agree in about the share of
 * positions that their shingle sets overlap (Jaccard similarity), so wire copies of one article, with a
 * changed dateline, headline or a dropped sentence, stay close while independent reports do not.
 * Locality-sensitive bands (three positions each) find the candidates without comparing every pair.
 */
public record Fingerprint(long[] minima) {
    static final int SIZE = 60, BAND = 3, SHINGLE = 5;

    public static Fingerprint of(String text) {
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        words = Arrays.stream(words).filter(w -> !w.isEmpty()).toArray(String[]::new);
        long[] min = new long[SIZE];
        Arrays.fill(min, Long.MAX_VALUE);
        int n = Math.max(1, words.length - SHINGLE + 1);
        for (int i = 0; i < n; i++) {
            long h = 1125899906842597L;
            for (int j = i; j < Math.min(words.length, i + SHINGLE); j++)
                h = 31 * h + words[j].hashCode() + 0x9E3779B9L;
            for (int k = 0; k < SIZE; k++) min[k] = Math.min(min[k], mix(h + k * 0x9E3779B97F4A7C15L));
        }
        return new Fingerprint(min);
    }

    /** The estimated Jaccard similarity of the two texts' shingle sets, 0 to 1. */
    public double similarity(Fingerprint o) {
        int same = 0;
        for (int k = 0; k < SIZE; k++) if (minima[k] == o.minima[k]) same++;
        return same / (double) SIZE;
    }

    /** One key per band; two texts sharing any key are candidates (found with over 90% chance at similarity 0.5). */
    public long[] bands() {
        long[] keys = new long[SIZE / BAND];
        for (int b = 0; b < keys.length; b++) {
            long h = b;
            for (int k = b * BAND; k < (b + 1) * BAND; k++) h = mix(h * 31 + minima[k]);
            keys[b] = h;
        }
        return keys;
    }

    public byte[] bytes() {
        ByteBuffer buf = ByteBuffer.allocate(SIZE * 8);
        for (long m : minima) buf.putLong(m);
        return buf.array();
    }

    public static Fingerprint of(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        long[] min = new long[SIZE];
        for (int k = 0; k < SIZE; k++) min[k] = buf.getLong();
        return new Fingerprint(min);
    }

    private static long mix(long z) { // SplitMix64's finaliser: one cheap, well-spread hash per permutation
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
