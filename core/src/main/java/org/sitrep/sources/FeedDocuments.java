package org.sitrep.sources;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** RSS and Atom feeds for {@link DocumentReader}: one document per item. */
final class FeedDocuments {
    private final DocumentReader reader;

    FeedDocuments(DocumentReader reader) {
        this.reader = reader;
    }

    /** One document per item; a feed that cannot be read at all is one error for the file. */
    Stream<Document> read(Source src, byte[] bytes) {
        Feeds.Feed feed;
        try {
            feed = Feeds.parse(bytes);
        } catch (Feeds.NotAFeed e) {
            return Stream.of(DocumentReader.failed(src, e.getMessage()));
        }
        if (feed.items().isEmpty()) return Stream.of(DocumentReader.failed(src, "feed has no items"));
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < feed.items().size(); i++)
            docs.add(feedItem(src, feed, feed.items().get(i), i + 1));
        return docs.stream();
    }

    private Document feedItem(Source src, Feeds.Feed feed, Feeds.Item item, int number) {
        String text = item.content() == null
                ? ""
                : item.html()
                        ? HtmlExtractor.fragmentText(item.content())
                        : Decoding.normalise(item.content().strip());
        String id = item.id();
        if (id == null) {
            // without a guid or link, a hash of the story keeps its id stable as the feed rolls on
            boolean empty = item.title() == null && text.isBlank();
            id = src.name() + ":" + (empty ? String.valueOf(number) : shortHash(item.title() + "\n" + text));
        }
        String published = Stream.of(item.published(), feed.published())
                .filter(d -> Dates.toIso(d).isPresent())
                .findFirst()
                .orElse(item.published() != null ? item.published() : feed.published());
        String error = !text.isBlank()
                ? null
                : "item " + number + (item.title() == null ? "" : " (\"" + item.title() + "\")")
                        + ": no text (no content or description)";
        return reader.finish(
                new Document(
                        id,
                        text,
                        published,
                        item.title(),
                        item.url(),
                        feed.outlet(),
                        src.origin() + "[" + number + "]",
                        null,
                        List.of(),
                        error),
                src,
                -1);
    }

    private static String shortHash(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
