/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.detector.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.opensearch.common.io.stream.BytesStreamOutput;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.xcontent.XContentHelper;
import org.opensearch.common.xcontent.json.JsonXContent;
import org.opensearch.core.common.io.stream.NamedWriteableAwareStreamInput;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.core.common.io.stream.StreamInput;
import org.opensearch.core.common.io.stream.Writeable;
import org.opensearch.core.xcontent.DeprecationHandler;
import org.opensearch.core.xcontent.NamedXContentRegistry;
import org.opensearch.core.xcontent.ToXContent;
import org.opensearch.core.xcontent.ToXContentObject;
import org.opensearch.core.xcontent.XContentParser;
import org.opensearch.search.SearchModule;

/**
 * Parsing and serialisation helpers the input tests share: the registries know every query type, as
 * a node's do.
 */
final class InputTestSupport {

    private static final SearchModule SEARCH = new SearchModule(Settings.EMPTY, List.of());
    static final NamedXContentRegistry X_CONTENT =
            new NamedXContentRegistry(SEARCH.getNamedXContents());
    static final NamedWriteableRegistry WRITEABLES =
            new NamedWriteableRegistry(SEARCH.getNamedWriteables());

    /** The shared datasets folder, relative to the project root (the tests' working directory). */
    static final Path DATASETS =
            Path.of(System.getProperty("user.dir")).resolve("../shared/datasets").normalize();

    private InputTestSupport() {}

    interface ConfigReader<T> {
        T parse(XContentParser parser, String path) throws IOException;
    }

    static <T> T parse(String json, ConfigReader<T> reader) throws IOException {
        try (XContentParser parser =
                JsonXContent.jsonXContent.createParser(
                        X_CONTENT, DeprecationHandler.THROW_UNSUPPORTED_OPERATION, json)) {
            return reader.parse(parser, "source");
        }
    }

    static String toJson(ToXContentObject value) throws IOException {
        return value.toXContent(JsonXContent.contentBuilder(), ToXContent.EMPTY_PARAMS).toString();
    }

    static <T extends Writeable> T streamRoundTrip(T value, Writeable.Reader<T> reader)
            throws IOException {
        try (BytesStreamOutput out = new BytesStreamOutput()) {
            value.writeTo(out);
            try (StreamInput in =
                    new NamedWriteableAwareStreamInput(out.bytes().streamInput(), WRITEABLES)) {
                T read = reader.read(in);
                if (in.available() != 0) {
                    throw new AssertionError(in.available() + " bytes left unread");
                }
                return read;
            }
        }
    }

    static Map<String, Object> jsonMap(String json) {
        return XContentHelper.convertToMap(JsonXContent.jsonXContent, json, false);
    }

    static Map<String, Object> jsonFile(Path file) throws IOException {
        return jsonMap(Files.readString(file));
    }
}
