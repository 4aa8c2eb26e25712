package org.sitrep.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.sitrep.server.SitrepServer;
import org.sitrep.sources.Document;
import org.sitrep.sources.DocumentReader;
import org.sitrep.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serves the analyst workbench (/) and the JSON API (/api, OpenAPI at /api/openapi.json) on 127.0.0.1.",
            "Writes (POST /api/documents) need the token: --token, or the SITREP_TOKEN environment variable, else one is made and printed."
        })
final class ServeCommand implements Callable<Integer> {
    @Option(names = "--db", description = "the database file (default: ${DEFAULT-VALUE})")
    Path db = Path.of("sitrep.duckdb");

    @Option(names = "--port", description = "port (default: ${DEFAULT-VALUE})")
    int port = 8080;

    @Option(names = "--token", description = "the token writes need")
    String token;

    @Option(names = "--demo", description = "load the demo corpus (the project's examples/) first")
    boolean demo;

    @Option(
            names = "--kb",
            paramLabel = "DIR",
            description = "a knowledge layer added on top of the built-in one (repeatable)")
    List<Path> kb = List.of();

    @Override
    public Integer call() throws Exception {
        if (token == null) token = System.getenv("SITREP_TOKEN");
        boolean madeToken = token == null;
        if (madeToken) token = HexFormat.of().formatHex(SecureRandom.getSeed(16));
        try (EventStore store = EventStore.open(db);
                Coder coder = new Coder(kb, Runtime.getRuntime().availableProcessors())) {
            if (demo) {
                Path examples = Path.of(System.getProperty("sitrep.home", "."), "examples");
                if (!Files.isDirectory(examples)) {
                    System.err.println("sitrep serve: no demo corpus at " + examples);
                    return 2;
                }
                List<Document> docs = new DocumentReader(DocumentReader.Options.defaults())
                        .read(List.of(examples.toString()))
                        .filter(d -> !store.contains(d))
                        .toList();
                coder.codeAll(docs.iterator(), store::put);
                System.err.printf(
                        "sitrep: demo corpus loaded (%d documents, %d events in %s)%n",
                        store.documents(), store.events(), db);
            }
            try (SitrepServer server = new SitrepServer(store, coder::code, token).start(port)) {
                System.err.printf(
                        "sitrep: workbench at http://127.0.0.1:%d/, API at /api (OpenAPI: /api/openapi.json)%n",
                        server.port());
                if (madeToken) System.err.println("sitrep: write token (Authorization: Bearer ...): " + token);
                new CountDownLatch(1).await(); // until the process is stopped
            }
        }
        return 0;
    }
}
