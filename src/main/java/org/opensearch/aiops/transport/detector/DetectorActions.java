/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.transport.detector;

import org.opensearch.action.ActionType;
import org.opensearch.action.search.SearchResponse;
import org.opensearch.aiops.detector.DetectorProfile;
import org.opensearch.aiops.detector.DetectorValidation;
import org.opensearch.aiops.detector.RootCauseRanking;
import org.opensearch.aiops.detector.TopResults;

/**
 * The detector operations, each its own transport action {@code
 * cluster:admin/aiops/detector/<operation>}.
 */
public final class DetectorActions {

    public static final String PREFIX = "cluster:admin/aiops/detector/";

    public static final ActionType<DetectorResponse> CREATE =
            new ActionType<>(PREFIX + "create", DetectorResponse::new);
    public static final ActionType<DetectorResponse> GET =
            new ActionType<>(PREFIX + "get", DetectorResponse::new);
    public static final ActionType<DetectorResponse> UPDATE =
            new ActionType<>(PREFIX + "update", DetectorResponse::new);
    public static final ActionType<DeleteDetectorResponse> DELETE =
            new ActionType<>(PREFIX + "delete", DeleteDetectorResponse::new);
    public static final ActionType<SearchResponse> SEARCH =
            new ActionType<>(PREFIX + "search", SearchResponse::new);
    public static final ActionType<DetectorObjectResponse<DetectorValidation>> VALIDATE =
            new ActionType<>(
                    PREFIX + "validate",
                    in -> new DetectorObjectResponse<>(in, DetectorValidation::new));
    public static final ActionType<DetectorStateResponse> TRAIN =
            new ActionType<>(PREFIX + "train", DetectorStateResponse::new);
    public static final ActionType<DetectorObjectResponse<DetectorProfile>> PROFILE =
            new ActionType<>(
                    PREFIX + "profile",
                    in -> new DetectorObjectResponse<>(in, DetectorProfile::new));
    public static final ActionType<DetectorStateResponse> START =
            new ActionType<>(PREFIX + "start", DetectorStateResponse::new);
    public static final ActionType<DetectorStateResponse> STOP =
            new ActionType<>(PREFIX + "stop", DetectorStateResponse::new);
    public static final ActionType<RunDetectorResponse> RUN =
            new ActionType<>(PREFIX + "run", RunDetectorResponse::new);
    public static final ActionType<SearchResponse> RESULTS_SEARCH =
            new ActionType<>(PREFIX + "results/search", SearchResponse::new);
    public static final ActionType<DetectorObjectResponse<TopResults>> RESULTS_TOP =
            new ActionType<>(
                    PREFIX + "results/top",
                    in -> new DetectorObjectResponse<>(in, TopResults::new));
    public static final ActionType<DetectorObjectResponse<RootCauseRanking>> RESULTS_ROOT_CAUSE =
            new ActionType<>(
                    PREFIX + "results/root_cause",
                    in -> new DetectorObjectResponse<>(in, RootCauseRanking::new));

    private DetectorActions() {}
}
