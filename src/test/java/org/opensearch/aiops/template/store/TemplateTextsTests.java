package org.opensearch.aiops.template.store;

import org.opensearch.test.OpenSearchTestCase;

public class TemplateTextsTests extends OpenSearchTestCase {

    public void testDifferingPositionsBecomeWildcards() {
        assertEquals("user <*> logged in from <IP>", TemplateTexts.generalise("user alice logged in from <IP>", "user <*> logged in from <IP>"));
        assertEquals("user <*> logged <*>", TemplateTexts.generalise("user alice logged in", "user bob logged out"));
    }

    public void testEqualMissingOrDifferentLengthKeepsOurs() {
        assertEquals("a b c", TemplateTexts.generalise("a b c", "a b c"));
        assertEquals("a b c", TemplateTexts.generalise("a b c", null));
        assertEquals("a b c", TemplateTexts.generalise("a b c", "a b"));
    }
}
