package dev.backbeat.cli;

import dev.backbeat.server.BackbeatServer;
import dev.backbeat.server.ServeOptions;
import dev.backbeat.service.UserFolders;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Serve the NemoVideo agent protocol on this computer, answered by the local engine "
        + "(tools written for the cloud API work offline against it). Ctrl+C stops.")
final class ServeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8787", description = "The port (default 8787; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default 127.0.0.1: this computer only).")
    String bind;

    @Option(names = "--data", paramLabel = "DIR", description = "Where sessions, uploads and renders are kept "
            + "(default: serve/ in Backbeat's state folder, e.g. ~/.local/state/backbeat/serve).")
    Path data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            err.println("--port must be between 0 and 65535.");
            return 2;
        }
        boolean loopback;
        try {
            loopback = InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            err.println("--bind " + bind + " is not an address of this computer.");
            return 2;
        }
        Path dir = data != null ? data : UserFolders.fromEnvironment().state().resolve("serve");
        BackbeatServer server;
        try {
            server = BackbeatServer.start(ServeOptions.defaults(dir).withAddress(bind, port));
        } catch (BindException e) {
            err.println("Cannot listen on " + bind + ":" + port + " (" + e.getMessage() + "). Is another server using it? "
                    + "Choose another port with --port.");
            return 1;
        } catch (IOException e) {
            err.println("Cannot start the server: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            out.println("Stopped. Sessions and finished renders are kept in " + dir + ".");
            out.flush();
            stopped.countDown();
        }, "serve-stop"));
        out.println("Backbeat serves the NemoVideo protocol at " + server.baseUri());
        out.println("Data (sessions, uploads, renders): " + dir.toAbsolutePath()
                + " (" + server.sessionCount() + " session" + (server.sessionCount() == 1 ? "" : "s") + " kept from before)");
        out.println("Point a client at it: NEMO_API_BASE=" + server.baseUri());
        if (!loopback) {
            err.println("Warning: listening on " + bind + ", not only on this computer: anyone who can reach it can "
                    + "ask for a token and use the engine. Traffic is plain HTTP.");
        }
        out.println("Ctrl+C stops.");
        out.flush();
        err.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
