/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Log parsing accuracy of one labelled dataset. GA (He et al., ICSE-SEIP 2019): a line is right iff
 * its parsed group holds exactly the lines of its true group. PA: share of lines whose template
 * equals the truth after {@link #normaliseTemplate}. FGA (Khan et al., ICSE 2022): F1 of groups, a
 * parsed group being right iff its line set equals a true group's.
 */
public record ParsingAccuracy(
        double ga, double pa, double fga, int parsedGroups, int trueGroups, int lines) {

    /**
     * Labels are group keys per line (parsed template id, true template); templates are compared
     * for PA.
     */
    public static ParsingAccuracy of(
            List<String> parsedGroup,
            List<String> trueGroup,
            List<String> parsedTemplate,
            List<String> trueTemplate) {
        int n = parsedGroup.size();
        if (trueGroup.size() != n || parsedTemplate.size() != n || trueTemplate.size() != n) {
            throw new IllegalArgumentException("all columns must have one entry per line");
        }
        Map<String, BitSet> parsed = groups(parsedGroup);
        Map<String, BitSet> truth = groups(trueGroup);
        int correctLines = 0;
        int correctGroups = 0;
        for (BitSet lines : parsed.values()) {
            BitSet same = truth.get(trueGroup.get(lines.nextSetBit(0)));
            if (same.equals(lines)) {
                correctLines += lines.cardinality();
                correctGroups++;
            }
        }
        int exact = 0;
        Map<String, String> normalised = new HashMap<>();
        for (int i = 0; i < n; i++) {
            String p =
                    normalised.computeIfAbsent(
                            parsedTemplate.get(i), ParsingAccuracy::normaliseTemplate);
            String t =
                    normalised.computeIfAbsent(
                            trueTemplate.get(i), ParsingAccuracy::normaliseTemplate);
            if (p.equals(t)) {
                exact++;
            }
        }
        double precision = parsed.isEmpty() ? 0 : (double) correctGroups / parsed.size();
        double recall = truth.isEmpty() ? 0 : (double) correctGroups / truth.size();
        double fga = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ParsingAccuracy(
                n == 0 ? 0 : (double) correctLines / n,
                n == 0 ? 0 : (double) exact / n,
                fga,
                parsed.size(),
                truth.size(),
                n);
    }

    private static Map<String, BitSet> groups(List<String> labels) {
        Map<String, BitSet> groups = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            groups.computeIfAbsent(labels.get(i), k -> new BitSet()).set(i);
        }
        return groups;
    }

    /**
     * Every wildcard ({@code <*>}, {@code <IP>}, {@code <NUM>}...) becomes {@code <*>}, runs of
     * them one, spaces single.
     */
    public static String normaliseTemplate(String template) {
        String s = template.replaceAll("<[A-Za-z0-9_*]+>", "<*>");
        s = s.replaceAll("\\s+", " ").trim();
        String previous;
        do {
            previous = s;
            s = s.replace("<*> <*>", "<*>").replace("<*><*>", "<*>");
        } while (!s.equals(previous));
        return s;
    }

    /** Mean of each metric over systems. */
    public static double[] means(List<ParsingAccuracy> all) {
        double[] m = new double[3];
        for (ParsingAccuracy a : all) {
            m[0] += a.ga;
            m[1] += a.pa;
            m[2] += a.fga;
        }
        for (int i = 0; i < 3; i++) {
            m[i] = all.isEmpty() ? 0 : m[i] / all.size();
        }
        return m;
    }
}
