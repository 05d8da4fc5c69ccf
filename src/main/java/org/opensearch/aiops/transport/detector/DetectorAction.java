package org.opensearch.aiops.transport.detector;

import org.opensearch.action.ActionType;

/** The detector operations, each its own transport action {@code cluster:admin/aiops/detector/<operation>}. */
public final class DetectorAction extends ActionType<DetectorResponse> {

    public static final String PREFIX = "cluster:admin/aiops/detector/";

    public static final DetectorAction CREATE = new DetectorAction("create");
    public static final DetectorAction GET = new DetectorAction("get");
    public static final DetectorAction UPDATE = new DetectorAction("update");
    public static final DetectorAction DELETE = new DetectorAction("delete");
    public static final DetectorAction SEARCH = new DetectorAction("search");
    public static final DetectorAction VALIDATE = new DetectorAction("validate");
    public static final DetectorAction TRAIN = new DetectorAction("train");
    public static final DetectorAction PROFILE = new DetectorAction("profile");
    public static final DetectorAction START = new DetectorAction("start");
    public static final DetectorAction STOP = new DetectorAction("stop");
    public static final DetectorAction RUN = new DetectorAction("run");
    public static final DetectorAction RESULTS_SEARCH = new DetectorAction("results/search");
    public static final DetectorAction RESULTS_TOP = new DetectorAction("results/top");

    private DetectorAction(String operation) {
        super(PREFIX + operation, DetectorResponse::new);
    }
}
