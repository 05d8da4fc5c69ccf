/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.opensearch.aiops.context.CodeContextService;
import org.opensearch.aiops.context.CodeContextStore;
import org.opensearch.aiops.context.MlCommonsEmbedder;
import org.opensearch.aiops.context.PcaProjection;
import org.opensearch.aiops.context.ProjectionStore;
import org.opensearch.aiops.context.ProjectionsIndexFixture;
import org.opensearch.aiops.index.SystemIndexAccess;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.action.ActionResponse;
import org.opensearch.ingest.IngestDocument;
import org.opensearch.ingest.IngestDocumentWrapper;
import org.opensearch.ingest.RandomDocumentPicks;
import org.opensearch.ml.common.dataset.TextDocsInputDataSet;
import org.opensearch.ml.common.output.model.MLResultDataType;
import org.opensearch.ml.common.output.model.ModelTensor;
import org.opensearch.ml.common.output.model.ModelTensorOutput;
import org.opensearch.ml.common.output.model.ModelTensors;
import org.opensearch.ml.common.transport.MLTaskResponse;
import org.opensearch.ml.common.transport.prediction.MLPredictionTaskAction;
import org.opensearch.ml.common.transport.prediction.MLPredictionTaskRequest;
import org.opensearch.test.OpenSearchTestCase;

/**
 * With {@code pca}, a document whose projection is not in memory yet leaves the ingest thread at
 * once and is finished when the projections index answers (before, the processor waited up to 10 s
 * on {@code actionGet}).
 */
public class CodeContextProcessorTests extends OpenSearchTestCase {

    /** Projection reads the processor started; the test answers them when it chooses. */
    private final List<ActionListener<ActionResponse>> projectionReads = new ArrayList<>();

    private ProjectionsIndexFixture fixture;
    private CodeContextProcessorFactory factory;

    @Override
    public void setUp() throws Exception {
        super.setUp();
        fixture = new ProjectionsIndexFixture(getTestName());
        SystemIndexAccess access =
                fixture.access(
                        (action, request, listener) -> {
                            if (action
                                    == MLPredictionTaskAction
                                            .INSTANCE) { // the model answers at once: only the
                                // projection waits
                                int texts =
                                        ((TextDocsInputDataSet)
                                                        ((MLPredictionTaskRequest) request)
                                                                .getMlInput()
                                                                .getInputDataset())
                                                .getDocs()
                                                .size();
                                List<ModelTensors> outputs = new ArrayList<>();
                                for (int i = 0; i < texts; i++) {
                                    outputs.add(
                                            new ModelTensors(
                                                    List.of(
                                                            ModelTensor.builder()
                                                                    .name("sentence_embedding")
                                                                    .dataType(
                                                                            MLResultDataType
                                                                                    .FLOAT32)
                                                                    .shape(new long[] {3})
                                                                    .data(new Number[] {1f, i, 2f})
                                                                    .build())));
                                }
                                listener.onResponse(
                                        new MLTaskResponse(new ModelTensorOutput(outputs)));
                            } else {
                                projectionReads.add(listener);
                            }
                        });
        CodeContextService service =
                new CodeContextService(
                        null,
                        new MlCommonsEmbedder(access.client()),
                        new CodeContextStore(access),
                        new ProjectionStore(access, () -> 0L),
                        100);
        factory = new CodeContextProcessorFactory(() -> service);
    }

    @Override
    public void tearDown() throws Exception {
        fixture.close();
        super.tearDown();
    }

    private CodeContextProcessor processor() {
        return factory.create(
                Map.of(),
                "tag",
                null,
                new HashMap<>(Map.of("vector", "inline", "model_id", "m", "pca", "spans")));
    }

    private static IngestDocument span(String operation) {
        return RandomDocumentPicks.randomIngestDocument(
                random(), new HashMap<>(Map.of("spanID", "s", "operationName", operation)));
    }

    public void testDocumentWaitsForTheProjectionWithoutBlocking() throws Exception {
        CodeContextProcessor processor = processor();
        assertEquals(
                "creating the pipeline starts reading the projection", 1, projectionReads.size());
        AtomicReference<IngestDocument> done = new AtomicReference<>();
        AtomicReference<Exception> failed = new AtomicReference<>();
        processor.execute(
                span("OrderController.create"),
                (document, e) -> {
                    done.set(document);
                    failed.set(e);
                });
        assertNull("the ingest thread must not wait for the projection", done.get());
        assertNull(failed.get());

        projectionReads.get(0).onResponse(ProjectionsIndexFixture.found(projection()));
        assertNull(failed.get());
        assertEquals(1, done.get().getFieldValue("code_context.reduced", float[].class).length);
    }

    public void testBulkWaitsForTheProjectionWithoutBlocking() throws Exception {
        CodeContextProcessor processor = processor();
        List<IngestDocumentWrapper> batch =
                List.of(
                        new IngestDocumentWrapper(0, 0, span("OrderController.create"), null),
                        new IngestDocumentWrapper(1, 0, span("OrderController.cancel"), null));
        AtomicReference<List<IngestDocumentWrapper>> done = new AtomicReference<>();
        processor.batchExecute(batch, done::set);
        assertNull("the ingest thread must not wait for the projection", done.get());

        projectionReads.get(0).onResponse(ProjectionsIndexFixture.found(projection()));
        assertEquals(2, done.get().size());
        for (IngestDocumentWrapper wrapper : done.get()) {
            assertNull(wrapper.getException());
            assertEquals(
                    1,
                    wrapper.getIngestDocument()
                            .getFieldValue("code_context.reduced", float[].class)
                            .length);
        }
    }

    public void testMissingProjectionFailsTheDocumentNamingIt() {
        CodeContextProcessor processor = processor();
        AtomicReference<Exception> failed = new AtomicReference<>();
        processor.execute(span("OrderController.create"), (document, e) -> failed.set(e));
        projectionReads.get(0).onResponse(ProjectionsIndexFixture.notFound("spans"));
        assertTrue(
                String.valueOf(failed.get()),
                failed.get().getMessage().contains("pca projection [spans] not found"));
    }

    /** A 3-dimensional projection onto one component. */
    private static PcaProjection projection() {
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            vectors.add(new float[] {i, 0.01f * (i % 2), 2 * i});
        }
        return PcaProjection.fit("spans", vectors, 0.9);
    }
}
