package org.sitrep.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Builds an {@link EventModel} from the training corpus: encodes every sentence, trains the three heads on the
 * training part and measures them on the held-aside part (never trained on). Deterministic for a given corpus and
 * encoder: no random element, fixed orders, rounded numbers.
 */
public final class Trainer {

    /** The trained model and the held-aside figures. */
    public record Result(EventModel model, Scores plover, Scores acled, Scores mode, String reliability) {
        public String report() {
            return plover.table("PLOVER type") + "\n\n" + acled.table("ACLED sub-event type") + "\n\n"
                    + String.format(
                            Locale.ROOT,
                            "mode (TYPE/mode) accuracy %.3f over %d held-aside rows with a mode%n%n",
                            mode.accuracy(),
                            mode.rows())
                    + reliability;
        }
    }

    private final Encoder encoder;
    private final SoftmaxHead.Settings settings;
    private final int batch;

    public Trainer(Encoder encoder, SoftmaxHead.Settings settings, int batch) {
        this.encoder = encoder;
        this.settings = settings;
        this.batch = batch;
    }

    public Result train(List<TrainingCorpus.Row> rows, Consumer<String> progress) {
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += batch) {
            List<String> texts = rows.subList(i, Math.min(rows.size(), i + batch)).stream()
                    .map(TrainingCorpus.Row::text)
                    .toList();
            for (float[] v : encoder.encode(texts)) vectors.add(v);
            progress.accept(String.format(Locale.ROOT, "encoded %d/%d sentences", vectors.size(), rows.size()));
        }
        List<float[]> trainVectors = new ArrayList<>();
        List<TrainingCorpus.Row> train = new ArrayList<>(), test = new ArrayList<>();
        List<float[]> testVectors = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).heldAside()) {
                test.add(rows.get(i));
                testVectors.add(vectors.get(i));
            } else {
                train.add(rows.get(i));
                trainVectors.add(vectors.get(i));
            }
        }
        float[][] st = EventModel.standardisation(trainVectors);
        List<float[]> x = trainVectors.stream()
                .map(v -> EventModel.standardise(v, st[0], st[1]))
                .toList();

        progress.accept("training the PLOVER head");
        SoftmaxHead plover = SoftmaxHead.train(
                x, train.stream().map(TrainingCorpus.Row::ploverLabel).toList(), settings);
        progress.accept("training the ACLED head");
        SoftmaxHead acled = SoftmaxHead.train(
                x, train.stream().map(TrainingCorpus.Row::acledLabel).toList(), settings);
        Map<String, SoftmaxHead> heads = new TreeMap<>(Map.of("plover", plover, "acled", acled));
        // one small mode head per type, trained on that type's rows only: far cheaper than one head over all modes
        Map<String, List<Integer>> byType = new TreeMap<>();
        for (int i = 0; i < train.size(); i++) {
            TrainingCorpus.Row r = train.get(i);
            if (r.plover() != null && r.mode() != null)
                byType.computeIfAbsent(r.plover(), k -> new ArrayList<>()).add(i);
        }
        progress.accept("training " + byType.size() + " mode heads");
        for (Map.Entry<String, List<Integer>> e : byType.entrySet()) {
            List<float[]> xm = e.getValue().stream().map(x::get).toList();
            List<String> ym =
                    e.getValue().stream().map(i -> train.get(i).mode()).toList();
            heads.put("mode:" + e.getKey(), SoftmaxHead.train(xm, ym, settings));
        }

        Map<String, Object> about = new LinkedHashMap<>();
        about.put("corpus", "data/training/*.jsonl");
        about.put("rows", rows.size());
        about.put("trainingRows", train.size());
        about.put("heldAsideRows", test.size());
        Map<String, Object> trainedWith = new LinkedHashMap<>(); // ordered: Map.of's order changes from run to run
        trainedWith.put("iterations", settings.iterations());
        trainedWith.put("learningRate", settings.learningRate());
        trainedWith.put("l2", settings.l2());
        trainedWith.put("balance", settings.balance());
        about.put("settings", trainedWith);
        EventModel trained = new EventModel(encoder.name(), st[0], st[1], heads, about);
        // measure the model as it is written: rounded
        EventModel model = roundTrip(trained);
        return evaluate(model, test, testVectors);
    }

    /** The figures of a trained model on the held-aside part of {@code rows} (encodes only that part). */
    public static Result check(EventModel model, Encoder encoder, List<TrainingCorpus.Row> rows) {
        List<TrainingCorpus.Row> test =
                rows.stream().filter(TrainingCorpus.Row::heldAside).toList();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < test.size(); i += 64)
            vectors.addAll(List.of(encoder.encode(test.subList(i, Math.min(test.size(), i + 64)).stream()
                    .map(TrainingCorpus.Row::text)
                    .toList())));
        return evaluate(model, test, vectors);
    }

    /** Thresholds at which the share right is reported: where the coder acts on a probability. */
    static final double[] AT = {0.5, 0.8, 0.9, 0.95};

    static Result evaluate(EventModel model, List<TrainingCorpus.Row> test, List<float[]> testVectors) {
        List<String> goldType = new ArrayList<>(),
                predType = new ArrayList<>(),
                goldAcled = new ArrayList<>(),
                predAcled = new ArrayList<>();
        List<String> goldMode = new ArrayList<>(), predMode = new ArrayList<>();
        int bins = 5;
        int[] binRows = new int[bins], binRight = new int[bins];
        double[] binConf = new double[bins];
        // rows and right answers at or above each threshold: PLOVER type; mode (rows whose type is right); ACLED type
        int[][] at = new int[3][AT.length], atRight = new int[3][AT.length];
        for (int i = 0; i < test.size(); i++) {
            TrainingCorpus.Row r = test.get(i);
            EventModel.Prediction p = model.predict(testVectors.get(i));
            goldType.add(r.ploverLabel());
            predType.add(p.plover());
            goldAcled.add(r.acledLabel());
            predAcled.add(p.acled() == null ? EventModel.NONE : p.acled());
            if (r.plover() != null && r.mode() != null) {
                goldMode.add(r.plover() + "/" + r.mode());
                predMode.add(p.plover() + "/" + p.mode()); // right only when type and mode both are
            }
            for (int k = 0; k < AT.length; k++) {
                if (p.ploverProbability() >= AT[k]) {
                    at[0][k]++;
                    if (p.plover().equals(r.ploverLabel())) atRight[0][k]++;
                }
                if (r.plover() != null
                        && r.mode() != null
                        && p.plover().equals(r.plover())
                        && p.mode() != null
                        && p.modeProbability() >= AT[k]) {
                    at[1][k]++;
                    if (p.mode().equals(r.mode())) atRight[1][k]++;
                }
                if (p.event() && p.acled() != null && p.acledProbability() >= AT[k] && r.acled() != null) {
                    at[2][k]++;
                    if (p.acled().equals(r.acled())) atRight[2][k]++;
                }
            }
            int b = Math.min(bins - 1, (int) (p.ploverProbability() * bins));
            binRows[b]++;
            binConf[b] += p.ploverProbability();
            if (p.plover().equals(r.ploverLabel())) binRight[b]++;
        }
        StringBuilder rel = new StringBuilder(
                "reliability of the PLOVER head (held-aside): probability bin, rows, mean probability, share right\n");
        for (int b = 0; b < bins; b++) {
            if (binRows[b] == 0) continue;
            rel.append(String.format(
                    Locale.ROOT,
                    "  %.1f-%.1f %5d %6.3f %6.3f%n",
                    b / (double) bins,
                    (b + 1) / (double) bins,
                    binRows[b],
                    binConf[b] / binRows[b],
                    binRight[b] / (double) binRows[b]));
        }
        rel.append(
                "share right at or above a probability (rows): PLOVER type; mode where the type is right; ACLED type where both call one\n");
        String[] heads = {"plover", "mode", "acled"};
        for (int h = 0; h < 3; h++) {
            rel.append(String.format(Locale.ROOT, "  %-6s", heads[h]));
            for (int k = 0; k < AT.length; k++)
                rel.append(String.format(
                        Locale.ROOT,
                        "  >=%.2f %.3f (%d)",
                        AT[k],
                        at[h][k] == 0 ? 0 : atRight[h][k] / (double) at[h][k],
                        at[h][k]));
            rel.append('\n');
        }
        return new Result(
                model,
                Scores.of(goldType, predType),
                Scores.of(goldAcled, predAcled),
                Scores.of(goldMode, predMode),
                rel.toString());
    }

    private static EventModel roundTrip(EventModel m) {
        try {
            java.io.StringWriter w = new java.io.StringWriter();
            m.write(w);
            return EventModel.read(
                    new java.io.ByteArrayInputStream(w.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
