package org.opensearch.aiops.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.opensearch.aiops.context.CodeContextService;
import org.opensearch.aiops.context.CodeContextText;
import org.opensearch.ingest.AbstractProcessor;
import org.opensearch.ingest.IngestDocument;

/**
 * {@code code_context}: on a Jaeger span document, builds the text of the code the span ran (class, method,
 * parameter types, return value; masked) and its sentence embedding. Writes {@code text}, {@code hash} and
 * {@code source} under the target field, plus {@code vector} when {@code vector: inline}; with
 * {@code vector: reference} the vector lives once per unique context in the code contexts index. With {@code pca},
 * the vector through that stored projection is added as {@code reduced}.
 */
public final class CodeContextProcessor extends AbstractProcessor {

    public static final String TYPE = "code_context";

    /** Where the vector goes. */
    public enum VectorMode {
        INLINE,
        REFERENCE
    }

    private final String targetField;
    private final CodeContextText texts;
    private final VectorMode vectorMode;
    private final String pca;
    private final Supplier<CodeContextService> service;

    CodeContextProcessor(
        String tag,
        String description,
        String targetField,
        CodeContextText texts,
        VectorMode vectorMode,
        String pca,
        Supplier<CodeContextService> service
    ) {
        super(tag, description);
        this.targetField = targetField;
        this.texts = texts;
        this.vectorMode = vectorMode;
        this.pca = pca;
        this.service = service;
    }

    @Override
    public IngestDocument execute(IngestDocument document) throws Exception {
        CodeContextText.CodeContext context = texts.of(document.getSourceAndMetadata());
        float[] vector = service.get().vector(context, vectorMode == VectorMode.REFERENCE);
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("text", context.text());
        output.put("hash", context.hash());
        output.put("source", context.source().name().toLowerCase(java.util.Locale.ROOT));
        if (vectorMode == VectorMode.INLINE) {
            output.put("vector", vector);
        }
        if (pca != null) {
            output.put("reduced", service.get().reduce(pca, vector));
        }
        document.setFieldValue(targetField, output);
        return document;
    }

    @Override
    public String getType() {
        return TYPE;
    }
}
