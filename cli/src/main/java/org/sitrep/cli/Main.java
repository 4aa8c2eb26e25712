package org.sitrep.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The sitrep command line. */
@Command(
        name = "sitrep",
        mixinStandardHelpOptions = true,
        version = "sitrep 0.1.0",
        description = {
            "Turns news text into political event data: who did what to whom, when, where, and according to whom.",
            "Every command takes --quiet: no progress lines (building, loading models, coding), only results and errors."
        },
        subcommands = {
            CodeCommand.class,
            BenchCommand.class,
            KbCommand.class,
            ExplainCommand.class,
            EvalCommand.class,
            TrainCommand.class,
            ClassifyCommand.class,
            IngestCommand.class,
            ExportCommand.class,
            ServeCommand.class,
            SparkCommand.class
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        // --quiet is global: any command takes it and prints only its results and errors
        java.util.List<String> rest = new java.util.ArrayList<>(java.util.List.of(args));
        Progress.quiet(rest.removeIf(a -> a.equals("--quiet")));
        return new CommandLine(new Main())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExpandAtFiles(false)
                .setExecutionExceptionHandler(new ExitCodes())
                .execute(rest.toArray(String[]::new));
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
