/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.opensearch.ExceptionsHelper;
import org.opensearch.OpenSearchStatusException;
import org.opensearch.ResourceNotFoundException;
import org.opensearch.action.DocWriteRequest;
import org.opensearch.action.delete.DeleteRequest;
import org.opensearch.action.delete.DeleteResponse;
import org.opensearch.action.get.GetRequest;
import org.opensearch.action.get.GetResponse;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.action.index.IndexResponse;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.aiops.index.AiopsIndices;
import org.opensearch.aiops.index.SystemIndexAccess;
import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.core.action.ActionListener;
import org.opensearch.core.common.bytes.BytesReference;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.MediaTypeRegistry;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.XContentBuilder;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.index.engine.VersionConflictEngineException;
import org.opensearch.search.builder.SearchSourceBuilder;

/**
 * Detector configurations ({@code .plugins-aiops-detectors}) and their states ({@code
 * .plugins-aiops-detector-state}), asynchronously. State changes use optimistic concurrency, so
 * that two {@code _train} calls cannot both start.
 */
public final class DetectorStore {

    private static final int STATE_RETRIES = 5;

    private final SystemIndexAccess access;
    private final DetectorTypes types;
    private final NamedXContentRegistry xContentRegistry;

    public DetectorStore(
            SystemIndexAccess access, DetectorTypes types, NamedXContentRegistry xContentRegistry) {
        this.access = access;
        this.types = types;
        this.xContentRegistry = xContentRegistry;
    }

    /** A stored configuration with its id and times. */
    public record StoredDetector(
            String id, Detector detector, long createdTime, long lastUpdateTime) {}

    /** A state document and the version it was read at (seqNo -1: none stored yet). */
    public record StoredStatus(DetectorStatus status, long seqNo, long primaryTerm) {
        public DetectorState state() {
            return status.state();
        }
    }

    public void create(Detector detector, long now, ActionListener<String> listener) {
        access.ensure(
                AiopsIndices.DETECTORS,
                ActionListener.wrap(
                        ignored -> {
                            IndexRequest request =
                                    new IndexRequest(AiopsIndices.DETECTORS)
                                            .source(detectorDocument(detector, now, now))
                                            .setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
                            access.<IndexResponse>run(
                                    l -> access.client().index(request, l),
                                    ActionListener.wrap(
                                            response ->
                                                    putStatus(
                                                            response.getId(),
                                                            DetectorStatus.CREATED,
                                                            null,
                                                            ActionListener.wrap(
                                                                    r ->
                                                                            listener.onResponse(
                                                                                    response
                                                                                            .getId()),
                                                                    listener::onFailure)),
                                            listener::onFailure));
                        },
                        listener::onFailure));
    }

    public void update(
            String id,
            Detector detector,
            StoredDetector previous,
            long now,
            ActionListener<Void> listener) {
        try {
            IndexRequest request =
                    new IndexRequest(AiopsIndices.DETECTORS)
                            .id(id)
                            .source(detectorDocument(detector, previous.createdTime(), now))
                            .setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
            access.<IndexResponse>run(
                    l -> access.client().index(request, l),
                    ActionListener.map(listener, r -> null));
        } catch (IOException e) {
            listener.onFailure(e);
        }
    }

    private static XContentBuilder detectorDocument(Detector detector, long created, long updated)
            throws IOException {
        XContentBuilder builder = XContentFactory.jsonBuilder().startObject();
        detector.fields(builder, ToXContent.EMPTY_PARAMS);
        return builder.field(Detector.CREATED_TIME, created)
                .field(Detector.LAST_UPDATE_TIME, updated)
                .endObject();
    }

    public void get(String id, ActionListener<StoredDetector> listener) {
        if (access.exists(AiopsIndices.DETECTORS) == false) {
            listener.onFailure(notFound(id));
            return;
        }
        access.<GetResponse>run(
                l -> access.client().get(new GetRequest(AiopsIndices.DETECTORS, id), l),
                ActionListener.wrap(
                        response -> {
                            if (response.isExists() == false) {
                                throw notFound(id);
                            }
                            listener.onResponse(parse(id, response));
                        },
                        listener::onFailure));
    }

    /**
     * A stored configuration in whatever content type it was indexed with; one that does not parse
     * is a 409 naming it.
     */
    private StoredDetector parse(String id, GetResponse response) {
        Map<String, Long> times = new HashMap<>();
        BytesReference source = response.getSourceAsBytesRef();
        try (XContentParser parser =
                XContentHelper.createParser(
                        xContentRegistry,
                        DeprecationHandler.IGNORE_DEPRECATIONS,
                        source,
                        MediaTypeRegistry.xContentType(source))) {
            Detector detector = Detector.parse(parser, types, times);
            return new StoredDetector(
                    id,
                    detector,
                    times.getOrDefault(Detector.CREATED_TIME, 0L),
                    times.getOrDefault(Detector.LAST_UPDATE_TIME, 0L));
        } catch (IOException | RuntimeException e) {
            // a document written around the plugin (or by an older version) that no longer parses
            throw new OpenSearchStatusException(
                    "stored detector [" + id + "] is not valid: " + e.getMessage(),
                    RestStatus.CONFLICT,
                    e);
        }
    }

    /** Deletes the configuration and its state (either may be gone already). */
    public void delete(String id, ActionListener<Void> listener) {
        deleteFrom(
                AiopsIndices.DETECTORS,
                id,
                ActionListener.wrap(
                        r -> deleteFrom(AiopsIndices.DETECTOR_STATE, id, listener),
                        listener::onFailure));
    }

    private void deleteFrom(String index, String id, ActionListener<Void> listener) {
        if (access.exists(index) == false) {
            listener.onResponse(null);
            return;
        }
        DeleteRequest request =
                new DeleteRequest(index, id).setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
        access.<DeleteResponse>run(
                l -> access.client().delete(request, l), ActionListener.map(listener, r -> null));
    }

    public void search(SearchSourceBuilder source, ActionListener<SearchResponse> listener) {
        access.ensure(
                AiopsIndices.DETECTORS,
                ActionListener.wrap(
                        ignored -> {
                            SearchRequest request =
                                    new SearchRequest(AiopsIndices.DETECTORS).source(source);
                            access.run(l -> access.client().search(request, l), listener);
                        },
                        listener::onFailure));
    }

    public void status(String id, ActionListener<StoredStatus> listener) {
        access.ensure(
                AiopsIndices.DETECTOR_STATE,
                ActionListener.wrap(
                        ignored -> {
                            access.<GetResponse>run(
                                    l ->
                                            access.client()
                                                    .get(
                                                            new GetRequest(
                                                                    AiopsIndices.DETECTOR_STATE,
                                                                    id),
                                                            l),
                                    ActionListener.wrap(
                                            response -> {
                                                if (response.isExists() == false) {
                                                    listener.onResponse(
                                                            new StoredStatus(
                                                                    DetectorStatus.CREATED,
                                                                    -1,
                                                                    -1));
                                                } else {
                                                    listener.onResponse(
                                                            new StoredStatus(
                                                                    DetectorStatus.fromSource(
                                                                            response
                                                                                    .getSourceAsMap()),
                                                                    response.getSeqNo(),
                                                                    response.getPrimaryTerm()));
                                                }
                                            },
                                            listener::onFailure));
                        },
                        listener::onFailure));
    }

    /**
     * Writes the status; with {@code expected}, only if nobody changed it since it was read (else
     * 409), which is how one of two concurrent {@code _train} calls wins.
     */
    public void putStatus(
            String id,
            DetectorStatus status,
            StoredStatus expected,
            ActionListener<Void> listener) {
        access.ensure(
                AiopsIndices.DETECTOR_STATE,
                ActionListener.wrap(
                        ignored -> {
                            XContentBuilder doc = XContentFactory.jsonBuilder().startObject();
                            status.toXContent(doc, ToXContent.EMPTY_PARAMS);
                            doc.field("detector_id", id)
                                    .field("updated_time", System.currentTimeMillis())
                                    .endObject();
                            IndexRequest request =
                                    new IndexRequest(AiopsIndices.DETECTOR_STATE)
                                            .id(id)
                                            .source(doc)
                                            .setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
                            if (expected != null) {
                                if (expected.seqNo() < 0) {
                                    request.opType(DocWriteRequest.OpType.CREATE);
                                } else {
                                    request.setIfSeqNo(expected.seqNo())
                                            .setIfPrimaryTerm(expected.primaryTerm());
                                }
                            }
                            access.<IndexResponse>run(
                                    l -> access.client().index(request, l),
                                    ActionListener.wrap(
                                            r -> listener.onResponse(null),
                                            e -> {
                                                if (ExceptionsHelper.unwrapCause(e)
                                                        instanceof VersionConflictEngineException) {
                                                    listener.onFailure(
                                                            new OpenSearchStatusException(
                                                                    "detector ["
                                                                            + id
                                                                            + "] was changed by another request at the same time; retry",
                                                                    RestStatus.CONFLICT));
                                                } else {
                                                    listener.onFailure(e);
                                                }
                                            }));
                        },
                        listener::onFailure));
    }

    /**
     * Read-modify-write of the status, retried on concurrent changes (progress updates, run
     * summaries); gives the new status.
     */
    public void updateStatus(
            String id,
            UnaryOperator<DetectorStatus> change,
            ActionListener<DetectorStatus> listener) {
        updateStatus(id, change, 0, listener);
    }

    private void updateStatus(
            String id,
            UnaryOperator<DetectorStatus> change,
            int attempt,
            ActionListener<DetectorStatus> listener) {
        status(
                id,
                ActionListener.wrap(
                        current -> {
                            DetectorStatus next = change.apply(current.status());
                            putStatus(
                                    id,
                                    next,
                                    current,
                                    ActionListener.wrap(
                                            r -> listener.onResponse(next),
                                            e -> {
                                                if (e instanceof OpenSearchStatusException status
                                                        && status.status() == RestStatus.CONFLICT
                                                        && attempt < STATE_RETRIES) {
                                                    updateStatus(id, change, attempt + 1, listener);
                                                } else {
                                                    listener.onFailure(e);
                                                }
                                            }));
                        },
                        listener::onFailure));
    }

    public static ResourceNotFoundException notFound(String id) {
        return new ResourceNotFoundException("detector [" + id + "] not found");
    }
}
