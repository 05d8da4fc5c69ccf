package org.opensearch.aiops.detector.metric;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Per-entity scoring state of a metric detector: the last {@code history} normalised scores of the entity, oldest
 * overwritten first. {@link MetricModel#score(float[][], OnsetState)} lets a score through only when it beats every one of
 * them, so a sustained anomaly alarms once, at its onset, instead of on every point while the model has not yet absorbed it
 * (on NAB each alarm after the first in a window, and every one outside, costs). The state holds normalised scores, which
 * every refit maps to the same [0, 1) scale, so it carries over from one model of the entity to the next.
 *
 * <p>Not thread-safe: one entity's points are scored in time order, each after the previous one.
 */
public final class OnsetState {
    private final double[] ring;
    private int size;
    private int next;

    OnsetState(int history) {
        if (history < 1 || history > 100_000) {
            throw new IllegalArgumentException("onset history must be in [1, 100000], got [" + history + "]");
        }
        this.ring = new double[history];
    }

    public int history() {
        return ring.length;
    }

    /** Scores remembered so far (at most {@link #history()}). */
    public int size() {
        return size;
    }

    /** Records {@code score} and returns it, or 0 when one of the remembered scores is at least as high. */
    double gate(double score) {
        boolean onset = true;
        for (int i = 0; i < size; i++) {
            if (ring[i] >= score) {
                onset = false;
                break;
            }
        }
        ring[next] = score;
        next = (next + 1) % ring.length;
        size = Math.min(size + 1, ring.length);
        return onset ? score : 0.0;
    }

    /** Compact bytes for a checkpoint: history, then the remembered scores oldest first (4 bytes each). */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(ring.length);
            out.writeInt(size);
            for (int i = 0; i < size; i++) {
                out.writeFloat((float) ring[(next - size + i + ring.length) % ring.length]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException for bytes that are not an onset state */
    public static OnsetState fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            OnsetState state = new OnsetState(in.readInt());
            int size = in.readInt();
            if (size < 0 || size > state.ring.length) {
                throw new IOException(size + " scores for a history of " + state.ring.length);
            }
            for (int i = 0; i < size; i++) {
                state.ring[i] = in.readFloat();
            }
            state.size = size;
            state.next = size % state.ring.length;
            return state;
        } catch (IOException e) {
            throw new IllegalArgumentException("corrupt onset state: " + e.getMessage(), e);
        }
    }
}
