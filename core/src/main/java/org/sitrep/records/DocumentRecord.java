package org.sitrep.records;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The product's main output: one JSON object per document (schema in the README and DESIGN.md). */
@com.fasterxml.jackson.annotation.JsonPropertyOrder({
    "id",
    "title",
    "url",
    "outlet",
    "published",
    "language",
    "sentences",
    "actors",
    "places",
    "events",
    "non_events",
    "relations",
    "quotes",
    "warnings",
    "error"
})
public record DocumentRecord(
        String id,
        String title,
        String url,
        String outlet,
        String published,
        String language,
        List<Span> sentences,
        List<ActorRecord> actors,
        List<PlaceRecord> places,
        List<EventRecord> events,
        @JsonProperty("non_events") List<EventRecord> nonEvents,
        List<RelationRecord> relations,
        List<QuoteRecord> quotes,
        List<String> warnings,
        @JsonInclude(JsonInclude.Include.NON_NULL) String error) {

    /** A sentence, with the event model's opinion of it when the model was asked (only with {@code code --model}). */
    public record Span(
            int start,
            int end,
            @JsonInclude(JsonInclude.Include.NON_NULL) Model model) {
        public Span(int start, int end) {
            this(start, end, null);
        }
    }

    /** The event model's reading of a sentence: its PLOVER type ("none": no event) and probability; where it reads
     *  an event, the mode and ACLED sub-event type with theirs. */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"plover", "p", "mode", "mode_p", "acled", "acled_p"})
    public record Model(
            String plover,
            double p,
            @JsonInclude(JsonInclude.Include.NON_NULL) String mode,

            @JsonProperty("mode_p") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
            double modeP,

            @JsonInclude(JsonInclude.Include.NON_NULL) String acled,

            @JsonProperty("acled_p") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
            double acledP) {}

    public record ActorRecord(
            String id,
            String text,
            String name,
            List<String> aliases,
            String code,
            String country,
            List<String> sectors,
            List<String> sponsors,
            String kb,
            boolean learned) {}

    @com.fasterxml.jackson.annotation.JsonPropertyOrder({
        "id",
        "text",
        "name",
        "kind",
        "country",
        "admin1",
        "lat",
        "lon",
        "geonames_id",
        "spans"
    })
    public record PlaceRecord(
            String id,
            String text,
            String name,
            String kind,
            String country,
            String admin1,
            double lat,
            double lon,
            @JsonProperty("geonames_id") Long geonamesId,
            List<int[]> spans) {}

    public record Trigger(String text, int start, int end) {}

    public record Side(
            String text,
            String actor,
            String code,
            String country,
            List<String> sectors,
            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean inferred) {}

    public record Location(String text, String place, String name, String country, double lat, double lon) {}

    public record When(String value, String precision, String from) {}

    public record Attribution(String text, String actor, String cue) {}

    /** ACLED's classification of an event: one of its six event types and 25 sub-event types (data/events/acled.tsv). */
    public record Acled(
            @JsonProperty("event_type") String eventType,
            @JsonProperty("sub_event_type") String subEventType,
            @JsonInclude(JsonInclude.Include.NON_NULL) String rule) {
        public Acled(String eventType, String subEventType) {
            this(eventType, subEventType, null);
        }
    }

    @com.fasterxml.jackson.annotation.JsonPropertyOrder({
        "id",
        "sentence",
        "evidence",
        "trigger",
        "cameo",
        "plover",
        "mode",
        "acled",
        "contexts",
        "quad_class",
        "goldstein",
        "source",
        "target",
        "location",
        "date",
        "historical",
        "polarity",
        "modality",
        "hedged",
        "attribution",
        "counts",
        "rule",
        "confidence",
        "mentions",
        "note"
    })
    public record EventRecord(
            String id,
            int sentence,
            String evidence,
            Trigger trigger,
            String cameo,
            String plover,
            String mode,
            Acled acled,
            List<String> contexts,
            @JsonProperty("quad_class") int quadClass,
            double goldstein,
            List<Side> source,
            List<Side> target,
            Location location,
            When date,
            boolean historical,
            String polarity,
            String modality,
            boolean hedged,
            Attribution attribution,
            Map<String, Object> counts,
            String rule,
            double confidence,
            List<Trigger> mentions,
            @JsonInclude(JsonInclude.Include.NON_NULL) String note) {}

    public record RelationRecord(String type, String from, String to, String cue) {}

    public record QuoteRecord(String speaker, String text, int start, int end) {}
}
