package org.opensearch.aiops.detector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.opensearch.common.xcontent.XContentFactory;
import org.opensearch.core.xcontent.XContentBuilder;

/** Maps of a detector's documents as JSON text (for wrapper queries and messages). */
public final class DetectorJson {

    public static String toJson(Map<String, Object> map) {
        try (XContentBuilder builder = XContentFactory.jsonBuilder()) {
            builder.map(map);
            return builder.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DetectorJson() {}
}
