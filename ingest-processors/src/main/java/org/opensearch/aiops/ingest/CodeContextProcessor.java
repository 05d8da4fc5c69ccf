package org.opensearch.aiops.ingest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import org.opensearch.aiops.context.CodeContextService;
import org.opensearch.aiops.context.CodeContextText;
import org.opensearch.core.action.ActionListener;
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
    private final String modelId;
    private final Supplier<CodeContextService> service;

    CodeContextProcessor(
        String tag,
        String description,
        String targetField,
        CodeContextText texts,
        VectorMode vectorMode,
        String pca,
        String modelId,
        Supplier<CodeContextService> service
    ) {
        super(tag, description);
        this.targetField = targetField;
        this.texts = texts;
        this.vectorMode = vectorMode;
        this.pca = pca;
        this.modelId = modelId;
        this.service = service;
    }

    /** With the bundled model: synchronous, the embedding is a cache hit or a few milliseconds of ONNX Runtime. */
    @Override
    public IngestDocument execute(IngestDocument document) throws Exception {
        CodeContextText.CodeContext context = texts.of(document.getSourceAndMetadata());
        write(document, context, service.get().vector(context, vectorMode == VectorMode.REFERENCE));
        return document;
    }

    /** With {@code model_id}: ML Commons predicts asynchronously; its errors fail the document with their reason. */
    @Override
    public void execute(IngestDocument document, BiConsumer<IngestDocument, Exception> handler) {
        if (modelId == null) {
            super.execute(document, handler);
            return;
        }
        CodeContextText.CodeContext context;
        try {
            context = texts.of(document.getSourceAndMetadata());
        } catch (IllegalArgumentException e) {
            handler.accept(null, e);
            return;
        }
        service.get().vector(context, vectorMode == VectorMode.REFERENCE, modelId, ActionListener.wrap(vector -> {
            write(document, context, vector);
            handler.accept(document, null);
        }, e -> handler.accept(null, e)));
    }

    private void write(IngestDocument document, CodeContextText.CodeContext context, float[] vector) {
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
    }

    @Override
    public String getType() {
        return TYPE;
    }
}
