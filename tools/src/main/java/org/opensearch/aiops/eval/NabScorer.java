/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The Numenta Anomaly Benchmark's scoring, as NAB 1.1 does it (nab/sweeper.py, optimizer.py,
 * runner.py normalize):
 *
 * <ul>
 *   <li>each row gets a sweep score: inside an anomaly window {@code S(-(end - i + 1) / width) *
 *       tpWeight / S(-1)}, so the first row of a window earns the full tpWeight and the last almost
 *       nothing; outside, {@code S(|prevEnd - i| / (prevWidth - 1)) * fpWeight}, where S is the
 *       scaled sigmoid {@code 2 / (1 + e^(5x)) - 1} (and -1 from x = 3 on) and a row before any
 *       window counts as x = 3;
 *   <li>rows of the probationary period ({@code min(floor(0.15 n), 750)} rows) are left out;
 *   <li>a window scores the best sweep score of its detected rows (so only the earliest detection
 *       counts), or -fnWeight if none; every detected row outside windows adds its (negative) sweep
 *       score;
 *   <li>one threshold per profile is chosen over all files together, by sweeping every distinct
 *       anomaly score from the highest down (a row is detected when its score is at least the
 *       threshold);
 *   <li>the corpus total is normalised to {@code 100 * (raw - null) / (perfect - null)}, where null
 *       is the same procedure run on all-zero scores and perfect is the number of windows times
 *       tpWeight.
 * </ul>
 *
 * One deliberate difference: NAB divides by zero for a window of one row followed by a false
 * positive; here that width counts as 2.
 */
public final class NabScorer {

    /** NAB's application profiles (config/profiles.json). */
    public record Profile(String name, double tpWeight, double fpWeight, double fnWeight) {
        public static final Profile STANDARD = new Profile("standard", 1.0, 0.11, 1.0);
        public static final Profile LOW_FP = new Profile("reward_low_FP_rate", 1.0, 0.22, 1.0);
        public static final Profile LOW_FN = new Profile("reward_low_FN_rate", 1.0, 0.11, 2.0);
        public static final List<Profile> ALL = List.of(STANDARD, LOW_FP, LOW_FN);
    }

    /**
     * One labelled file.
     *
     * @param windows anomaly windows as inclusive row ranges {@code {first, last}}, in time order
     */
    public record LabelledFile(String name, int length, List<int[]> windows) {}

    /** Score at one threshold, with NAB's row counts. */
    public record ThresholdScore(double threshold, double score, int tp, int tn, int fp, int fn) {}

    /** A profile's result: the optimised threshold, the raw total and its normalised value. */
    public record ProfileResult(
            Profile profile,
            double threshold,
            double raw,
            double nullRaw,
            double perfect,
            double normalised) {}

    static final int PROBATIONARY = -2;
    static final int NO_WINDOW = -1;

    private NabScorer() {}

    public static int probationaryLength(int rows) {
        return (int) Math.min(Math.floor(0.15 * rows), 0.15 * 5000);
    }

    public static double scaledSigmoid(double position) {
        if (position >= 3.0) {
            return -1.0;
        }
        return 2.0 / (1.0 + Math.exp(5.0 * position)) - 1.0;
    }

    /** Per-row sweep scores and window ids (-1 outside windows, -2 probationary) of one file. */
    record SweptFile(
            LabelledFile file, double[] anomalyScores, double[] sweepScores, int[] windowIds) {}

    static SweptFile sweep(LabelledFile file, double[] anomalyScores, Profile profile) {
        if (anomalyScores.length != file.length()) {
            throw new IllegalArgumentException(
                    file.name()
                            + ": "
                            + anomalyScores.length
                            + " scores for "
                            + file.length()
                            + " rows");
        }
        int n = file.length();
        double maxTp = scaledSigmoid(-1.0);
        int probation = probationaryLength(n);
        double[] sweep = new double[n];
        int[] ids = new int[n];
        int next = 0; // next window to enter
        int prevEnd = -1;
        int prevWidth = 0;
        for (int i = 0; i < n; i++) {
            int current = -1;
            if (next < file.windows().size() && i >= file.windows().get(next)[0]) {
                int[] w = file.windows().get(next);
                if (i <= w[1]) {
                    current = next;
                }
            }
            if (current >= 0) {
                int[] w = file.windows().get(current);
                double width = w[1] - w[0] + 1;
                sweep[i] = scaledSigmoid(-(w[1] - i + 1) / width) * profile.tpWeight() / maxTp;
                if (i == w[1]) {
                    prevEnd = w[1];
                    prevWidth = (int) width;
                    next++;
                }
            } else {
                double position =
                        prevEnd < 0
                                ? 3.0
                                : Math.abs(prevEnd - i) / (double) Math.max(1, prevWidth - 1);
                sweep[i] = scaledSigmoid(position) * profile.fpWeight();
            }
            ids[i] = i < probation ? PROBATIONARY : current;
        }
        return new SweptFile(file, anomalyScores, sweep, ids);
    }

    /**
     * NAB's calcScoreByThreshold over the rows of all files: one entry per distinct score, from 1.1
     * (nothing detected) down.
     */
    static List<ThresholdScore> scoresByThreshold(List<SweptFile> files, Profile profile) {
        int total = 0;
        for (SweptFile f : files) {
            for (int id : f.windowIds()) {
                total += id == PROBATIONARY ? 0 : 1;
            }
        }
        double[] scores = new double[total];
        double[] sweeps = new double[total];
        int[] windowKeys = new int[total]; // -1: outside windows, else a corpus-wide window number
        int row = 0;
        int windowBase = 0;
        int[] windowOffsets = new int[files.size()];
        for (int fi = 0; fi < files.size(); fi++) {
            SweptFile f = files.get(fi);
            windowOffsets[fi] = windowBase;
            for (int i = 0; i < f.windowIds().length; i++) {
                if (f.windowIds()[i] == PROBATIONARY) {
                    continue;
                }
                scores[row] = f.anomalyScores()[i];
                sweeps[row] = f.sweepScores()[i];
                windowKeys[row] = f.windowIds()[i] < 0 ? -1 : windowBase + f.windowIds()[i];
                row++;
            }
            windowBase += f.file().windows().size();
        }
        // Windows with at least one scorable row start at -fnWeight; the others do not count at
        // all, as in NAB.
        double[] windowPart = new double[windowBase];
        boolean[] scorable = new boolean[windowBase];
        for (int r = 0; r < total; r++) {
            if (windowKeys[r] >= 0) {
                scorable[windowKeys[r]] = true;
            }
        }
        double windowSum = 0;
        int tn = 0;
        int fn = 0;
        for (int w = 0; w < windowBase; w++) {
            if (scorable[w]) {
                windowPart[w] = -profile.fnWeight();
                windowSum += windowPart[w];
            }
        }
        for (int r = 0; r < total; r++) {
            if (windowKeys[r] < 0) {
                tn++;
            } else {
                fn++;
            }
        }
        // Highest score first; Java's sort of boxed indices is stable like Python's sorted.
        Integer[] order = new Integer[total];
        for (int r = 0; r < total; r++) {
            order[r] = r;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer r) -> scores[r]).reversed());
        List<ThresholdScore> out = new ArrayList<>();
        double fpPart = 0;
        int tp = 0;
        int fp = 0;
        double threshold = 1.1;
        for (int idx = 0; idx < total; idx++) {
            int r = order[idx];
            if (scores[r] != threshold) {
                out.add(new ThresholdScore(threshold, fpPart + windowSum, tp, tn, fp, fn));
                threshold = scores[r];
            }
            if (windowKeys[r] < 0) {
                fp++;
                tn--;
                fpPart += sweeps[r];
            } else {
                tp++;
                fn--;
                int w = windowKeys[r];
                if (sweeps[r] > windowPart[w]) {
                    windowSum += sweeps[r] - windowPart[w];
                    windowPart[w] = sweeps[r];
                }
            }
        }
        out.add(new ThresholdScore(threshold, fpPart + windowSum, tp, tn, fp, fn));
        return out;
    }

    /**
     * The best threshold over all files (ties: the higher threshold, as NAB's stable sort keeps
     * it).
     */
    static ThresholdScore optimise(List<SweptFile> files, Profile profile) {
        ThresholdScore best = null;
        for (ThresholdScore s : scoresByThreshold(files, profile)) {
            if (best == null || s.score() > best.score()) {
                best = s;
            }
        }
        return best;
    }

    /** One file's score at a threshold: rows with a score at least the threshold are detections. */
    static ThresholdScore scoreFile(SweptFile f, double threshold, Profile profile) {
        int windows = f.file().windows().size();
        double[] best = new double[windows];
        boolean[] scorable = new boolean[windows];
        Arrays.fill(best, -profile.fnWeight());
        double fpPart = 0;
        int tp = 0, tn = 0, fp = 0, fn = 0;
        for (int i = 0; i < f.windowIds().length; i++) {
            int id = f.windowIds()[i];
            if (id == PROBATIONARY) {
                continue;
            }
            boolean detected = f.anomalyScores()[i] >= threshold;
            if (id >= 0) {
                scorable[id] = true;
                if (detected) {
                    tp++;
                    best[id] = Math.max(best[id], f.sweepScores()[i]);
                } else {
                    fn++;
                }
            } else if (detected) {
                fp++;
                fpPart += f.sweepScores()[i];
            } else {
                tn++;
            }
        }
        double score = fpPart;
        for (int w = 0; w < windows; w++) {
            if (scorable[w]) {
                score += best[w];
            }
        }
        return new ThresholdScore(threshold, score, tp, tn, fp, fn);
    }

    /**
     * Optimises the threshold of {@code profile} over all files, scores each file at it and
     * normalises the total.
     *
     * @param perFile receives each file's score at the chosen threshold, in the order of {@code
     *     files} (may be null)
     */
    public static ProfileResult evaluate(
            List<LabelledFile> files,
            List<double[]> scores,
            Profile profile,
            List<ThresholdScore> perFile) {
        List<SweptFile> swept = new ArrayList<>();
        List<SweptFile> nulls = new ArrayList<>();
        int windows = 0;
        for (int i = 0; i < files.size(); i++) {
            swept.add(sweep(files.get(i), scores.get(i), profile));
            nulls.add(sweep(files.get(i), new double[files.get(i).length()], profile));
            windows += files.get(i).windows().size();
        }
        double threshold = optimise(swept, profile).threshold();
        double raw = 0;
        for (SweptFile f : swept) {
            ThresholdScore s = scoreFile(f, threshold, profile);
            raw += s.score();
            if (perFile != null) {
                perFile.add(s);
            }
        }
        double nullThreshold = optimise(nulls, profile).threshold();
        double nullRaw = 0;
        for (SweptFile f : nulls) {
            nullRaw += scoreFile(f, nullThreshold, profile).score();
        }
        double perfect = windows * profile.tpWeight();
        double normalised = perfect == nullRaw ? 0 : 100.0 * (raw - nullRaw) / (perfect - nullRaw);
        return new ProfileResult(profile, threshold, raw, nullRaw, perfect, normalised);
    }
}
