package org.sitrep.sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Pulls the article body and its metadata out of a news web page. */
final class HtmlExtractor {

    /** What a page yields; any field but text may be null. */
    record Page(String text, String title, String published, String url, String outlet, List<String> warnings) {}

    /** Fewer letters than this is a menu, a cookie wall or an error page, not an article. */
    static final int MIN_ARTICLE_LETTERS = 20;

    // Page furniture that is never article text; removing it first keeps readability from picking a menu.
    private static final String BOILERPLATE = "script, style, noscript, template, iframe, svg, nav, header, footer, "
            + "aside, form, button, select, [role=navigation], [role=banner], [role=contentinfo], [aria-hidden=true]";

    private static final ObjectMapper JSON = new ObjectMapper();

    private HtmlExtractor() {}

    /**
     * Deeper nesting than any real page has. Readability recurses once per level (a page nested 5,000 deep
     * overflows the stack) and jsoup's tree builder scans its open-element stack per tag (quadratic in depth),
     * so deeper markup is flattened: first roughly in the raw text, then exactly in the tree.
     */
    static final int MAX_DEPTH = 200;

    static final int MAX_RAW_DEPTH = 1_000;
    /** More children under one element, or more elements, than a news page has: the article search is skipped. */
    static final int MAX_CHILDREN = 1_000;

    static final int MAX_ELEMENTS = 10_000;

    static Page extract(String html, String baseUri) {
        List<String> warnings = new ArrayList<>();
        String bounded = HtmlDepth.flattenRaw(html, MAX_RAW_DEPTH);
        if (bounded != html)
            warnings.add("HTML nested deeper than " + MAX_RAW_DEPTH + " levels: the excess markup was dropped");
        org.jsoup.nodes.Document dom = Jsoup.parse(bounded, baseUri); // jsoup repairs any tag soup; it does not throw
        int flattened = HtmlDepth.flatten(dom, MAX_DEPTH);
        if (flattened > 0 && warnings.isEmpty()) {
            warnings.add("HTML nested deeper than " + MAX_DEPTH + " levels: " + flattened
                    + " elements below that were flattened");
        }
        List<Element> jsonLd = dom.select("script[type=application/ld+json]");
        List<JsonNode> linkedData = new ArrayList<>();
        for (Element script : jsonLd) {
            try {
                linkedData.add(JSON.readTree(script.data()));
            } catch (Exception e) {
                // broken structured data is common; the page itself may still be fine
            }
        }
        String url = firstNonBlank(
                attr(dom, "link[rel=canonical]", "abs:href"), attr(dom, "meta[property=og:url]", "content"));
        String outlet = firstNonBlank(
                attr(dom, "meta[property=og:site_name]", "content"), findText(linkedData, "publisher", "name"));
        String published = published(dom, linkedData);

        org.jsoup.nodes.Document cleaned = dom.clone();
        cleaned.select(BOILERPLATE).remove();
        String title = null;
        String text = null;
        String tooLarge = HtmlDepth.tooLargeToSearch(cleaned, MAX_CHILDREN, MAX_ELEMENTS);
        if (tooLarge != null) {
            warnings.add("HTML page too large to search for the article (" + tooLarge + "): its whole text was read");
        } else {
            try {
                Article article = new Readability4J(url != null ? url : baseUri, cleaned.clone()).parse();
                title = article.getTitle();
                if (article.getArticleContent() != null) text = toText(article.getArticleContent());
            } catch (RuntimeException | LinkageError | StackOverflowError e) {
                // readability is a recursive heuristic over arbitrary markup; the depth bounds above keep it within
                // the stack on every page seen, and should one still overflow, nothing of it is kept: the body text
                // below is read without recursion
            }
        }
        if (letters(text) < MIN_ARTICLE_LETTERS) text = toText(cleaned.body());
        title = firstNonBlank(
                title,
                attr(dom, "meta[property=og:title]", "content"),
                dom.title(),
                Optional.ofNullable(dom.selectFirst("h1")).map(Element::text).orElse(null));
        return new Page(text, title, published, url, outlet, List.copyOf(warnings));
    }

    /**
     * Text of an HTML fragment such as a feed item's description: the same cleaning and line breaks as a page,
     * without the article search, which is for finding a story among page furniture.
     */
    static String fragmentText(String html) {
        org.jsoup.nodes.Document dom = Jsoup.parseBodyFragment(HtmlDepth.flattenRaw(html, MAX_RAW_DEPTH));
        dom.select(BOILERPLATE).remove();
        return toText(dom.body());
    }

    /**
     * The first date a page states, most explicit source first. A parseable candidate beats an unparseable one;
     * if none parses, the first is returned so that the reader can say what it could not read.
     */
    private static String published(org.jsoup.nodes.Document dom, List<JsonNode> linkedData) {
        List<String> candidates = new ArrayList<>();
        for (String selector : List.of(
                "meta[property=article:published_time]",
                "meta[name=article:published_time]",
                "meta[property=og:published_time]",
                "meta[itemprop=datePublished]")) {
            candidates.add(attr(dom, selector, "content"));
        }
        candidates.add(findText(linkedData, "datePublished"));
        for (String name : List.of(
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "dc.date",
                "dc.date.issued",
                "dcterms.date",
                "dcterms.created",
                "sailthru.date",
                "parsely-pub-date")) {
            candidates.add(attr(dom, "meta[name=" + name + "]", "content"));
        }
        candidates.add(attr(dom, "time[datetime][pubdate], time[datetime][itemprop=datePublished]", "datetime"));
        candidates.add(attr(dom, "article time[datetime]", "datetime"));
        candidates.add(attr(dom, "time[datetime]", "datetime"));
        candidates.removeIf(c -> c == null || c.isBlank());
        return candidates.stream()
                .filter(c -> Dates.toIso(c).isPresent())
                .findFirst()
                .orElse(candidates.isEmpty() ? null : candidates.get(0));
    }

    /** Text of an element with one line per block (paragraph, heading, list item) and whitespace collapsed. */
    static String toText(Element root) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode t) {
                            out.append(t.getWholeText().replaceAll("\\s+", " "));
                        } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
                            out.append('\n');
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element e && e.isBlock()) out.append('\n');
                    }
                },
                root);
        StringBuilder text = new StringBuilder();
        for (String line : out.toString().split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) continue;
            if (!text.isEmpty()) text.append('\n');
            text.append(trimmed);
        }
        return text.toString();
    }

    static int letters(String s) {
        if (s == null) return 0;
        return (int) s.codePoints().filter(Character::isLetter).count();
    }

    private static String attr(org.jsoup.nodes.Document dom, String selector, String attribute) {
        Element e = dom.selectFirst(selector);
        if (e == null) return null;
        String value = e.attr(attribute);
        if (value.isBlank() && attribute.startsWith("abs:")) value = e.attr(attribute.substring(4));
        return value.isBlank() ? null : value.strip();
    }

    /** The first text value at the given field path anywhere in the JSON-LD blocks (which nest via @graph, arrays). */
    private static String findText(List<JsonNode> roots, String... path) {
        for (JsonNode root : roots) {
            String found = findText(root, path);
            if (found != null) return found;
        }
        return null;
    }

    private static String findText(JsonNode node, String... path) {
        JsonNode at = node;
        for (String field : path) {
            at = at == null ? null : at.get(field);
        }
        if (at != null && at.isTextual() && !at.asText().isBlank())
            return at.asText().strip();
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                String found = findText(child, path);
                if (found != null) return found;
            }
        }
        return null;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) return v.strip();
        }
        return null;
    }
}
