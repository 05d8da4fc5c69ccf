/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.opensearch.aiops.context.CodeContextService;
import org.opensearch.aiops.context.CodeContextText;
import org.opensearch.aiops.context.PcaProjection;
import org.opensearch.core.action.ActionListener;
import org.opensearch.ingest.AbstractProcessor;
import org.opensearch.ingest.IngestDocument;
import org.opensearch.ingest.IngestDocumentWrapper;

/**
 * {@code code_context}: on a Jaeger span document, builds the text of the code the span ran (class,
 * method, parameter types, return value; masked) and its sentence embedding. Writes {@code text},
 * {@code hash} and {@code source} under the target field, plus {@code vector} when {@code vector:
 * inline}; with {@code vector: reference} the vector lives once per unique context in the code
 * contexts index. With {@code pca}, the vector through that stored projection is added as {@code
 * reduced}.
 */
public final class CodeContextProcessor extends AbstractProcessor {

    public static final String TYPE = "code_context";

    /** Where the vector goes. */
    public enum VectorMode {
        INLINE,
        REFERENCE
    }

    private final String targetField;
    private final CodeContextText texts;
    private final VectorMode vectorMode;
    private final String pca;
    private final String modelId;
    private final Supplier<CodeContextService> service;

    CodeContextProcessor(
            String tag,
            String description,
            String targetField,
            CodeContextText texts,
            VectorMode vectorMode,
            String pca,
            String modelId,
            Supplier<CodeContextService> service) {
        super(tag, description);
        this.targetField = targetField;
        this.texts = texts;
        this.vectorMode = vectorMode;
        this.pca = pca;
        this.modelId = modelId;
        this.service = service;
    }

    /**
     * Pipelines call the asynchronous variant; this one serves only the options that never wait.
     */
    @Override
    public IngestDocument execute(IngestDocument document) throws Exception {
        if (modelId != null || pca != null) {
            throw new UnsupportedOperationException(
                    "[" + TYPE + "] with [model_id] or [pca] runs asynchronously only");
        }
        CodeContextText.CodeContext context = texts.of(document.getSourceAndMetadata());
        write(
                document,
                context,
                service.get().vector(context, vectorMode == VectorMode.REFERENCE),
                null);
        return document;
    }

    /**
     * The bundled model answers synchronously (a cache hit or a few milliseconds of ONNX Runtime);
     * with {@code model_id} ML Commons predicts asynchronously; a projection not in memory yet is
     * read without waiting. Errors fail the document with their reason.
     */
    @Override
    public void execute(IngestDocument document, BiConsumer<IngestDocument, Exception> handler) {
        CodeContextText.CodeContext context;
        try {
            context = texts.of(document.getSourceAndMetadata());
        } catch (Exception e) {
            handler.accept(null, e);
            return;
        }
        ActionListener<float[]> written =
                ActionListener.wrap(
                        vector ->
                                withProjection(
                                        ActionListener.wrap(
                                                projection -> {
                                                    try {
                                                        write(
                                                                document,
                                                                context,
                                                                vector,
                                                                projection);
                                                    } catch (Exception e) {
                                                        handler.accept(null, e);
                                                        return;
                                                    }
                                                    handler.accept(document, null);
                                                },
                                                e -> handler.accept(null, e))),
                        e -> handler.accept(null, e));
        boolean reference = vectorMode == VectorMode.REFERENCE;
        if (modelId != null) {
            service.get().vector(context, reference, modelId, written);
            return;
        }
        float[] vector;
        try {
            vector = service.get().vector(context, reference);
        } catch (Exception e) {
            handler.accept(null, e);
            return;
        }
        written.onResponse(vector);
    }

    /**
     * The {@code pca} projection ({@code null} without the option); never waits on the calling
     * thread.
     */
    private void withProjection(ActionListener<PcaProjection> listener) {
        if (pca == null) {
            listener.onResponse(null);
        } else {
            service.get().projection(pca, listener);
        }
    }

    /**
     * A {@code _bulk} request's documents together: the distinct contexts missing from the cache
     * are embedded in one call instead of one call per document. A document whose context cannot be
     * built fails alone.
     */
    @Override
    public void batchExecute(
            List<IngestDocumentWrapper> batch, Consumer<List<IngestDocumentWrapper>> handler) {
        List<IngestDocumentWrapper> results = new ArrayList<>(batch.size());
        List<IngestDocumentWrapper> pending = new ArrayList<>(batch.size());
        List<CodeContextText.CodeContext> contexts = new ArrayList<>(batch.size());
        for (IngestDocumentWrapper wrapper : batch) {
            try {
                contexts.add(texts.of(wrapper.getIngestDocument().getSourceAndMetadata()));
                pending.add(wrapper);
            } catch (Exception e) {
                results.add(failed(wrapper, e));
            }
        }
        boolean reference = vectorMode == VectorMode.REFERENCE;
        ActionListener<float[][]> written =
                ActionListener.wrap(
                        vectors ->
                                withProjection(
                                        ActionListener.wrap(
                                                projection -> {
                                                    for (int i = 0; i < pending.size(); i++) {
                                                        IngestDocumentWrapper wrapper =
                                                                pending.get(i);
                                                        try {
                                                            write(
                                                                    wrapper.getIngestDocument(),
                                                                    contexts.get(i),
                                                                    vectors[i],
                                                                    projection);
                                                            results.add(
                                                                    new IngestDocumentWrapper(
                                                                            wrapper.getSlot(),
                                                                            wrapper.getChildSlot(),
                                                                            wrapper
                                                                                    .getIngestDocument(),
                                                                            null));
                                                        } catch (Exception e) {
                                                            results.add(failed(wrapper, e));
                                                        }
                                                    }
                                                    handler.accept(results);
                                                },
                                                e -> failAll(pending, results, e, handler))),
                        e -> failAll(pending, results, e, handler));
        if (contexts.isEmpty()) {
            handler.accept(results);
        } else if (modelId != null) {
            service.get().vectors(contexts, reference, modelId, written);
        } else {
            float[][] vectors;
            try {
                vectors = service.get().vectors(contexts, reference);
            } catch (Exception e) {
                written.onFailure(e);
                return;
            }
            written.onResponse(vectors);
        }
    }

    private static void failAll(
            List<IngestDocumentWrapper> pending,
            List<IngestDocumentWrapper> results,
            Exception e,
            Consumer<List<IngestDocumentWrapper>> handler) {
        pending.forEach(wrapper -> results.add(failed(wrapper, e)));
        handler.accept(results);
    }

    private static IngestDocumentWrapper failed(IngestDocumentWrapper wrapper, Exception e) {
        return new IngestDocumentWrapper(wrapper.getSlot(), wrapper.getChildSlot(), null, e);
    }

    private void write(
            IngestDocument document,
            CodeContextText.CodeContext context,
            float[] vector,
            PcaProjection projection) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("text", context.text());
        output.put("hash", context.hash());
        output.put("source", context.source().name().toLowerCase(java.util.Locale.ROOT));
        if (vectorMode == VectorMode.INLINE) {
            output.put("vector", vector);
        }
        if (projection != null) {
            output.put("reduced", projection.project(vector));
        }
        document.setFieldValue(targetField, output);
    }

    @Override
    public String getType() {
        return TYPE;
    }
}
