/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.importer;

/**
 * Kubernetes pod names of the TrainTicket data ({@code ts-order-service-5b67c48447-mv5hb}) and
 * their services.
 */
public final class PodNames {

    private PodNames() {}

    /**
     * The pod name without its last two dash-separated parts (ReplicaSet hash and pod suffix):
     * {@code ts-order-service}.
     */
    public static String service(String pod) {
        int last = pod.lastIndexOf('-');
        int secondLast = last > 0 ? pod.lastIndexOf('-', last - 1) : -1;
        if (secondLast <= 0) {
            throw new IllegalArgumentException(
                    "pod name [" + pod + "] does not end in -<hash>-<suffix>");
        }
        return pod.substring(0, secondLast);
    }
}
