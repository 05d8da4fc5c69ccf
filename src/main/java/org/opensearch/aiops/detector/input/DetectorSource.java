/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.util.List;
import java.util.Map;

import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.index.query.QueryBuilder;
import org.opensearch.index.query.QueryBuilders;

/** Where a detector reads; its shape depends on the type's {@link DetectorInput}. */
public interface DetectorSource extends Writeable, ToXContentObject {

    DetectorInput input();

    List<String> indices();

    String timeField();

    /** Documents the detector reads at all, or null for every document of the indices. */
    QueryBuilder filter();

    /** Fields whose mapped type must be numeric (empty when the input reads no numbers). */
    List<String> numericFields();

    /** Fields that name an entity (a host, a pod, a service); empty when the input has none. */
    List<String> entityFields();

    /**
     * What the validator checks against the mappings: this source's fields, then those of the
     * sources joined to it.
     */
    default List<MappedFields> mappedFields() {
        return List.of(
                new MappedFields(
                        "source",
                        indices(),
                        timeField(),
                        numericFields(),
                        Map.of(),
                        entityFields()));
    }

    /** {@code filter} and {@code query} both (either may be null). */
    static QueryBuilder narrow(QueryBuilder filter, QueryBuilder query) {
        if (filter == null || query == null) {
            return filter == null ? query : filter;
        }
        return QueryBuilders.boolQuery().filter(filter).filter(query);
    }
}
