/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.opensearch.aiops.cli.AiopsCli;

import picocli.CommandLine;

/** {@code ./aiops import nezha} into the IT node, as the ITs that need the Nezha data run it. */
final class NezhaImports {

    static final Path DATA =
            Path.of(System.getProperty("user.dir"))
                    .resolve("../shared/datasets/nezha-trainticket")
                    .normalize();

    private NezhaImports() {}

    /** Imports the first {@code limitFiles} slices of {@code day}; fails the test on any error. */
    static void importDay(String day, int limitFiles) {
        assertTrue(
                "the Nezha TrainTicket data must be at "
                        + DATA
                        + " (../shared/datasets relative to the project)",
                Files.isDirectory(DATA));
        int exit =
                new CommandLine(new AiopsCli())
                        .execute(
                                "import",
                                "nezha",
                                "--input",
                                DATA.toString(),
                                "--url",
                                "http://127.0.0.1:" + System.getProperty("aiops.node.port", "9200"),
                                "--limit-files",
                                Integer.toString(limitFiles),
                                "--days",
                                day);
        assertEquals("import exit code", 0, exit);
    }
}
