/*
 * SPDX-License-Identifier: Apache-2.0
 *
 * Copyright OpenSearch AIOps plugin contributors.
 */

package org.opensearch.aiops.template.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.opensearch.aiops.template.DrainConfig;
import org.opensearch.aiops.template.ParseResult;
import org.opensearch.aiops.template.TemplateChange;
import org.opensearch.test.OpenSearchTestCase;

public class TemplateServiceTests extends OpenSearchTestCase {

    private final AtomicLong clock = new AtomicLong(1_000);

    public void testGlobalCapEvictsLeastRecentlyUsedNamespaces() {
        TemplateService service = new TemplateService(clock::incrementAndGet, 5);
        for (String ns : List.of("a", "b", "c")) {
            service.parse(ns, DrainConfig.defaults(), "first line of " + ns);
            service.parse(ns, DrainConfig.defaults(), "second kind of line in " + ns + " here");
        }
        Map<String, Object> stats = service.stats();
        assertTrue(stats.toString(), (Integer) stats.get("templates") <= 5);
        assertEquals(1L, stats.get("namespace_evictions"));
        assertFalse(
                "the least recently used namespace leaves memory",
                ((Map<?, ?>) stats.get("by_namespace")).containsKey("a"));
        assertEquals(6L, stats.get("lines_parsed"));
        assertEquals(6L, stats.get("templates_created"));
    }

    public void testActivityIsCountedOncePerLineAndPutBackOnFailure() {
        TemplateService service = new TemplateService(clock::incrementAndGet, 100);
        ParseResult first = service.parse("ns", DrainConfig.defaults(), "disk 1 is full");
        service.parse("ns", DrainConfig.defaults(), "disk 2 is full");
        List<TemplateActivity> drained = service.drainActivity();
        assertEquals(1, drained.size());
        assertEquals(first.id(), drained.get(0).id);
        assertEquals(2, drained.get(0).countDelta);
        assertTrue(service.drainActivity().isEmpty());

        service.parse("ns", DrainConfig.defaults(), "disk 3 is full");
        service.putBack(drained);
        List<TemplateActivity> again = service.drainActivity();
        assertEquals(3, again.get(0).countDelta);
    }

    public void testDryRunSeesTemplatesButLearnsNothing() {
        TemplateService service = new TemplateService(clock::incrementAndGet, 100);
        String id = service.parse("ns", DrainConfig.defaults(), "job 7 done").id();
        service.drainActivity();
        List<ParseResult> dry =
                service.dryRun(
                        "ns",
                        DrainConfig.defaults(),
                        List.of("job 8 done", "something else entirely"));
        assertEquals(id, dry.get(0).id());
        assertEquals(TemplateChange.CREATED, dry.get(1).change());
        assertTrue(service.drainActivity().isEmpty());
        assertEquals(
                1,
                ((Map<?, ?>) ((Map<?, ?>) service.stats().get("by_namespace")).get("ns"))
                        .get("templates"));
    }

    public void testForgetDropsNamespaceAndItsActivity() {
        TemplateService service = new TemplateService(clock::incrementAndGet, 100);
        service.parse("gone", DrainConfig.defaults(), "a line");
        service.parse("kept", DrainConfig.defaults(), "a line");
        service.forget("gone");
        assertEquals(List.of("kept"), service.namespaceNames());
        assertEquals(1, service.drainActivity().size());
    }

    public void testProcessorConfigurationReplacesSyncDefaults() {
        TemplateService service = new TemplateService(clock::incrementAndGet, 100);
        service.restore("ns", "abc", "user <*> logged in", 4);
        DrainConfig noParameters = DrainConfig.defaults().extractParameters(false);
        ParseResult result = service.parse("ns", noParameters, "user bob logged in");
        assertEquals("abc", result.id());
        assertEquals(TemplateChange.NONE, result.change());
    }

    private static final DrainConfig STRICT = DrainConfig.defaults().similarityThreshold(0.95);

    /** Learns "session opened for user <*> from web" with the default threshold. */
    private static String learnLoginTemplate(TemplateService service) {
        service.parse("ns", DrainConfig.defaults(), "session opened for user u-1 from web");
        ParseResult same =
                service.parse("ns", DrainConfig.defaults(), "session opened for user u-2 from web");
        assertEquals(TemplateChange.NONE, same.change());
        return same.id();
    }

    /**
     * Before, a namespace kept the options of the first processor that used it: STRICT was silently
     * ignored.
     */
    public void testNewOptionsForAnExistingNamespaceAreHonoured() {
        TemplateService lenientOnly = new TemplateService(clock::incrementAndGet, 100);
        learnLoginTemplate(lenientOnly);
        assertEquals(
                "the default threshold joins the line",
                TemplateChange.UPDATED,
                lenientOnly
                        .parse(
                                "ns",
                                DrainConfig.defaults(),
                                "session opened for user u-4 k-1 node-7")
                        .change());

        TemplateService service = new TemplateService(clock::incrementAndGet, 100);
        String id = learnLoginTemplate(service);
        assertEquals(
                "known templates carry over to the new options",
                id,
                service.parse("ns", STRICT, "session opened for user u-3 from web").id());
        assertEquals(
                "the strict threshold keeps the line apart",
                TemplateChange.CREATED,
                service.parse("ns", STRICT, "session opened for user u-4 k-1 node-7").change());
        assertEquals(
                "the first pipeline keeps its own options",
                TemplateChange.UPDATED,
                service.parse(
                                "ns",
                                DrainConfig.defaults(),
                                "session opened for user u-5 k-2 node-8")
                        .change());
        assertEquals(
                2,
                ((Map<?, ?>) ((Map<?, ?>) service.stats().get("by_namespace")).get("ns"))
                        .get("configurations"));
    }

    /**
     * After a restart the namespace comes back from the index; each pipeline's options apply as
     * before the restart.
     */
    public void testRestoredNamespaceParsesWithEachPipelinesOptions() {
        TemplateService service = new TemplateService(clock::incrementAndGet, 100);
        service.restore("ns", "login", "session opened for user <*> from web", 2);
        assertEquals(
                TemplateChange.CREATED,
                service.parse("ns", STRICT, "session opened for user u-4 k-1 node-7").change());
        service.restore("ns", "other", "backup of volume <NUM> done", 1);
        assertEquals(
                "the sync restores into every configuration's parser",
                "other",
                service.parse("ns", STRICT, "backup of volume 7 done").id());
        assertEquals(
                "login",
                service.parse("ns", DrainConfig.defaults(), "session opened for user u-6 from web")
                        .id());
        assertEquals(
                "other",
                service.parse("ns", DrainConfig.defaults(), "backup of volume 8 done").id());
    }

    public void testConfigurationsPerNamespaceAreBounded() {
        TemplateService service = new TemplateService(clock::incrementAndGet, 1000);
        for (int i = 0; i < TemplateService.MAX_CONFIGURATIONS + 2; i++) {
            service.parse("ns", DrainConfig.defaults().maxChildren(10 + i), "line " + i);
        }
        Map<?, ?> ns = (Map<?, ?>) ((Map<?, ?>) service.stats().get("by_namespace")).get("ns");
        assertEquals(TemplateService.MAX_CONFIGURATIONS, ns.get("configurations"));
    }

    /** The setting is dynamic: lowering it must shrink memory now, not at the next new template. */
    public void testLoweringTheGlobalCapEvictsAtOnce() {
        TemplateService service = new TemplateService(clock::incrementAndGet, 100);
        for (String ns : List.of("a", "b", "c")) {
            service.parse(ns, DrainConfig.defaults(), "only line of " + ns);
        }
        service.setMaxTotalTemplates(1);
        assertEquals(List.of("c"), service.namespaceNames());
        assertEquals(1, service.stats().get("max_total_templates"));
        assertEquals(2L, service.stats().get("namespace_evictions"));
    }
}
