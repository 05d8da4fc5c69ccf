/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.context;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.action.DocWriteRequest;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.action.index.IndexResponse;
import org.opensearch.aiops.engine.SentenceEmbedder;
import org.opensearch.aiops.index.AiopsIndices;
import org.opensearch.aiops.index.SystemIndexAccess;
import org.opensearch.common.xcontent.XContentType;
import org.opensearch.core.action.ActionListener;
import org.opensearch.index.engine.VersionConflictEngineException;

/**
 * One document per unique code context (id = its hash): text and vector, for spans stored with
 * {@code vector: reference}.
 */
public final class CodeContextStore {

    private static final Logger LOG = LogManager.getLogger(CodeContextStore.class);
    public static final String INDEX = AiopsIndices.CODE_CONTEXTS;

    private final SystemIndexAccess access;
    private final LongAdder written = new LongAdder();
    private final LongAdder failed = new LongAdder();

    public CodeContextStore(SystemIndexAccess access) {
        this.access = access;
    }

    /**
     * Asynchronous; a context some node wrote already is a no-op (create, conflict ignored).
     * Vectors of an ML Commons model ({@code modelId} not null) are kept apart from the bundled
     * model's: id {@code <model>-<hash>}.
     */
    void writeOnce(CodeContextText.CodeContext context, String modelId, float[] vector) {
        String model = modelId == null ? SentenceEmbedder.MODEL_NAME : modelId;
        Map<String, Object> source =
                Map.of(
                        "text", context.text(),
                        "hash", context.hash(),
                        "source", context.source().name().toLowerCase(java.util.Locale.ROOT),
                        "model", model,
                        "vector", vector);
        String id = modelId == null ? context.hash() : modelId + "-" + context.hash();
        IndexRequest request =
                new IndexRequest(INDEX)
                        .id(id)
                        .opType(DocWriteRequest.OpType.CREATE)
                        .source(source, XContentType.JSON);
        access.ensure(
                INDEX,
                ActionListener.wrap(
                        ignored ->
                                access.<IndexResponse>run(
                                        l -> access.client().index(request, l),
                                        ActionListener.wrap(
                                                r -> written.increment(),
                                                e -> {
                                                    if (e instanceof VersionConflictEngineException
                                                            == false) {
                                                        failed.increment();
                                                        LOG.warn(
                                                                "code context ["
                                                                        + context.hash()
                                                                        + "] could not be stored",
                                                                e);
                                                    }
                                                })),
                        e -> {
                            failed.increment();
                            LOG.warn("code contexts index could not be created", e);
                        }));
    }

    Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("contexts_written", written.sum());
        stats.put("context_write_failures", failed.sum());
        return stats;
    }
}
