/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.collector;

import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * Bounded retries with exponential backoff: waits first, 2×first, 4×first… capped at {@code
 * maxDelay}.
 */
public record RetryPolicy(int attempts, Duration firstDelay, Duration maxDelay) {

    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(8));

    public RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException(
                    "[attempts] must be at least 1, got [" + attempts + "]");
        }
    }

    /** One try of an action that may fail. */
    @FunctionalInterface
    public interface Attempt {
        void run() throws Exception;
    }

    /** Thrown when every attempt failed; the cause is the last failure. */
    public static final class ExhaustedException extends Exception {
        ExhaustedException(String message, Exception cause) {
            super(message, cause);
        }
    }

    /**
     * Runs {@code attempt} until it succeeds or {@code attempts} tries failed; {@code onRetry}
     * hears of each failure that is followed by another try (attempt number, failure).
     */
    public void run(String what, Attempt attempt, BiConsumer<Integer, Exception> onRetry)
            throws ExhaustedException, InterruptedException {
        Duration delay = firstDelay;
        for (int i = 1; ; i++) {
            try {
                attempt.run();
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (i >= attempts) {
                    throw new ExhaustedException(
                            what + " failed after " + attempts + " attempts: " + e.getMessage(), e);
                }
                onRetry.accept(i, e);
                Thread.sleep(delay.toMillis());
                delay =
                        delay.multipliedBy(2).compareTo(maxDelay) > 0
                                ? maxDelay
                                : delay.multipliedBy(2);
            }
        }
    }
}
