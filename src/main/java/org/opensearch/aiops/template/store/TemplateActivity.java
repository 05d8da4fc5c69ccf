/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template.store;

/**
 * What this node saw of one template since its last flush: the count to add and the time span,
 * merged into the stored document by {@link TemplateStore}. Mutated only inside {@code
 * ConcurrentHashMap.compute}, which serialises recording against draining.
 */
final class TemplateActivity {

    final String namespace;
    final String id;
    String template;
    long countDelta;
    long firstSeen;
    long lastSeen;
    String example;

    TemplateActivity(String namespace, String id, String template, long time, String example) {
        this.namespace = namespace;
        this.id = id;
        this.template = template;
        this.firstSeen = time;
        this.lastSeen = time;
        this.example = example;
    }

    /** Adds one occurrence; the template text is this node's latest (most general) view. */
    void record(String template, long time) {
        this.template = template;
        countDelta++;
        firstSeen = Math.min(firstSeen, time);
        lastSeen = Math.max(lastSeen, time);
    }

    /** Puts back activity whose flush failed, so the next flush carries it. */
    void absorb(TemplateActivity failed) {
        countDelta += failed.countDelta;
        firstSeen = Math.min(firstSeen, failed.firstSeen);
        lastSeen = Math.max(lastSeen, failed.lastSeen);
        if (example == null) {
            example = failed.example;
        }
    }
}
