/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One closed session: the template ids of its events in time order, their times (epoch ms) and the
 * log documents they came from, index for index.
 *
 * @param key the session field's value or pattern match ({@code blk_-1608999687919862906}, a trace
 *     id), or for a window its start as an ISO-8601 instant
 * @param entity the values of the input's entity fields ({@code _missing} for a document without
 *     one); empty without entity fields
 */
public record TemplateSession(
        String key,
        Map<String, String> entity,
        List<String> templateIds,
        long[] times,
        List<DocumentRef> documents) {

    public TemplateSession {
        entity = Map.copyOf(entity);
        templateIds = List.copyOf(templateIds);
        documents = List.copyOf(documents);
        if (times.length != templateIds.size() || documents.size() != templateIds.size()) {
            throw new IllegalArgumentException(
                    "a session needs one time and one document per template id");
        }
    }

    public int size() {
        return templateIds.size();
    }

    /** Time of the first event (epoch ms). */
    public long start() {
        return times[0];
    }

    /** Time of the last event (epoch ms). */
    public long end() {
        return times[times.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TemplateSession other
                && key.equals(other.key)
                && entity.equals(other.entity)
                && templateIds.equals(other.templateIds)
                && Arrays.equals(times, other.times)
                && documents.equals(other.documents);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, entity, templateIds, Arrays.hashCode(times), documents);
    }

    @Override
    public String toString() {
        return "TemplateSession["
                + key
                + " "
                + entity
                + " "
                + templateIds
                + " "
                + Arrays.toString(times)
                + "]";
    }
}
