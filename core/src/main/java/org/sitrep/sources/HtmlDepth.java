package org.sitrep.sources;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Bounds the shape of HTML, its nesting depth and how many children one element has, so that no page can make the
 * extractor recurse or scan without end.
 */
final class HtmlDepth {

    private HtmlDepth() {}

    // elements that close themselves or whose end tag is optional: they do not deepen the estimate
    private static final Set<String> NOT_NESTING = Set.of(
            "area",
            "base",
            "br",
            "col",
            "embed",
            "hr",
            "img",
            "input",
            "link",
            "meta",
            "param",
            "source",
            "track",
            "wbr",
            "p",
            "li",
            "dt",
            "dd",
            "tr",
            "td",
            "th",
            "option",
            "thead",
            "tbody",
            "tfoot",
            "colgroup",
            "rt",
            "rp",
            "optgroup",
            "html",
            "head",
            "body");

    /**
     * Drops the start and end tags that would take the raw markup deeper than {@code max} levels, keeping their
     * content; returns {@code html} itself (the same instance) when it is not that deep. A linear scan, not a
     * parser: it only has to be right for pathological pages, which no real site serves.
     */
    static String flattenRaw(String html, int max) {
        if (estimatedDepth(html) <= max) return html;
        StringBuilder out = new StringBuilder(html.length());
        int depth = 0, dropped = 0, i = 0, copied = 0;
        while (true) {
            int lt = html.indexOf('<', i);
            if (lt < 0) break;
            Tag t = tag(html, lt);
            if (t == null) {
                i = lt + 1;
                continue;
            }
            i = t.end;
            if (t.nesting == 0) continue;
            boolean drop;
            if (t.nesting > 0) {
                drop = depth >= max;
                if (drop) dropped++;
                else depth++;
            } else {
                drop = dropped > 0;
                if (drop) dropped--;
                else depth = Math.max(0, depth - 1);
            }
            if (drop) {
                out.append(html, copied, lt).append(' ');
                copied = t.end;
            }
        }
        out.append(html, copied, html.length());
        return out.toString();
    }

    /** The deepest nesting of elements that need an end tag, counted over the raw text. */
    static int estimatedDepth(String html) {
        int depth = 0, max = 0, i = 0;
        while (true) {
            int lt = html.indexOf('<', i);
            if (lt < 0) return max;
            Tag t = tag(html, lt);
            if (t == null) {
                i = lt + 1;
                continue;
            }
            i = t.end;
            depth = Math.max(0, depth + t.nesting);
            max = Math.max(max, depth);
        }
    }

    /** @param nesting +1 for a start tag that nests, -1 for an end tag, 0 otherwise; end is past the '>' */
    private record Tag(int nesting, int end) {}

    private static Tag tag(String s, int lt) {
        int i = lt + 1;
        boolean closing = i < s.length() && s.charAt(i) == '/';
        if (closing) i++;
        int nameStart = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '-' || s.charAt(i) == '!'))
            i++;
        if (i == nameStart) return null;
        if (s.startsWith("!--", nameStart)) {
            int end = s.indexOf("-->", nameStart);
            return new Tag(0, end < 0 ? s.length() : end + 3);
        }
        int gt = s.indexOf('>', i);
        if (gt < 0) return new Tag(0, s.length()); // no tag can end after this point
        String name = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
        boolean selfClosing = s.charAt(gt - 1) == '/';
        int end = gt + 1;
        if (!closing && (name.equals("script") || name.equals("style"))) return new Tag(0, endOfRaw(s, name, end));
        if (name.startsWith("!") || NOT_NESTING.contains(name) || selfClosing) return new Tag(0, end);
        return new Tag(closing ? -1 : 1, end);
    }

    /** Where the end tag of a script or style starting at {@code from} begins (their content is not markup). */
    private static int endOfRaw(String s, String name, int from) {
        for (int i = s.indexOf("</", from); i >= 0; i = s.indexOf("</", i + 2)) {
            if (s.regionMatches(true, i + 2, name, 0, name.length())) return i;
        }
        return s.length();
    }

    /**
     * Unwraps every element deeper than {@code max} (its children take its place), top-down so that each node
     * moves once; returns how many were unwrapped or removed. Elements whose content is data rather than markup
     * (script, style) are removed, not unwrapped: their data outside them would be written back as raw markup, and
     * readability re-parses the page it was given (on a retry), so a deep script holding {@code <div>} a thousand
     * times would come back as a thousand real levels.
     */
    static int flatten(Element root, int max) {
        List<Element> deep = new ArrayList<>();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (depth > max && node instanceof Element e) deep.add(e);
                    }

                    @Override
                    public void tail(Node node, int depth) {}
                },
                root);
        for (Element e : deep) {
            if (e.dataNodes().isEmpty()) e.unwrap();
            else e.remove(); // a script or style holds no article text
        }
        return deep.size();
    }

    /**
     * Why a parsed page is too large for readability, or null if it is not. Readability removes and moves nodes one
     * at a time, and jsoup renumbers all later siblings on each move, so an element with many thousands of children
     * costs quadratic time (12,000 empty paragraphs: 19 s); many elements cost time on each of its up to four passes.
     */
    static String tooLargeToSearch(Element root, int maxChildren, int maxElements) {
        int elements = 0, widest = 0;
        for (Element e : root.getAllElements()) {
            elements++;
            widest = Math.max(widest, e.childNodeSize());
        }
        if (widest > maxChildren) return "an element with " + widest + " children (over " + maxChildren + ")";
        if (elements > maxElements) return elements + " elements (over " + maxElements + ")";
        return null;
    }
}
