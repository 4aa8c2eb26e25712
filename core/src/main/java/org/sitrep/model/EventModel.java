package org.sitrep.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trained event classifier on top of an {@link Encoder}: features are the encoder's sentence vector,
 * standardised by the training part's mean and spread. Heads: "plover" predicts the PLOVER type ("none" for no event),
 * "acled" the ACLED sub-event type ("none" where none applies), and one "mode:TYPE" head per PLOVER type its mode.
 * Stored as readable JSON (data/model/event-head.json, see data/model/README.md).
 */
public final class EventModel {
    public static final String FORMAT = "sitrep-event-head/1";
    public static final String NONE = "none";
    /** Decimals kept in the file: far below the noise of training, and the file stays small and diffable. */
    static final int DIGITS = 5;

    /** What the model says about one sentence. Mode and ACLED type are null where the PLOVER type is none. */
    public record Prediction(
            String plover,
            double ploverProbability,
            String mode,
            double modeProbability,
            String acled,
            double acledProbability) {
        public boolean event() {
            return !plover.equals(NONE);
        }
    }

    private final String encoder;
    private final float[] mean, scale;
    private final Map<String, SoftmaxHead> heads;
    private final Map<String, Object> about;

    public EventModel(
            String encoder, float[] mean, float[] scale, Map<String, SoftmaxHead> heads, Map<String, Object> about) {
        this.encoder = encoder;
        this.mean = mean.clone();
        this.scale = scale.clone();
        this.heads = Map.copyOf(heads);
        this.about = new LinkedHashMap<>(about);
        for (String h : List.of("plover", "acled"))
            if (!heads.containsKey(h)) throw new IllegalArgumentException("no " + h + " head");
    }

    public String encoder() {
        return encoder;
    }

    public SoftmaxHead head(String name) {
        return heads.get(name);
    }

    /** The encoder vector as the heads see it. */
    public float[] features(float[] v) {
        return standardise(v, mean, scale);
    }

    static float[] standardise(float[] v, float[] mean, float[] scale) {
        float[] f = new float[v.length];
        for (int j = 0; j < v.length; j++) f[j] = (v[j] - mean[j]) * scale[j];
        return f;
    }

    /** Predicts from an encoder vector (not yet standardised). */
    public Prediction predict(float[] vector) {
        float[] x = features(vector);
        Map.Entry<String, Double> type = heads.get("plover").best(x);
        if (type.getKey().equals(NONE)) return new Prediction(NONE, type.getValue(), null, 0, null, 0);
        SoftmaxHead modes = heads.get("mode:" + type.getKey());
        Map.Entry<String, Double> mode = modes == null ? null : modes.best(x);
        Map.Entry<String, Double> acled = heads.get("acled").best(x);
        return new Prediction(
                type.getKey(),
                type.getValue(),
                mode == null ? null : mode.getKey(),
                mode == null ? 0 : mode.getValue(),
                acled.getKey().equals(NONE) ? null : acled.getKey(),
                acled.getValue());
    }

    /** Mean and inverse spread of each feature over the rows, for {@link #features}. */
    public static float[][] standardisation(List<float[]> rows) {
        int d = rows.get(0).length;
        double[] sum = new double[d], sq = new double[d];
        for (float[] r : rows)
            for (int j = 0; j < d; j++) {
                sum[j] += r[j];
                sq[j] += (double) r[j] * r[j];
            }
        float[] mean = new float[d], scale = new float[d];
        double f = Math.pow(10, DIGITS + 2);
        for (int j = 0; j < d; j++) {
            double m = sum[j] / rows.size();
            double sd = Math.sqrt(Math.max(sq[j] / rows.size() - m * m, 1e-12));
            mean[j] = (float) (Math.round(m * f) / f);
            scale[j] = (float) (Math.round(1 / sd * 1e3) / 1e3);
        }
        return new float[][] {mean, scale};
    }

    // ---- file format ----

    public static EventModel read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The head shipped in the jar (data/model/event-head.json), or null when the build has none. */
    public static EventModel builtIn() {
        InputStream in = EventModel.class.getResourceAsStream("/sitrep/model/event-head.json");
        if (in == null) return null;
        try (in) {
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EventModel read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        if (!FORMAT.equals(root.path("format").asText())) throw new IOException("not a " + FORMAT + " file");
        Map<String, SoftmaxHead> heads = new LinkedHashMap<>();
        root.path("heads").fields().forEachRemaining(e -> heads.put(e.getKey(), readHead(e.getValue())));
        Map<String, Object> about = new ObjectMapper().convertValue(root.path("about"), Map.class);
        return new EventModel(
                root.path("encoder").asText(),
                floats(root.path("mean")),
                floats(root.path("scale")),
                heads,
                about == null ? Map.of() : about);
    }

    private static SoftmaxHead readHead(JsonNode h) {
        List<String> labels = new ArrayList<>();
        h.path("labels").forEach(l -> labels.add(l.asText()));
        double[] bias = new double[labels.size()];
        double[][] w = new double[labels.size()][];
        for (int k = 0; k < labels.size(); k++) {
            bias[k] = h.path("bias").get(k).asDouble();
            JsonNode row = h.path("weights").get(k);
            w[k] = new double[row.size()];
            for (int j = 0; j < row.size(); j++) w[k][j] = row.get(j).asDouble();
        }
        return new SoftmaxHead(labels, w, bias);
    }

    private static float[] floats(JsonNode a) {
        float[] f = new float[a.size()];
        for (int j = 0; j < f.length; j++) f[j] = (float) a.get(j).asDouble();
        return f;
    }

    /** Writes the model as JSON with one weight row per line; the same model always gives the same bytes. */
    public void write(Path file) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                write(w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public void write(Writer w) throws IOException {
        ObjectMapper json = new ObjectMapper();
        w.write("{\n\"format\": " + json.writeValueAsString(FORMAT) + ",\n");
        w.write("\"encoder\": " + json.writeValueAsString(encoder) + ",\n");
        w.write("\"about\": " + json.writeValueAsString(about) + ",\n");
        w.write("\"mean\": " + numbers(mean) + ",\n");
        w.write("\"scale\": " + numbers(scale) + ",\n");
        w.write("\"heads\": {");
        String sep = "\n";
        List<String> names = new ArrayList<>(List.of("plover", "acled"));
        heads.keySet().stream().filter(k -> k.startsWith("mode:")).sorted().forEach(names::add);
        for (String name : names) {
            SoftmaxHead h = heads.get(name).rounded(DIGITS);
            w.write(sep + json.writeValueAsString(name) + ": {\n\"labels\": " + json.writeValueAsString(h.labels())
                    + ",\n");
            double[] bias = new double[h.labels().size()];
            for (int k = 0; k < bias.length; k++) bias[k] = h.bias(k);
            w.write("\"bias\": " + numbers(bias) + ",\n\"weights\": [");
            for (int k = 0; k < bias.length; k++) w.write((k == 0 ? "\n" : ",\n") + numbers(h.weights(k)));
            w.write("\n]}");
            sep = ",\n";
        }
        w.write("\n}\n}\n");
    }

    private static String numbers(double[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int j = 0; j < v.length; j++) sb.append(j == 0 ? "" : ",").append(number(v[j]));
        return sb.append(']').toString();
    }

    private static String numbers(float[] v) {
        StringBuilder sb = new StringBuilder("[");
        for (int j = 0; j < v.length; j++)
            sb.append(j == 0 ? "" : ",")
                    .append(
                            v[j] == 0
                                    ? "0"
                                    : new BigDecimal(Float.toString(v[j]))
                                            .stripTrailingZeros()
                                            .toPlainString());
        return sb.append(']').toString();
    }

    private static String number(double v) {
        if (v == 0) return "0";
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
