/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Template ids: 16 hex characters of SHA-1 over (namespace, template text at creation).
 * Deterministic across nodes and restarts, so two nodes that see the same first line agree on the
 * id without talking to each other.
 */
final class TemplateIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private TemplateIds() {}

    static String of(String namespace, String template) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every JVM", e);
        }
        sha1.update(namespace.getBytes(StandardCharsets.UTF_8));
        sha1.update((byte) 0);
        byte[] digest = sha1.digest(template.getBytes(StandardCharsets.UTF_8));
        char[] out = new char[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[digest[i] & 0xf];
        }
        return new String(out);
    }
}
