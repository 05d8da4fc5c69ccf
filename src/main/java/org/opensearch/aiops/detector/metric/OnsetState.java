/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.metric;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Per-entity scoring state of a metric detector, so that one anomalous episode alarms once, at its
 * start. On NAB each alarm after the first in a window is worth nothing and each one outside a
 * window costs; an operator wants the same. Two rules, both free of any threshold:
 *
 * <ul>
 *   <li><b>onset</b>: a score counts only when it beats every one of the entity's previous {@code
 *       history} scores, so a sustained anomaly does not alarm again on every point until a refit
 *       absorbs it;
 *   <li><b>peak</b>: while such new highs keep rising point after point (a spike entering the
 *       window raises the score on each of the window's points), only the last of the rise counts,
 *       reported one point late, when the score stops rising; a rise that lasts {@code maxRise}
 *       points counts at its {@code maxRise}-th, so the delay stays bounded.
 * </ul>
 *
 * So the score {@link MetricModel#score(float[][], OnsetState)} returns for point t is the
 * normalised score of point t - 1 when t - 1 ended (or capped) a rise of new highs, else 0. The
 * state holds normalised scores, which every refit maps to the same [0, 1) scale, so it carries
 * over from one model of the entity to the next.
 *
 * <p>Not thread-safe: one entity's points are scored in time order, each after the previous one.
 */
public final class OnsetState {
    private final double[] ring; // the scores before the pending one
    private final int maxRise;
    private int size;
    private int next;
    private boolean hasPending;
    private double pending; // the previous point's score
    private boolean pendingNew; // it beat every score in the ring
    private int rise; // consecutive new highs, each above the one before, up to the pending one
    private boolean fired; // the current rise already counted (at maxRise)

    OnsetState(int history, int maxRise) {
        if (history < 1 || history > 100_000) {
            throw new IllegalArgumentException(
                    "onset history must be in [1, 100000], got [" + history + "]");
        }
        if (maxRise < 1 || maxRise > 100_000) {
            throw new IllegalArgumentException(
                    "onset max rise must be in [1, 100000], got [" + maxRise + "]");
        }
        this.ring = new double[history];
        this.maxRise = maxRise;
    }

    public int history() {
        return ring.length;
    }

    public int maxRise() {
        return maxRise;
    }

    /** Scores remembered so far (at most {@link #history()}, the current point's not included). */
    public int size() {
        return size;
    }

    /**
     * Takes point t's score and returns what counts at t: point t - 1's score when it ended a rise
     * of new highs, else 0.
     */
    double gate(double score) {
        double out = 0.0;
        if (hasPending) {
            if (pendingNew && score > pending) {
                rise++;
                if (rise >= maxRise && fired == false) {
                    out = pending;
                    fired = true;
                }
            } else {
                if (pendingNew && fired == false) {
                    out = pending;
                }
                rise = 0;
                fired = false;
            }
            ring[next] = pending;
            next = (next + 1) % ring.length;
            size = Math.min(size + 1, ring.length);
        }
        boolean beats = true;
        for (int i = 0; i < size; i++) {
            if (ring[i] >= score) {
                beats = false;
                break;
            }
        }
        pending = score;
        pendingNew = beats && score > 0;
        hasPending = true;
        return out;
    }

    /**
     * Compact bytes for a checkpoint: history, max rise, the remembered scores oldest first (4
     * bytes each), the pending point.
     */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(ring.length);
            out.writeInt(maxRise);
            out.writeInt(size);
            for (int i = 0; i < size; i++) {
                out.writeFloat((float) ring[(next - size + i + ring.length) % ring.length]);
            }
            out.writeBoolean(hasPending);
            out.writeDouble(pending);
            out.writeBoolean(pendingNew);
            out.writeInt(rise);
            out.writeBoolean(fired);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * @throws IllegalArgumentException for bytes that are not an onset state
     */
    public static OnsetState fromBytes(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            OnsetState state = new OnsetState(in.readInt(), in.readInt());
            int size = in.readInt();
            if (size < 0 || size > state.ring.length) {
                throw new IOException(size + " scores for a history of " + state.ring.length);
            }
            for (int i = 0; i < size; i++) {
                state.ring[i] = in.readFloat();
            }
            state.size = size;
            state.next = size % state.ring.length;
            state.hasPending = in.readBoolean();
            state.pending = in.readDouble();
            state.pendingNew = in.readBoolean();
            state.rise = in.readInt();
            state.fired = in.readBoolean();
            return state;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("corrupt onset state: " + e.getMessage(), e);
        }
    }
}
