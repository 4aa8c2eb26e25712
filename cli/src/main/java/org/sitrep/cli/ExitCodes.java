package org.sitrep.cli;

import java.io.PrintWriter;
import org.sitrep.store.EventStore;
import picocli.CommandLine;

/**
 * Exit codes that tell the cases apart, for scripts: 0 all coded, 1 some documents failed, 2 usage error,
 * 3 database locked or unreadable, 4 internal error. A locked database is one line, not a stack trace.
 */
final class ExitCodes implements CommandLine.IExecutionExceptionHandler {
    static final int OK = 0;
    static final int SOME_FAILED = 1;
    static final int USAGE = 2;
    static final int DATABASE = 3;
    static final int INTERNAL = 4;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EventStore.Unavailable u) {
                err.println("sitrep: " + u.getMessage());
                err.flush();
                return DATABASE;
            }
        }
        if (e instanceof IllegalArgumentException) { // options checked after parsing (dates, sizes)
            err.println("sitrep: " + e.getMessage());
            err.flush();
            return USAGE;
        }
        err.println("sitrep: internal error: " + e);
        if (System.getenv("SITREP_DEBUG") != null) e.printStackTrace(err);
        else err.println("sitrep: (set SITREP_DEBUG=1 for the stack trace, and please report it)");
        err.flush();
        return INTERNAL;
    }
}
