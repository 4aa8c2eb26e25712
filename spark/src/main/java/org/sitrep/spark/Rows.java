package org.sitrep.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.sitrep.analysis.TimeRef;
import org.sitrep.records.DocumentRecord;
import org.sitrep.records.DocumentRecord.EventRecord;
import org.sitrep.records.DocumentRecord.Side;
import org.sitrep.sources.Document;

/**
 * The job's tables. {@code events} has the columns of {@code sitrep export --format parquet} (the store's events
 * table) in the same order, {@code documents} those of the store's documents table that do not depend on other
 * documents (no near-duplicate links), each with a {@code month} partition column (yyyy-MM: the event's month,
 * the document's publication month; null when undated).
 */
final class Rows {
    private Rows() {}

    private static final ObjectMapper JSON = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final DataType S = DataTypes.StringType;

    /** A document as read, before coding. */
    static final StructType INPUT = schema(
            "id",
            S,
            "text",
            S,
            "published",
            S,
            "title",
            S,
            "url",
            S,
            "outlet",
            S,
            "origin",
            S,
            "language",
            S,
            "warnings",
            DataTypes.createArrayType(S),
            "error",
            S,
            "content_hash",
            S);

    /** Every actor of a side, as the store's Parquet export lists them. */
    private static final DataType LIST = DataTypes.createArrayType(DataTypes.StringType);

    static final StructType EVENTS = schema(
            "doc_id",
            S,
            "event_id",
            S,
            "sentence",
            DataTypes.IntegerType,
            "date",
            S,
            "date_precision",
            S,
            "cameo",
            S,
            "cameo_root",
            S,
            "plover",
            S,
            "mode",
            S,
            "quad_class",
            DataTypes.IntegerType,
            "goldstein",
            DataTypes.DoubleType,
            "source_code",
            S,
            "source_country",
            S,
            "source_text",
            S,
            "target_code",
            S,
            "target_country",
            S,
            "target_text",
            S,
            "location",
            S,
            "location_country",
            S,
            "lat",
            DataTypes.DoubleType,
            "lon",
            DataTypes.DoubleType,
            "historical",
            DataTypes.BooleanType,
            "hedged",
            DataTypes.BooleanType,
            "modality",
            S,
            "attribution",
            S,
            "trigger",
            S,
            "evidence",
            S,
            "rule",
            S,
            "url",
            S,
            "outlet",
            S,
            "polarity",
            S,
            "mentions",
            DataTypes.IntegerType,
            "confidence",
            DataTypes.DoubleType,
            "cluster_id",
            S,
            "day",
            DataTypes.DateType,
            "acled_type",
            S,
            "acled_sub_type",
            S,
            "source_codes",
            LIST,
            "source_names",
            LIST,
            "source_countries",
            LIST,
            "target_codes",
            LIST,
            "target_names",
            LIST,
            "target_countries",
            LIST,
            "month",
            S);

    static final StructType DOCUMENTS = schema(
            "id",
            S,
            "url",
            S,
            "content_hash",
            S,
            "title",
            S,
            "outlet",
            S,
            "published",
            DataTypes.DateType,
            "language",
            S,
            "error",
            S,
            "events",
            DataTypes.IntegerType,
            "record",
            S,
            "coded_at",
            DataTypes.TimestampType,
            "text",
            S,
            "month",
            S);

    /** A coded document: its documents row's columns and its events rows, written to two tables from one coding. */
    static final StructType CODED = DOCUMENTS.add("event_rows", DataTypes.createArrayType(EVENTS));

    private static StructType schema(Object... nameType) {
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < nameType.length; i += 2) {
            fields.add(DataTypes.createStructField((String) nameType[i], (DataType) nameType[i + 1], true));
        }
        return DataTypes.createStructType(fields);
    }

    static Row input(Document d) {
        return RowFactory.create(
                d.id(),
                d.text(),
                d.published(),
                d.title(),
                d.url(),
                d.outlet(),
                d.origin(),
                d.language(),
                d.warnings().toArray(new String[0]),
                d.error(),
                contentHash(d.text()));
    }

    static Document document(Row r) {
        List<String> warnings = r.isNullAt(8) ? List.of() : r.getList(8);
        return new Document(
                r.getString(0),
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                r.getString(7),
                warnings,
                r.getString(9));
    }

    static Row coded(Document d, DocumentRecord rec, Timestamp codedAt) {
        List<Row> events = new ArrayList<>(rec.events().size());
        for (EventRecord e : rec.events()) events.add(event(d, rec, e));
        LocalDate published = org.sitrep.time.Dates.day(rec.published());
        return RowFactory.create(
                rec.id(),
                d.url(),
                contentHash(d.text()),
                rec.title(),
                rec.outlet(),
                published == null ? null : Date.valueOf(published),
                rec.language(),
                rec.error(),
                rec.events().size(),
                json(rec),
                codedAt,
                d.text(),
                month(published),
                events.toArray());
    }

    /** The record as `sitrep code` writes it: one JSON line. */
    static String json(DocumentRecord rec) {
        try {
            return JSON.writeValueAsString(rec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the record of " + rec.id(), e);
        }
    }

    private static Row event(Document d, DocumentRecord rec, EventRecord e) {
        String docId = rec.id();
        Side s = first(e.source()), t = first(e.target());
        // names as the exports give them (the knowledge base's, never a pronoun)
        var report = new org.sitrep.store.export.Reports.Report(rec, e, null, d.url(), d.outlet(), 0, d.text());
        LocalDate day =
                TimeRef.periodStart(e.date() == null ? null : e.date().value()); // weeks and months sort among days
        return RowFactory.create(
                docId,
                e.id(),
                e.sentence(),
                e.date() == null ? null : e.date().value(),
                e.date() == null ? null : e.date().precision(),
                e.cameo(),
                e.cameo().substring(0, 2),
                e.plover(),
                e.mode(),
                e.quadClass(),
                e.goldstein(),
                s == null ? null : s.code(),
                s == null ? null : s.country(),
                s == null ? null : s.text(),
                t == null ? null : t.code(),
                t == null ? null : t.country(),
                t == null ? null : t.text(),
                e.location() == null ? null : e.location().name(),
                e.location() == null ? null : e.location().country(),
                e.location() == null ? null : round4(e.location().lat()),
                e.location() == null ? null : round4(e.location().lon()),
                e.historical(),
                e.hedged(),
                e.modality(),
                e.attribution() == null ? null : e.attribution().text(),
                e.trigger().text(),
                e.evidence(),
                e.rule(),
                d.url(),
                d.outlet(),
                e.polarity(),
                1 + e.mentions().size(),
                e.confidence(),
                clusterId(docId, e, s, t),
                day == null ? null : Date.valueOf(day),
                e.acled() == null ? null : e.acled().eventType(),
                e.acled() == null ? null : e.acled().subEventType(),
                list(e.source(), Side::code),
                list(e.source(), report::name),
                list(e.source(), Side::country),
                list(e.target(), Side::code),
                list(e.target(), report::name),
                list(e.target(), Side::country),
                month(day));
    }

    private static String[] list(List<Side> sides, java.util.function.Function<Side, String> part) {
        return sides.stream()
                .map(x -> {
                    String v = part.apply(x);
                    return v == null ? "" : v;
                })
                .toArray(String[]::new);
    }

    /** As the export: coordinates to 4 decimals, without float noise. */
    private static double round4(double v) {
        return java.math.BigDecimal.valueOf(v)
                .setScale(4, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static String month(LocalDate day) {
        return day == null ? null : day.toString().substring(0, 7);
    }

    /** As the store: the first side with a country stands for the side, else the first. */
    private static Side first(List<Side> sides) {
        for (Side s : sides) if (s.country() != null) return s;
        return sides.isEmpty() ? null : sides.get(0);
    }

    /** As the store: events agreeing on day, both actors, CAMEO root and country are one real-world event. */
    private static String clusterId(String docId, EventRecord e, Side s, Side t) {
        String key = e.date() == null || e.date().value() == null
                ? docId + "/" + e.id()
                : String.join(
                        "|",
                        e.date().value(),
                        s == null ? "-" : s.code(),
                        t == null ? "-" : t.code(),
                        e.cameo().substring(0, 2),
                        e.location() == null || e.location().country() == null
                                ? "-"
                                : e.location().country());
        return contentHash(key).substring(0, 16);
    }

    /** As the store: SHA-256 of the text with runs of white space made one space. */
    static String contentHash(String text) {
        try {
            String normal = text.replaceAll("\\s+", " ").strip();
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
