/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.job;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.opensearch.core.action.ActionListener;
import org.opensearch.jobscheduler.spi.JobExecutionContext;
import org.opensearch.jobscheduler.spi.LockModel;
import org.opensearch.jobscheduler.spi.ScheduledJobParameter;
import org.opensearch.jobscheduler.spi.ScheduledJobRunner;

/**
 * Runs this plugin's scheduled jobs: takes Job Scheduler's lock so that one node runs a job at a
 * time, runs the task registered for the job's kind on the plugin's bounded pool, and releases the
 * lock. A singleton because Job Scheduler instantiates the extension apart from the plugin instance
 * that receives the node's services.
 */
public final class AiopsJobRunner implements ScheduledJobRunner {

    private static final Logger LOG = LogManager.getLogger(AiopsJobRunner.class);
    private static final AiopsJobRunner INSTANCE = new AiopsJobRunner();

    private final Map<String, JobTask> tasks = new ConcurrentHashMap<>();
    private volatile ExecutorService executor;

    public static AiopsJobRunner getInstance() {
        return INSTANCE;
    }

    /** Called once the node's thread pool exists. */
    public void setExecutor(ExecutorService executor) {
        this.executor = executor;
    }

    public void register(String kind, JobTask task) {
        tasks.put(kind, task);
    }

    @Override
    public void runJob(ScheduledJobParameter parameter, JobExecutionContext context) {
        if (parameter instanceof AiopsJobParameter == false) {
            throw new IllegalArgumentException(
                    "job ["
                            + parameter.getName()
                            + "] is not an aiops job: "
                            + parameter.getClass().getName());
        }
        AiopsJobParameter job = (AiopsJobParameter) parameter;
        JobTask task = tasks.get(job.getKind());
        if (task == null) {
            LOG.warn(
                    "aiops job [{}] has kind [{}], which no feature of this node runs; known kinds {}",
                    job.getName(),
                    job.getKind(),
                    tasks.keySet());
            return;
        }
        if (executor == null) {
            LOG.warn("aiops job [{}] skipped: the plugin is not initialised yet", job.getName());
            return;
        }
        context.getLockService()
                .acquireLock(
                        job,
                        context,
                        ActionListener.wrap(
                                lock -> {
                                    if (lock == null) {
                                        return; // another node holds it
                                    }
                                    // The lock's listener runs on the thread that answered the lock
                                    // update; tasks wait for the cluster, so they
                                    // run on the plugin's pool (waiting on that thread would stall
                                    // the answers they wait for).
                                    executor.submit(
                                            () -> {
                                                try {
                                                    task.run(job);
                                                } catch (Exception e) {
                                                    LOG.error(
                                                            "aiops job ["
                                                                    + job.getName()
                                                                    + "] of kind ["
                                                                    + job.getKind()
                                                                    + "] failed",
                                                            e);
                                                } finally {
                                                    release(context, lock, job);
                                                }
                                            });
                                },
                                e ->
                                        LOG.error(
                                                "aiops job ["
                                                        + job.getName()
                                                        + "] could not take its lock",
                                                e)));
    }

    private static void release(
            JobExecutionContext context, LockModel lock, AiopsJobParameter job) {
        context.getLockService()
                .release(
                        lock,
                        ActionListener.wrap(
                                released -> {},
                                e ->
                                        LOG.error(
                                                "aiops job ["
                                                        + job.getName()
                                                        + "] could not release its lock",
                                                e)));
    }

    private AiopsJobRunner() {}
}
