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
        assertFalse("the least recently used namespace leaves memory", ((Map<?, ?>) stats.get("by_namespace")).containsKey("a"));
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
        List<ParseResult> dry = service.dryRun("ns", DrainConfig.defaults(), List.of("job 8 done", "something else entirely"));
        assertEquals(id, dry.get(0).id());
        assertEquals(TemplateChange.CREATED, dry.get(1).change());
        assertTrue(service.drainActivity().isEmpty());
        assertEquals(1, ((Map<?, ?>) ((Map<?, ?>) service.stats().get("by_namespace")).get("ns")).get("templates"));
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
}
