package org.sitrep.store.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.ActorRecord;
import org.sitrep.records.DocumentRecord.EventRecord;
import org.sitrep.records.DocumentRecord.PlaceRecord;
import org.sitrep.records.DocumentRecord.Side;
import org.sitrep.store.EventFilter;

/**
 * The stored events an export selects, each with the full record of its document (every actor of a side, places,
 * ACLED types, contexts, counts), and the real-world events (clusters) they report, with the clusters' counts.
 */
public final class Reports {

    /** One coded event and the stored document it comes from. */
    public record Report(
            DocumentRecord doc,
            EventRecord event,
            String clusterId,
            String url,
            String outlet,
            long codedAt,
            String text) {

        public ActorRecord actor(Side s) {
            if (s == null || s.actor() == null || doc.actors() == null) return null;
            for (ActorRecord a : doc.actors()) if (s.actor().equals(a.id())) return a;
            return null;
        }

        /** The side's actor's name as exports give it: the knowledge base's, never a pronoun. */
        public String name(Side s) {
            return Actors.name(this, s);
        }

        public PlaceRecord place() {
            if (event.location() == null || event.location().place() == null || doc.places() == null) return null;
            for (PlaceRecord p : doc.places()) if (event.location().place().equals(p.id())) return p;
            return null;
        }

        /** True when the event's sentence is in the article's lead paragraph (GDELT's IsRootEvent). */
        public boolean inLead() {
            if (event.sentence() == 0) return true;
            if (text == null
                    || doc.sentences() == null
                    || event.sentence() >= doc.sentences().size()) return false;
            int first = 0;
            while (first < text.length() && Character.isWhitespace(text.charAt(first))) first++;
            int end = text.indexOf('\n', first);
            return end >= 0 && doc.sentences().get(event.sentence()).start() < end;
        }
    }

    /** A real-world event: the reports of it in this selection (first the one its row describes) and its counts over the store. */
    public record Cluster(String id, List<Report> reports, long mentions, long sources, long articles) {
        public Report first() {
            return reports.get(0);
        }
    }

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final int CACHE = 256;

    private Reports() {}

    /** The selected events, oldest first (by day, then document and event id). */
    public static List<Report> select(Connection db, EventFilter f) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = f.where(args);
        List<String[]> keys = new ArrayList<>();
        try (PreparedStatement ps = db.prepareStatement(
                "SELECT doc_id, event_id, cluster_id FROM events" + where + " ORDER BY day, date, doc_id, event_id")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) keys.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        Map<String, Stored> cache = new LinkedHashMap<>(CACHE, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Stored> e) {
                return size() > CACHE;
            }
        };
        List<Report> out = new ArrayList<>(keys.size());
        try (PreparedStatement doc = db.prepareStatement(
                "SELECT record, url, outlet, CAST(epoch(coded_at) AS BIGINT), text FROM documents WHERE id = ?")) {
            for (String[] k : keys) {
                Stored s = cache.get(k[0]);
                if (s == null) {
                    doc.setString(1, k[0]);
                    try (ResultSet rs = doc.executeQuery()) {
                        if (!rs.next()) continue;
                        s = new Stored(
                                parse(rs.getString(1)),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getLong(4),
                                rs.getString(5));
                    }
                    cache.put(k[0], s);
                }
                for (EventRecord e : s.record().events())
                    if (e.id().equals(k[1])) {
                        out.add(new Report(s.record(), e, k[2], s.url(), s.outlet(), s.codedAt(), s.text()));
                        break;
                    }
            }
        }
        return out;
    }

    /** The real-world events the selected reports belong to, in the order of their first report. */
    public static List<Cluster> clusters(Connection db, EventFilter f, List<Report> reports) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = f.where(args);
        Map<String, long[]> counts = new HashMap<>();
        try (PreparedStatement ps = db.prepareStatement("SELECT cluster_id, mentions, sources, documents FROM clusters"
                + " WHERE cluster_id IN (SELECT cluster_id FROM events" + where + ")")) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
            }
        }
        Map<String, List<Report>> groups = new LinkedHashMap<>();
        for (Report r : reports)
            groups.computeIfAbsent(r.clusterId(), k -> new ArrayList<>()).add(r);
        List<Cluster> out = new ArrayList<>(groups.size());
        Comparator<Report> firstStored = Comparator.comparing(
                        (Report r) -> r.doc().id())
                .thenComparing(r -> r.event().id());
        for (var g : groups.entrySet()) {
            List<Report> rs = new ArrayList<>(g.getValue());
            rs.sort(firstStored); // the row describes the first report stored, as the store's cluster view does
            long[] c = counts.getOrDefault(g.getKey(), new long[] {rs.size(), 1, rs.size()});
            out.add(new Cluster(g.getKey(), List.copyOf(rs), c[0], c[1], c[2]));
        }
        return out;
    }

    private record Stored(DocumentRecord record, String url, String outlet, long codedAt, String text) {}

    private static DocumentRecord parse(String json) {
        try {
            return JSON.readValue(json, DocumentRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored record cannot be read: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
    }
}
