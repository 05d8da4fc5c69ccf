/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renames a share of the pods as a container move would: same service and ReplicaSet hash, a new
 * instance suffix (the last dash-separated part). Chosen with a seed, so a run can be repeated.
 */
public final class PodRenaming {

    /** Kubernetes' suffix alphabet (no vowels, no look-alike digits). */
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private final Map<String, String> renamed;

    private PodRenaming(Map<String, String> renamed) {
        this.renamed = Collections.unmodifiableMap(renamed);
    }

    public static final PodRenaming NONE = new PodRenaming(new TreeMap<>());

    /** {@code round(fraction * pods)} of the distinct {@code pods}, chosen with {@code seed}. */
    public static PodRenaming choose(Collection<String> pods, double fraction, long seed) {
        if ((fraction >= 0 && fraction <= 1) == false) {
            throw new IllegalArgumentException(
                    "[rename] must be in [0, 1], got [" + fraction + "]");
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(pods));
        Random random = new Random(seed);
        Collections.shuffle(sorted, random);
        int count = (int) Math.round(fraction * sorted.size());
        Map<String, String> renamed = new TreeMap<>();
        for (String pod : sorted.subList(0, count)) {
            int dash = pod.lastIndexOf('-');
            if (dash <= 0) {
                throw new IllegalArgumentException(
                        "pod name [" + pod + "] has no -<suffix> to rename");
            }
            String suffix = pod.substring(dash + 1);
            String fresh;
            do {
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < Math.max(5, suffix.length()); i++) {
                    s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                fresh = s.toString();
            } while (fresh.equals(suffix));
            renamed.put(pod, pod.substring(0, dash + 1) + fresh);
        }
        return new PodRenaming(renamed);
    }

    /** The pod's new name, or the pod itself when it is not renamed. */
    public String apply(String pod) {
        return renamed.getOrDefault(pod, pod);
    }

    /** Old name to new name, by old name. */
    public Map<String, String> renamed() {
        return renamed;
    }
}
