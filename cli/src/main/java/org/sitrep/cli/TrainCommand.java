package org.sitrep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.sitrep.model.SoftmaxHead;
import org.sitrep.model.Trainer;
import org.sitrep.model.TrainingCorpus;
import org.sitrep.model.onnx.MiniLmEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Rebuild the event model's head from the training corpus (data/training) and print its figures on the held-aside part.",
            "The same corpus always gives the same file, byte for byte."
        })
final class TrainCommand implements Callable<Integer> {

    @Option(
            names = "--corpus",
            paramLabel = "DIR",
            description = "the labelled sentences (default: data/training of the sitrep checkout)")
    Path corpus;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "where the head goes (default: data/model/event-head.json of the sitrep checkout)")
    Path out;

    @Option(names = "--threads", description = "encoder threads (default: all cores)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--iterations", description = "full-batch training steps per head (default ${DEFAULT-VALUE})")
    int iterations = SoftmaxHead.Settings.DEFAULT.iterations();

    @Option(names = "--l2", description = "weight penalty (default ${DEFAULT-VALUE})")
    double l2 = SoftmaxHead.Settings.DEFAULT.l2();

    @Option(
            names = "--balance",
            description = "0 = every row counts the same, 1 = every label counts the same (default ${DEFAULT-VALUE})")
    double balance = SoftmaxHead.Settings.DEFAULT.balance();

    @Option(
            names = "--check",
            description =
                    "train nothing: print the figures of the shipped head (or --out's file, if it exists) on the held-aside part")
    boolean check;

    @Override
    public Integer call() {
        Path home = Path.of(System.getProperty("sitrep.home", "."));
        Path dir = corpus != null ? corpus : home.resolve("data/training");
        Path file = out != null ? out : home.resolve("data/model/event-head.json");
        if (!Files.isDirectory(dir)) {
            System.err.println("sitrep train: no corpus directory " + dir);
            return 2;
        }
        List<TrainingCorpus.Row> rows = TrainingCorpus.read(dir);
        Progress.say(
                "sitrep: %d labelled sentences in %s (%d held aside)",
                rows.size(),
                dir,
                rows.stream().filter(TrainingCorpus.Row::heldAside).count());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        if (check) {
            try {
                org.sitrep.model.EventModel head = out != null && Files.isRegularFile(out)
                        ? org.sitrep.model.EventModel.read(out)
                        : org.sitrep.model.EventModel.builtIn();
                if (head == null) {
                    System.err.println("sitrep train --check: no event model in this build");
                    return 2;
                }
                System.out.println(
                        Trainer.check(head, new MiniLmEncoder(pool), rows).report());
                return 0;
            } finally {
                pool.shutdownNow();
            }
        }
        try {
            long t0 = System.nanoTime();
            MiniLmEncoder encoder = new MiniLmEncoder(pool);
            long[] encoded = {0};
            Trainer.Result r = new Trainer(
                            encoder,
                            new SoftmaxHead.Settings(
                                    iterations, SoftmaxHead.Settings.DEFAULT.learningRate(), l2, balance),
                            64)
                    .train(rows, msg -> {
                        if (msg.startsWith("encoded")) encoded[0] = System.nanoTime();
                        Progress.say("sitrep: %s", msg);
                    });
            long t1 = System.nanoTime();
            r.model().write(file);
            System.out.println(r.report());
            System.out.printf(
                    Locale.ROOT,
                    "encoder: %d sentences in %.1f s (%.0f sentences/s on %d threads, model load included); training %.1f s%n",
                    rows.size(),
                    (encoded[0] - t0) / 1e9,
                    rows.size() / ((encoded[0] - t0) / 1e9),
                    threads,
                    (t1 - encoded[0]) / 1e9);
            System.out.println("wrote " + file);
            return 0;
        } finally {
            pool.shutdownNow();
        }
    }
}
