/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template.store;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.cluster.service.ClusterService;
import org.opensearch.common.lifecycle.Lifecycle;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.core.action.ActionListener;
import org.opensearch.threadpool.Scheduler;
import org.opensearch.threadpool.ThreadPool;

/**
 * Keeps every node's templates consistent: each round flushes this node's activity to the templates
 * index, then reads back what any node wrote since the last round. A line seen on one node
 * therefore reaches the others within about two sync intervals plus the index refresh interval (1
 * s): 3 s with the default interval of 1 s.
 */
public final class TemplateSync implements Closeable {

    private static final Logger LOG = LogManager.getLogger(TemplateSync.class);

    /**
     * Re-read this much before the newest update seen: documents indexed but not yet refreshed,
     * small clock skew.
     */
    static final long OVERLAP_MILLIS = 5_000;

    private final TemplateService service;
    private final TemplateStore store;
    private final ClusterService clusterService;
    private final ThreadPool threadPool;
    private final List<ActionListener<Void>> waiting = new ArrayList<>(); // guarded by this
    private boolean running; // guarded by this
    private final AtomicLong watermark = new AtomicLong(0);
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong flushedTemplates = new AtomicLong();
    private final AtomicLong flushRetries = new AtomicLong();
    private final AtomicLong pulledTemplates = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile long lastRoundMillis;
    private volatile Scheduler.Cancellable schedule;

    public TemplateSync(
            TemplateService service,
            TemplateStore store,
            ClusterService clusterService,
            ThreadPool threadPool) {
        this.service = service;
        this.store = store;
        this.clusterService = clusterService;
        this.threadPool = threadPool;
    }

    public void start(TimeValue interval) {
        schedule =
                threadPool.scheduleWithFixedDelay(
                        () -> syncNow(ActionListener.wrap(r -> {}, e -> {})),
                        interval,
                        ThreadPool.Names.GENERIC);
    }

    /**
     * A round that starts after this call: if one is running, another follows it, so the caller's
     * activity so far is flushed and everything stored before the call is read when the listener is
     * called.
     */
    public void syncNow(ActionListener<Void> listener) {
        if (clusterService.lifecycleState() != Lifecycle.State.STARTED) {
            listener.onResponse(null);
            return;
        }
        synchronized (this) {
            waiting.add(listener);
            if (running) {
                return;
            }
            running = true;
        }
        round();
    }

    private void round() {
        List<ActionListener<Void>> listeners;
        synchronized (this) {
            listeners = new ArrayList<>(waiting);
            waiting.clear();
        }
        ActionListener<Void> all =
                ActionListener.wrap(
                        r -> listeners.forEach(l -> l.onResponse(null)),
                        e -> listeners.forEach(l -> l.onFailure(e)));
        List<TemplateActivity> batch = service.drainActivity();
        store.flush(
                batch,
                ActionListener.wrap(
                        failed -> {
                            flushedTemplates.addAndGet(batch.size() - failed.size());
                            flushRetries.addAndGet(failed.size());
                            service.putBack(failed);
                            if (batch.isEmpty()) {
                                pull(all); // nothing written: no refresh to pay for
                            } else {
                                store.refresh(
                                        ActionListener.wrap(r -> pull(all), e -> finish(all, e)));
                            }
                        },
                        e -> {
                            service.putBack(batch);
                            finish(all, e);
                        }));
    }

    private void pull(ActionListener<Void> listener) {
        long since = Math.max(0, watermark.get() - OVERLAP_MILLIS);
        store.pull(
                since,
                template -> {
                    service.restore(
                            template.namespace(),
                            template.id(),
                            template.template(),
                            template.count());
                    pulledTemplates.incrementAndGet();
                },
                ActionListener.wrap(
                        newest -> {
                            watermark.accumulateAndGet(newest, Math::max);
                            finish(listener, null);
                        },
                        e -> finish(listener, e)));
    }

    private void finish(ActionListener<Void> listeners, Exception failure) {
        rounds.incrementAndGet();
        lastRoundMillis = threadPool.absoluteTimeInMillis();
        if (failure != null) {
            failures.incrementAndGet();
            LOG.warn(
                    "template sync round failed; unflushed activity is kept for the next round",
                    failure);
            listeners.onFailure(failure);
        } else {
            listeners.onResponse(null);
        }
        synchronized (this) {
            if (waiting.isEmpty()) {
                running = false;
                return;
            }
        }
        round();
    }

    public Map<String, Object> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("rounds", rounds.get());
        stats.put("failed_rounds", failures.get());
        stats.put("flushed_templates", flushedTemplates.get());
        stats.put("flush_retries", flushRetries.get());
        stats.put("pulled_templates", pulledTemplates.get());
        stats.put("watermark_millis", watermark.get());
        stats.put("last_round_millis", lastRoundMillis);
        return stats;
    }

    @Override
    public void close() {
        Scheduler.Cancellable current = schedule;
        if (current != null) {
            current.cancel();
        }
    }
}
