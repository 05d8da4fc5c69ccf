/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.opensearch.test.OpenSearchTestCase;

public class DrainParserTests extends OpenSearchTestCase {

    private static DrainParser parser() {
        return new DrainParser("ns", DrainConfig.defaults());
    }

    public void testCreatedThenNoneThenUpdated() {
        DrainParser p = parser();
        ParseResult first = p.parse("Connection closed by 10.0.0.1 port 22");
        assertEquals(TemplateChange.CREATED, first.change());
        assertEquals("Connection closed by <IP> port <NUM>", first.template());

        ParseResult same = p.parse("Connection closed by 10.0.0.2 port 2222");
        assertEquals(TemplateChange.NONE, same.change());
        assertEquals(first.id(), same.id());

        ParseResult generalised = p.parse("Connection closed by gateway-7 port 22");
        assertEquals(TemplateChange.UPDATED, generalised.change());
        assertEquals("the id survives generalisation", first.id(), generalised.id());
        assertEquals("Connection closed by <*> port <NUM>", generalised.template());
        assertEquals(1, p.size());
        assertEquals(3, p.templates().get(0).count());
    }

    public void testChangeToString() {
        assertEquals("none", TemplateChange.NONE.toString());
        assertEquals("created", TemplateChange.CREATED.toString());
        assertEquals("updated", TemplateChange.UPDATED.toString());
    }

    public void testDifferentPlainWordsStaySeparateUntilThreeVariants() {
        DrainParser p = parser();
        String paused = p.parse("instance 42 VM Paused now").id();
        String resumed = p.parse("instance 43 VM Resumed now").id();
        assertNotEquals(
                "one differing word is another event until proven a variable", paused, resumed);
        ParseResult third = p.parse("instance 44 VM Stopped now");
        assertEquals(TemplateChange.UPDATED, third.change());
        assertEquals("instance <NUM> VM <*> now", third.template());
        assertEquals(1, p.size());
        String winner = third.id();
        assertEquals(winner, p.resolve(paused));
        assertEquals(winner, p.resolve(resumed));
    }

    public void testStableIdsAcrossInstances() {
        DrainParser a = parser();
        DrainParser b = parser();
        String[] lines = {
            "user alice logged in from 10.1.2.3",
            "disk /dev/sda1 is 93% full",
            "GET /index.html 200 12ms"
        };
        for (String line : lines) {
            assertEquals(a.parse(line).id(), b.parse(line).id());
        }
        assertEquals(16, a.parse(lines[0]).id().length());
        assertNotEquals(
                "namespace is part of the id",
                a.parse(lines[0]).id(),
                new DrainParser("other", DrainConfig.defaults()).parse(lines[0]).id());
    }

    public void testRestoreKeepsIdAndMatches() {
        DrainParser a = parser();
        ParseResult learned = a.parse("Took 3.5 seconds to spawn the instance");
        DrainParser b = parser();
        for (LogTemplate t : a.templates()) {
            b.restore(t.id(), t.template(), t.count());
        }
        ParseResult again = b.parse("Took 7.25 seconds to spawn the instance");
        assertEquals(learned.id(), again.id());
        assertEquals(TemplateChange.NONE, again.change());
        assertEquals(2, b.templates().get(0).count());
    }

    public void testRestoreExistingIdUpdatesTextAndCount() {
        DrainParser p = parser();
        String id = p.parse("job 17 finished ok").id();
        p.restore(id, "job <NUM> finished <*>", 40);
        assertEquals(1, p.size());
        LogTemplate t = p.templates().get(0);
        assertEquals("job <NUM> finished <*>", t.template());
        assertEquals(40, t.count());
        assertEquals(id, p.parse("job 18 finished badly").id());
    }

    public void testRestoreSameTextUnderOtherIdMergesToSmallerId() {
        DrainParser p = parser();
        String local = p.parse("cache warmed in 12ms").id();
        String small = "0000000000000000";
        p.restore(small, "cache warmed in <NUM>", 5);
        assertEquals(1, p.size());
        assertEquals(Map.of(local, small), p.aliases());
        ParseResult r = p.parse("cache warmed in 40ms");
        assertEquals(small, r.id());
        assertEquals(
                "a restored count is a total, so merging keeps the larger one",
                6,
                p.templates().get(0).count());

        String big = "ffffffffffffffff";
        p.restore(big, "cache warmed in <NUM>", 1);
        assertEquals(small, p.parse("cache warmed in 1ms").id());
        assertEquals(small, p.aliases().get(big));
        assertEquals(1, p.size());
    }

    public void testLruEvictsLeastRecentlyMatched() {
        DrainParser p = new DrainParser("ns", DrainConfig.defaults().maxTemplates(2));
        String a = p.parse("alpha event happened").id();
        p.parse("beta thing occurred here").id();
        p.parse("alpha event happened"); // a is now the most recent
        String c = p.parse("gamma stuff went wrong again today").id();
        assertEquals(2, p.size());
        List<String> ids = new ArrayList<>();
        p.templates().forEach(t -> ids.add(t.id()));
        assertTrue(ids.contains(a));
        assertTrue(ids.contains(c));
        assertEquals(TemplateChange.CREATED, p.parse("beta thing occurred here").change());
    }

    public void testParametersAreOriginalSubstringsInOrder() {
        DrainParser p = parser();
        ParseResult r =
                p.parse("Accepted password for root from 192.168.0.7:51022 uid=0 took 15ms");
        assertEquals(List.of("192.168.0.7", "51022", "0", "15ms"), r.parameters());
        p.parse("Accepted password for admin from 10.0.0.1:22 uid=1000 took 3ms");
        p.parse("Accepted password for guest from 10.0.0.2:22 uid=1001 took 4ms");
        ParseResult g = p.parse("Accepted password for bob from [fe80::1]:22 uid=7 took 2s");
        assertEquals("Accepted password for <*> from <*> uid=<NUM> took <NUM>", g.template());
        assertEquals(List.of("bob", "[fe80::1]:22", "7", "2s"), g.parameters());
    }

    public void testParametersOffWhenDisabled() {
        DrainParser p = new DrainParser("ns", DrainConfig.defaults().extractParameters(false));
        assertEquals(List.of(), p.parse("port 8080 open").parameters());
    }

    public void testGeneralisedTokensKeepTheirPunctuation() {
        DrainParser p = parser();
        p.parse("synchronized to 10.0.0.1, stratum 2");
        ParseResult r = p.parse("synchronized to LOCAL(0), stratum 10");
        assertEquals("synchronized to <*>, stratum <NUM>", r.template());
        assertEquals(List.of("LOCAL(0)", "10"), r.parameters());
    }

    public void testGeneralisesInsideKeyValueTokens() {
        DrainParser p = parser();
        p.parse("state=RUNNING retries=3");
        p.parse("state=STOPPED retries=4");
        ParseResult r = p.parse("state=PAUSED retries=5");
        assertEquals("state=<*> retries=<NUM>", r.template());
        assertEquals(List.of("PAUSED", "5"), r.parameters());
        ParseResult v = p.parse("state=0x1f retries=6");
        assertEquals("state=<*> retries=<NUM>", v.template());
        assertEquals(List.of("0x1f", "6"), v.parameters());
    }

    public void testOddInputNeverThrows() {
        DrainParser p = parser();
        assertNotNull(p.parse("").id());
        assertNotNull(p.parse(null).id());
        assertNotNull(p.parse("   \t \n ").id());
        ParseResult r = p.parse("bell\u0007 nul\u0000 esc\u001b[31m red");
        assertNotNull(r.template());
        assertNotNull(p.parse("日本語 ログ 行 123 ✓ \uD83D\uDE00 emoji").template());
        assertNotNull(p.parse("lone surrogate \uD800 here 12").template());
    }

    /**
     * Functional only: how fast is for {@code ./aiops bench parse}; a quadratic parser would hit
     * the suite timeout.
     */
    public void testOneMegabyteLinesParse() {
        DrainParser p = parser();
        StringBuilder spaced = new StringBuilder();
        while (spaced.length() < 1 << 20) {
            spaced.append("user")
                    .append(spaced.length() % 977)
                    .append("@host.example.com 10.0.")
                    .append(spaced.length() % 255)
                    .append(".1 ");
        }
        String oneToken = "a1".repeat(1 << 19);
        String letters = "abcdefabcdef".repeat(90_000);
        String separators = "-.:/@".repeat(210_000);
        for (String line : new String[] {spaced.toString(), oneToken, letters, separators}) {
            ParseResult r = p.parse(line);
            assertNotNull(r.id());
            assertEquals(r.id(), p.parse(line).id());
        }
    }

    public void testRandomInputNeverThrows() {
        DrainParser p = new DrainParser("fuzz", DrainConfig.defaults().maxTemplates(50));
        String alphabet = "ab1 0x:=-./@<>*[](),_\t\u0000é日";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder line = new StringBuilder();
            int length = randomIntBetween(0, 60);
            for (int c = 0; c < length; c++) {
                line.append(alphabet.charAt(randomInt(alphabet.length() - 1)));
            }
            String text = rarely() ? randomRealisticUnicodeOfLengthBetween(0, 80) : line.toString();
            if (rarely()) {
                p.restore(randomAlphaOfLength(16), text, randomIntBetween(0, 5));
            } else {
                ParseResult r = p.parse(text);
                assertNotNull(r.id());
                assertNotNull(r.parameters());
            }
        }
        assertTrue(p.size() <= 50);
    }

    public void testOverlongTokensAreValues() {
        DrainParser p = parser();
        String blob = "QUJD".repeat(300);
        ParseResult r = p.parse("payload " + blob + " end");
        assertEquals("payload <*> end", r.template());
        assertEquals(List.of(blob), r.parameters());
    }

    public void testThreadsParsingTheSameLinesAgreeOnIds() throws Exception {
        DrainParser p = parser();
        String[] lines = {
            "Received block blk_123 of size 67108864 from /10.250.19.102",
            "PacketResponder 1 for block blk_42 terminating",
            "Verification succeeded for blk_-77",
            "Deleting block blk_9 file /mnt/hadoop/dfs/data/current/subdir5/blk_9"
        };
        int threads = 4;
        Map<String, String> seen = new ConcurrentHashMap<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker =
                    new Thread(
                            () -> {
                                try {
                                    go.await();
                                    for (int i = 0; i < 2_000; i++) {
                                        String line = lines[i % lines.length];
                                        String id = p.resolve(p.parse(line).id());
                                        String before =
                                                seen.putIfAbsent(line + "#" + i % lines.length, id);
                                        if (before != null
                                                && !before.equals(id)
                                                && !p.resolve(before).equals(id)) {
                                            throw new AssertionError(
                                                    "ids differ for "
                                                            + line
                                                            + ": "
                                                            + before
                                                            + " vs "
                                                            + id);
                                        }
                                    }
                                } catch (Throwable e) {
                                    failure.compareAndSet(null, e);
                                }
                            });
            workers.add(worker);
            worker.start();
        }
        go.countDown();
        for (Thread w : workers) {
            w.join();
        }
        assertNull(String.valueOf(failure.get()), failure.get());
        DrainParser single = parser();
        for (String line : lines) {
            assertEquals(single.parse(line).template(), p.parse(line).template());
        }
        assertEquals(lines.length, p.size());
    }

    public void testGeneraliseMergesVersionsOfOneTemplate() {
        assertEquals(
                "user <*> logged in",
                DrainParser.generalise("user alice logged in", "user <*> logged in"));
        assertEquals(
                "user <*> logged in",
                DrainParser.generalise("user <*> logged in", "user alice logged in"));
        assertEquals("a b c", DrainParser.generalise("a b c", "a b c"));
        assertEquals("a b c", DrainParser.generalise("a b c", null));
        assertEquals("a b c", DrainParser.generalise("a b c", "a b"));
    }

    public void testRestoreNeverMakesATemplateMoreSpecific() {
        DrainParser parser = new DrainParser("ns", DrainConfig.defaults());
        parser.restore("id1", "Worker finished task for user <*> ok", 3);
        parser.restore("id1", "Worker finished task for user alpha ok", 1);
        assertEquals("Worker finished task for user <*> ok", parser.templates().get(0).template());
    }
}
