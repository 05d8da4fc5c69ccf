/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opensearch.action.admin.indices.refresh.RefreshResponse;
import org.opensearch.action.bulk.BulkRequest;
import org.opensearch.action.bulk.BulkResponse;
import org.opensearch.action.delete.DeleteRequest;
import org.opensearch.action.index.IndexRequest;
import org.opensearch.action.search.SearchRequest;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.action.support.WriteRequest;
import org.opensearch.aiops.index.AiopsIndices;
import org.opensearch.aiops.index.SystemIndexAccess;
import org.opensearch.core.action.ActionListener;
import org.opensearch.index.query.QueryBuilders;
import org.opensearch.index.reindex.BulkByScrollResponse;
import org.opensearch.index.reindex.DeleteByQueryAction;
import org.opensearch.index.reindex.DeleteByQueryRequest;
import org.opensearch.search.SearchHit;
import org.opensearch.search.builder.SearchSourceBuilder;
import org.opensearch.search.sort.SortOrder;

/**
 * Trained models in {@code .plugins-aiops-checkpoints}: each model's bytes split into chunks of at
 * most {@link #CHUNK_BYTES}, one document per chunk, so that large models stay under the request
 * size limits. Saving and loading wait for the cluster: training and scoring call them from their
 * own pools.
 */
public final class ModelCheckpoints {

    public static final int CHUNK_BYTES = 1 << 20;
    private static final int PAGE = 500;

    private final SystemIndexAccess access;

    public ModelCheckpoints(SystemIndexAccess access) {
        this.access = access;
    }

    /** A model read back: its entity and bytes. */
    public record Checkpoint(
            String entityKey, Map<String, Object> entity, String format, byte[] bytes) {}

    /**
     * Writes the models of one training run (entity key → checkpoint) in bulk requests of bounded
     * size.
     */
    public void save(String detectorId, Collection<Checkpoint> checkpoints, long now) {
        PoolCalls.<Void>await(l -> access.ensure(AiopsIndices.CHECKPOINTS, l));
        BulkRequest bulk = new BulkRequest().setRefreshPolicy(WriteRequest.RefreshPolicy.NONE);
        long pending = 0;
        for (Checkpoint checkpoint : checkpoints) {
            byte[] bytes = checkpoint.bytes();
            int chunks = Math.max(1, (bytes.length + CHUNK_BYTES - 1) / CHUNK_BYTES);
            for (int chunk = 0; chunk < chunks; chunk++) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("detector_id", detectorId);
                doc.put("entity_key", checkpoint.entityKey());
                doc.put("entity", checkpoint.entity());
                doc.put("format", checkpoint.format());
                doc.put("chunk", chunk);
                doc.put("chunks", chunks);
                doc.put("bytes", bytes.length);
                doc.put(
                        "model",
                        Arrays.copyOfRange(
                                bytes,
                                chunk * CHUNK_BYTES,
                                Math.min(bytes.length, (chunk + 1) * CHUNK_BYTES)));
                doc.put("created_time", now);
                bulk.add(
                        new IndexRequest(AiopsIndices.CHECKPOINTS)
                                .id(id(detectorId, checkpoint.entityKey(), chunk))
                                .source(doc));
                pending += Math.min(CHUNK_BYTES, bytes.length);
                if (pending >= 8L * CHUNK_BYTES) {
                    flush(bulk);
                    bulk = new BulkRequest();
                    pending = 0;
                }
            }
        }
        bulk.setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
        if (bulk.numberOfActions() > 0) {
            flush(bulk);
        } else {
            PoolCalls.<RefreshResponse>await(
                    l ->
                            access.run(
                                    c ->
                                            access.client()
                                                    .admin()
                                                    .indices()
                                                    .prepareRefresh(AiopsIndices.CHECKPOINTS)
                                                    .execute(c),
                                    l));
        }
    }

    /**
     * Rewrites one model (a stateful model after a run) and deletes the chunks its previous version
     * had beyond the new one's, so a load never mixes the two.
     */
    public void replace(String detectorId, Checkpoint checkpoint, long now) {
        save(detectorId, List.of(checkpoint), now);
        int chunks = Math.max(1, (checkpoint.bytes().length + CHUNK_BYTES - 1) / CHUNK_BYTES);
        BulkRequest stale =
                new BulkRequest().setRefreshPolicy(WriteRequest.RefreshPolicy.IMMEDIATE);
        for (int chunk = chunks; chunk < chunks + STALE_CHUNKS; chunk++) {
            stale.add(
                    new DeleteRequest(
                            AiopsIndices.CHECKPOINTS,
                            id(detectorId, checkpoint.entityKey(), chunk)));
        }
        flush(stale); // deleting an id that does not exist is not a failure
    }

    /**
     * Chunks beyond a model's new size that {@link #replace} clears: a model grows by little per
     * run.
     */
    private static final int STALE_CHUNKS = 8;

    private void flush(BulkRequest bulk) {
        BulkResponse response =
                PoolCalls.<BulkResponse>await(
                        l -> access.run(c -> access.client().bulk(bulk, c), l));
        if (response.hasFailures()) {
            throw new IllegalStateException(
                    "writing model checkpoints failed: " + response.buildFailureMessage());
        }
    }

    /**
     * Every model of the detector, or of the given entities only when {@code entityKeys} is not
     * null.
     */
    public List<Checkpoint> load(String detectorId, Collection<String> entityKeys) {
        List<Checkpoint> result = new ArrayList<>();
        if (access.exists(AiopsIndices.CHECKPOINTS) == false) {
            return result;
        }
        var query =
                QueryBuilders.boolQuery()
                        .filter(QueryBuilders.termQuery("detector_id", detectorId));
        if (entityKeys != null) {
            query.filter(QueryBuilders.termsQuery("entity_key", entityKeys));
        }
        Object[] after = null;
        String currentKey = null;
        Map<String, Object> currentEntity = null;
        String currentFormat = null;
        List<byte[]> parts = new ArrayList<>();
        int expected = 0;
        while (true) {
            SearchSourceBuilder source =
                    new SearchSourceBuilder()
                            .query(query)
                            .size(PAGE)
                            .sort("entity_key", SortOrder.ASC)
                            .sort("chunk", SortOrder.ASC);
            if (after != null) {
                source.searchAfter(after);
            }
            SearchRequest request = new SearchRequest(AiopsIndices.CHECKPOINTS).source(source);
            SearchResponse response =
                    PoolCalls.<SearchResponse>await(
                            l -> access.run(c -> access.client().search(request, c), l));
            SearchHit[] hits = response.getHits().getHits();
            for (SearchHit hit : hits) {
                Map<String, Object> doc = hit.getSourceAsMap();
                String key = (String) doc.get("entity_key");
                if (key.equals(currentKey) == false) {
                    addIfComplete(
                            result, currentKey, currentEntity, currentFormat, parts, expected);
                    currentKey = key;
                    @SuppressWarnings("unchecked")
                    Map<String, Object> entity = (Map<String, Object>) doc.get("entity");
                    currentEntity = entity;
                    currentFormat = (String) doc.get("format");
                    expected = ((Number) doc.get("chunks")).intValue();
                    parts = new ArrayList<>();
                }
                if (((Number) doc.get("chunk")).intValue() == parts.size()) {
                    parts.add(modelBytes(doc.get("model")));
                }
            }
            if (hits.length < PAGE) {
                break;
            }
            after = hits[hits.length - 1].getSortValues();
        }
        addIfComplete(result, currentKey, currentEntity, currentFormat, parts, expected);
        return result;
    }

    /**
     * A binary field reads as base64 text from a JSON source and as bytes from a CBOR or SMILE one.
     */
    private static byte[] modelBytes(Object value) {
        return value instanceof byte[] bytes ? bytes : Base64.getDecoder().decode((String) value);
    }

    private static void addIfComplete(
            List<Checkpoint> result,
            String key,
            Map<String, Object> entity,
            String format,
            List<byte[]> parts,
            int expected) {
        if (key == null || parts.size() != expected) {
            return; // an incomplete set (a training run cut off while writing) is not a model
        }
        int length = parts.stream().mapToInt(p -> p.length).sum();
        byte[] bytes = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, bytes, offset, part.length);
            offset += part.length;
        }
        result.add(new Checkpoint(key, entity == null ? Map.of() : entity, format, bytes));
    }

    /** Removes every checkpoint of the detector; gives how many documents went. */
    public void deleteAll(String detectorId, ActionListener<Long> listener) {
        if (access.exists(AiopsIndices.CHECKPOINTS) == false) {
            listener.onResponse(0L);
            return;
        }
        DeleteByQueryRequest delete =
                new DeleteByQueryRequest(AiopsIndices.CHECKPOINTS)
                        .setQuery(QueryBuilders.termQuery("detector_id", detectorId))
                        .setRefresh(true);
        access.<BulkByScrollResponse>run(
                l -> access.client().execute(DeleteByQueryAction.INSTANCE, delete, l),
                ActionListener.map(listener, BulkByScrollResponse::getDeleted));
    }

    static String id(String detectorId, String entityKey, int chunk) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-1")
                            .digest(entityKey.getBytes(StandardCharsets.UTF_8));
            return detectorId + "_" + HexFormat.of().formatHex(digest, 0, 8) + "_" + chunk;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
