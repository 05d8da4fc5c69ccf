package org.opensearch.aiops.detector;

import org.opensearch.action.delete.DeleteResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.opensearch.ExceptionsHelper;
import org.opensearch.OpenSearchStatusException;
import org.opensearch.ResourceNotFoundException;
import org.opensearch.action.DocWriteRequest;
import org.opensearch.action.delete.DeleteRequest;
import org.opensearch.action.get.GetRequest;
import org.opensearch.action.get.GetResponse;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.action.index.IndexResponse;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.aiops.index.AiopsIndices;
import org.opensearch.aiops.index.SystemIndexAccess;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.index.engine.VersionConflictEngineException;
import org.opensearch.search.builder.SearchSourceBuilder;

/**
 * Detector configurations ({@code .plugins-aiops-detectors}) and their states ({@code .plugins-aiops-detector-state}).
 * State changes use optimistic concurrency, so that two {@code _train} calls cannot both start.
 * Waits for the cluster: call it from the detector pool.
 */
public final class DetectorStore {

    private final SystemIndexAccess access;
    private final DetectorTypes types;

    public DetectorStore(SystemIndexAccess access, DetectorTypes types) {
        this.access = access;
        this.types = types;
    }

    /** A stored configuration with its id and times. */
    public record StoredDetector(String id, Detector detector, long createdTime, long lastUpdateTime) {}

    /** A state document and the version it was read at. */
    public record StoredState(Map<String, Object> state, long seqNo, long primaryTerm) {
        public String name() {
            return String.valueOf(state.getOrDefault("state", DetectorState.CREATED.label()));
        }
    }

    public String create(Detector detector, long now) {
        access.ensureSync(AiopsIndices.DETECTORS);
        Map<String, Object> doc = detector.toMap();
        doc.put("created_time", now);
        doc.put("last_update_time", now);
        IndexRequest request = new IndexRequest(AiopsIndices.DETECTORS).source(doc).setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
        IndexResponse response = access.<IndexResponse>sync(l -> access.client().index(request, l));
        putState(response.getId(), Map.of("state", DetectorState.CREATED.label()), null);
        return response.getId();
    }

    public void update(String id, Detector detector, StoredDetector previous, long now) {
        Map<String, Object> doc = detector.toMap();
        doc.put("created_time", previous.createdTime());
        doc.put("last_update_time", now);
        IndexRequest request = new IndexRequest(AiopsIndices.DETECTORS).id(id).source(doc).setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
        access.<IndexResponse>sync(l -> access.client().index(request, l));
    }

    public StoredDetector get(String id) {
        if (access.exists(AiopsIndices.DETECTORS) == false) {
            throw notFound(id);
        }
        GetResponse response = access.sync(l -> access.client().get(new GetRequest(AiopsIndices.DETECTORS, id), l));
        if (response.isExists() == false) {
            throw notFound(id);
        }
        Map<String, Object> source = response.getSourceAsMap();
        return new StoredDetector(
            id,
            Detector.parse(source, types),
            ((Number) source.getOrDefault("created_time", 0L)).longValue(),
            ((Number) source.getOrDefault("last_update_time", 0L)).longValue()
        );
    }

    public void delete(String id) {
        for (String index : new String[] { AiopsIndices.DETECTORS, AiopsIndices.DETECTOR_STATE }) {
            if (access.exists(index)) {
                DeleteRequest request = new DeleteRequest(index, id).setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
                access.<DeleteResponse>sync(l -> access.client().delete(request, l));
            }
        }
    }

    public SearchResponse search(SearchSourceBuilder source) {
        access.ensureSync(AiopsIndices.DETECTORS);
        SearchRequest request = new SearchRequest(AiopsIndices.DETECTORS).source(source);
        return access.sync(l -> access.client().search(request, l));
    }

    public StoredState state(String id) {
        access.ensureSync(AiopsIndices.DETECTOR_STATE);
        GetResponse response = access.sync(l -> access.client().get(new GetRequest(AiopsIndices.DETECTOR_STATE, id), l));
        if (response.isExists() == false) {
            return new StoredState(Map.of("state", DetectorState.CREATED.label()), -1, -1);
        }
        return new StoredState(response.getSourceAsMap(), response.getSeqNo(), response.getPrimaryTerm());
    }

    /**
     * Writes the state; with {@code expected}, only if nobody changed it since it was read (else 409), which is how
     * one of two concurrent {@code _train} calls wins.
     */
    public void putState(String id, Map<String, Object> state, StoredState expected) {
        access.ensureSync(AiopsIndices.DETECTOR_STATE);
        Map<String, Object> doc = new LinkedHashMap<>(state);
        doc.put("detector_id", id);
        doc.put("updated_time", System.currentTimeMillis());
        IndexRequest request = new IndexRequest(AiopsIndices.DETECTOR_STATE).id(id).source(doc).setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
        if (expected != null) {
            if (expected.seqNo() < 0) {
                request.opType(DocWriteRequest.OpType.CREATE);
            } else {
                request.setIfSeqNo(expected.seqNo()).setIfPrimaryTerm(expected.primaryTerm());
            }
        }
        try {
            access.<IndexResponse>sync(l -> access.client().index(request, l));
        } catch (RuntimeException e) {
            if (ExceptionsHelper.unwrapCause(e) instanceof VersionConflictEngineException == false) {
                throw e;
            }
            throw new OpenSearchStatusException("detector [" + id + "] was changed by another request at the same time; retry", RestStatus.CONFLICT);
        }
    }

    /** Read-modify-write of the state, retried on concurrent changes (progress updates, run counters). */
    public void updateState(String id, UnaryOperator<Map<String, Object>> change) {
        for (int attempt = 0;; attempt++) {
            StoredState current = state(id);
            try {
                putState(id, change.apply(new LinkedHashMap<>(current.state())), current);
                return;
            } catch (OpenSearchStatusException e) {
                if (e.status() != RestStatus.CONFLICT || attempt >= 5) {
                    throw e;
                }
            }
        }
    }

    public static ResourceNotFoundException notFound(String id) {
        return new ResourceNotFoundException("detector [" + id + "] not found");
    }
}
