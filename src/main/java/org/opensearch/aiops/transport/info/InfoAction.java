/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.info;

import org.opensearch.action.ActionType;

/** What this plugin offers on this node: version, processors, detector types, engine status. */
public final class InfoAction extends ActionType<InfoResponse> {

    public static final String NAME = "cluster:monitor/aiops/info";
    public static final InfoAction INSTANCE = new InfoAction();

    private InfoAction() {
        super(NAME, InfoResponse::new);
    }
}
