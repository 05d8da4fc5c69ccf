/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.opensearch.test.OpenSearchTestCase;

import picocli.CommandLine;

/** Bad options are refused with exit code 2 and a message naming them, before any node is asked. */
public class ImportSimulatedCommandTests extends OpenSearchTestCase {

    public void testBadOptionsAreRefusedNamingThem() {
        for (String[] bad :
                new String[][] {
                    {"--minutes", "1"}, {"--fault-minutes", "8"}, {"--per-second", "0"}
                }) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream previous = System.err;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit;
            try {
                String[] args = new String[bad.length + 4];
                args[0] = "import";
                args[1] = "simulated";
                args[2] = "--url";
                args[3] = "http://127.0.0.1:1"; // never contacted
                System.arraycopy(bad, 0, args, 4, bad.length);
                exit = new CommandLine(new AiopsCli()).execute(args);
            } finally {
                System.setErr(previous);
            }
            String message = err.toString(StandardCharsets.UTF_8);
            assertEquals(message, 2, exit);
            assertTrue(message, message.contains(bad[0]));
        }
    }
}
