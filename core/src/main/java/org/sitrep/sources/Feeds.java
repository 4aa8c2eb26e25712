package org.sitrep.sources;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.xml.sax.InputSource;

/** Reads RSS 0.9x, 1.0 (RDF) and 2.0 and Atom feeds with Rome; no DTD or external entity is ever fetched. */
final class Feeds {

    /**
     * One item or entry; any field may be null.
     *
     * @param id        the guid or Atom id, else the link
     * @param published the date as written when it is readable, else as Rome read it
     * @param content   content:encoded or Atom content, else the description or summary
     * @param html      whether content is HTML (always in RSS; in Atom only when its type says so)
     */
    record Item(String id, String title, String url, String published, String content, boolean html) {}

    /** @param outlet the feed's title, else the host of its link */
    record Feed(String outlet, String published, List<Item> items) {}

    /** Content that is not a readable feed; the message says why in plain words. */
    static final class NotAFeed extends Exception {
        NotAFeed(String message) {
            super(message);
        }
    }

    private static final List<String> ITEM_DATES =
            List.of("pubDate", "published", "issued", "date", "updated", "modified");
    private static final List<String> FEED_DATES =
            List.of("pubDate", "lastBuildDate", "published", "issued", "date", "updated", "modified");

    static final int MAX_DEPTH = 1_000;

    private Feeds() {}

    static Feed parse(byte[] bytes) throws NotAFeed {
        if (declaresEntities(bytes)) {
            throw new NotAFeed("the feed declares XML entities made of other entities, which can expand without bound"
                    + " (\"billion laughs\"); no real feed needs them");
        }
        // JDOM checks every new element against all its ancestors: quadratic in depth, minutes for 100,000 levels
        if (HtmlDepth.estimatedDepth(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)) > MAX_DEPTH) {
            throw new NotAFeed("elements nested deeper than " + MAX_DEPTH + " levels; no real feed is");
        }
        SafeInput input = new SafeInput();
        org.jdom2.Document xml;
        try {
            // Rome's reader finds the encoding from the BOM and XML declaration, as an XML parser would
            xml = input.parse(new XmlReader(new ByteArrayInputStream(bytes), true));
        } catch (JDOMParseException e) {
            throw new NotAFeed("line " + e.getLineNumber() + ": invalid XML: " + reason(e));
        } catch (JDOMException | IOException | RuntimeException e) { // JDOM reports some bad names unchecked
            throw new NotAFeed("invalid XML: " + reason(e));
        }
        SyndFeed feed;
        try {
            feed = new SyndFeedImpl(input.build(xml));
        } catch (IllegalArgumentException e) {
            throw new NotAFeed("not an RSS or Atom feed (root element <"
                    + xml.getRootElement().getQualifiedName() + ">)");
        } catch (FeedException | RuntimeException e) {
            throw new NotAFeed("invalid feed: " + reason(e));
        }
        boolean atom = feed.getFeedType() != null && feed.getFeedType().startsWith("atom");
        Element channel = channel(xml.getRootElement());
        List<Element> itemElements = items(xml.getRootElement(), channel);
        List<SyndEntry> entries = feed.getEntries();
        // Rome turns dates into instants, losing the day as written, which is what the reader keeps; the raw text
        // comes from the XML when items and entries line up one to one, as they do in every feed Rome reads
        boolean aligned = itemElements.size() == entries.size();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            SyndEntry e = entries.get(i);
            Date parsed = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
            SyndContent content = content(e);
            String type = content == null ? null : content.getType();
            String raw = aligned ? firstText(itemElements.get(i), ITEM_DATES) : null;
            items.add(new Item(
                    firstNonBlank(e.getUri(), e.getLink()),
                    firstNonBlank(e.getTitle()),
                    firstNonBlank(e.getLink()),
                    date(raw, parsed),
                    content == null ? null : content.getValue(),
                    !atom || (type != null && type.contains("html"))));
        }
        String outlet = firstNonBlank(feed.getTitle(), DocumentReader.host(feed.getLink()));
        String published = date(channel == null ? null : firstText(channel, FEED_DATES), feed.getPublishedDate());
        return new Feed(outlet, published, items);
    }

    /**
     * Whether the internal DTD subset declares an entity built of other entities, as expansion bombs ("billion
     * laughs") are. Old RSS 0.91 feeds name an external DTD, which is never read; no real feed nests entities.
     */
    static boolean declaresEntities(byte[] bytes) {
        // ASCII markup reads the same in ISO-8859-1 and UTF-8; a UTF-16 feed is left to the parser's limits
        String s = new String(bytes, 0, Math.min(bytes.length, 1 << 20), java.nio.charset.StandardCharsets.ISO_8859_1);
        int doctype = indexOfIgnoreCase(s, "<!DOCTYPE", 0);
        if (doctype < 0) return false;
        int bracket = s.indexOf('[', doctype), close = s.indexOf('>', doctype);
        if (bracket < 0 || (close >= 0 && close < bracket)) return false;
        int end = s.indexOf("]>", bracket);
        String subset = end < 0 ? s.substring(bracket) : s.substring(bracket, end);
        // an entity whose text refers to other entities multiplies them; external ones (SYSTEM, PUBLIC) are never read
        for (int at = indexOfIgnoreCase(subset, "<!ENTITY", 0);
                at >= 0;
                at = indexOfIgnoreCase(subset, "<!ENTITY", at + 8)) {
            int declEnd = subset.indexOf('>', at);
            String decl = declEnd < 0 ? subset.substring(at) : subset.substring(at, declEnd);
            int quote = Math.min(index(decl, '"'), index(decl, '\''));
            if (quote < decl.length()
                    && decl.indexOf('&', quote) >= 0
                    && !decl.substring(0, quote).matches("(?s).*\\b(SYSTEM|PUBLIC)\\b.*")) {
                return true;
            }
        }
        return false;
    }

    private static int index(String s, char c) {
        int i = s.indexOf(c);
        return i < 0 ? s.length() : i;
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        for (int i = s.indexOf('<', from); i >= 0; i = s.indexOf('<', i + 1)) {
            if (s.regionMatches(true, i, what, 0, what.length())) return i;
        }
        return -1;
    }

    /** Whether content starting with {@code head} is a feed: its root element is rss, feed or rdf:RDF. */
    static boolean isFeed(String head) {
        int i = 0;
        while (i < head.length()) {
            if (Character.isWhitespace(head.charAt(i)) || head.charAt(i) == '\uFEFF') {
                i++;
                continue;
            }
            if (head.startsWith("<?", i)) i = after(head, "?>", i);
            else if (head.startsWith("<!--", i)) i = after(head, "-->", i);
            else if (head.regionMatches(true, i, "<!DOCTYPE", 0, 9)) i = afterDoctype(head, i);
            else return rootIsFeed(head, i);
            if (i < 0) return false;
        }
        return false;
    }

    private static boolean rootIsFeed(String s, int i) {
        if (!s.startsWith("<", i)) return false;
        int end = i + 1;
        while (end < s.length()
                && !Character.isWhitespace(s.charAt(end))
                && s.charAt(end) != '>'
                && s.charAt(end) != '/') end++;
        String name = s.substring(i + 1, end);
        String local = name.substring(name.indexOf(':') + 1);
        return local.equals("rss") || local.equals("feed") || local.equals("RDF");
    }

    /** Position just after {@code end} found from {@code from}, or -1 when it is not in the text. */
    private static int after(String s, String end, int from) {
        int at = s.indexOf(end, from);
        return at < 0 ? -1 : at + end.length();
    }

    /** Position after a DOCTYPE, whose internal subset holds declarations ending in '>' of their own. */
    private static int afterDoctype(String s, int from) {
        int bracket = s.indexOf('[', from);
        int close = s.indexOf('>', from);
        if (close < 0) return -1;
        if (bracket < 0 || bracket > close) return close + 1;
        int end = s.indexOf(']', bracket);
        return end < 0 ? -1 : after(s, ">", end);
    }

    /**
     * Rome's parser with doctypes allowed (old RSS 0.91 feeds declare one) but every external entity and DTD
     * resolved to nothing: Rome already switches external entities off, and this makes sure nothing is fetched
     * even where a parser ignores those switches.
     */
    private static final class SafeInput extends WireFeedInput {
        SafeInput() {
            setAllowDoctypes(true);
        }

        org.jdom2.Document parse(Reader reader) throws JDOMException, IOException {
            SAXBuilder builder = createSAXBuilder();
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            // the parser's own limits on entity expansion, for what the check on the raw bytes cannot see (UTF-16)
            builder.setFeature(javax.xml.XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // the fixer turns HTML entities such as &nbsp;, common in feeds and undeclared in XML, into characters
            return builder.build(new XmlFixerReader(reader));
        }
    }

    /** content:encoded or Atom content with some text, else the description or summary. */
    private static SyndContent content(SyndEntry e) {
        for (SyndContent c : e.getContents()) {
            if (c != null && c.getValue() != null && !c.getValue().isBlank()) return c;
        }
        SyndContent d = e.getDescription();
        return d != null && d.getValue() != null && !d.getValue().isBlank() ? d : null;
    }

    /** The element holding the feed's own fields: rss/channel, rdf:RDF/channel, or the Atom feed itself. */
    private static Element channel(Element root) {
        if (root.getName().equals("feed")) return root;
        return root.getChildren().stream()
                .filter(c -> c.getName().equals("channel"))
                .findFirst()
                .orElse(null);
    }

    /** The item or entry elements in document order (RSS 1.0 puts items beside the channel, not in it). */
    private static List<Element> items(Element root, Element channel) {
        String name = root.getName().equals("feed") ? "entry" : "item";
        Element parent = root.getName().equals("RDF") ? root : channel;
        if (parent == null) return List.of();
        return parent.getChildren().stream()
                .filter(c -> c.getName().equals(name))
                .toList();
    }

    private static String firstText(Element parent, List<String> names) {
        for (String name : names) {
            for (Element child : parent.getChildren()) {
                if (child.getName().equals(name) && !child.getTextTrim().isEmpty()) return child.getTextTrim();
            }
        }
        return null;
    }

    /** The date as written when the reader can read it, else Rome's reading of it (in UTC), else the raw text. */
    private static String date(String raw, Date parsed) {
        if (raw != null && Dates.toIso(raw).isPresent()) return raw;
        if (parsed != null)
            return parsed.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString();
        return raw;
    }

    /** The parser's own message, clearer than the wrappers around it. */
    private static String reason(Exception e) {
        Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
        String m = cause.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getSimpleName();
        m = m.lines().findFirst().orElse(m).strip();
        return m.length() > 160 ? m.substring(0, 157) + "..." : m;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) return v.strip();
        }
        return null;
    }
}
