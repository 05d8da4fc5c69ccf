package org.opensearch.aiops.detector.input;

/** Where a log document is, so a result can link to the lines behind a session. */
public record LogDocumentRef(String index, String id) {}
