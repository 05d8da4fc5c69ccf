package org.opensearch.aiops.template.store;

/** Template text helpers shared by the store and the sync. */
final class TemplateTexts {

    static final String WILDCARD = "<*>";

    /**
     * The more general of two versions of one template: position by position, tokens that differ become wildcards.
     * Versions of one template only ever generalise, so this merge never loses what either node learned; texts of
     * different lengths cannot be versions of one template, and {@code ours} is kept.
     */
    static String generalise(String ours, String theirs) {
        if (theirs == null || ours.equals(theirs)) {
            return ours;
        }
        String[] a = ours.split(" ", -1);
        String[] b = theirs.split(" ", -1);
        if (a.length != b.length) {
            return ours;
        }
        StringBuilder merged = new StringBuilder(ours.length() + 8);
        for (int i = 0; i < a.length; i++) {
            if (i > 0) {
                merged.append(' ');
            }
            merged.append(a[i].equals(b[i]) ? a[i] : WILDCARD);
        }
        return merged.toString();
    }

    private TemplateTexts() {}
}
