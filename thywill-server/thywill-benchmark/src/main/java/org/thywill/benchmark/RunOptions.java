package org.thywill.benchmark;

import static org.thywill.benchmark.OptionValues.within;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The command-line options of one load run, read by picocli (a mixin of {@link Main}); {@link #settings} checks
 * their bounds and fills the defaults that depend on the scenario.
 */
public final class RunOptions {

    @Option(names = "--server", defaultValue = "thywill", paramLabel = "thywill|cometd",
            description = "The kind of server at --url (default ${DEFAULT-VALUE}).")
    private String server;

    @Option(names = "--url", paramLabel = "http://127.0.0.1:8080",
            description = "Run against a server already running here (loopback only).")
    private URI url;

    @Option(names = "--scenario", defaultValue = "echo", paramLabel = "echo|broadcast|rooms|connect-storm",
            description = "What the clients do (default ${DEFAULT-VALUE}).")
    private String scenario;

    @Option(names = "--transport", defaultValue = "websocket", paramLabel = "websocket|long-polling",
            description = "(default ${DEFAULT-VALUE})")
    private String transport;

    @Option(names = "--clients", defaultValue = "1000", paramLabel = "N",
            description = "Clients to connect (default ${DEFAULT-VALUE}, at most " + RunSettings.MAX_CLIENTS + ").")
    private int clients;

    @Option(names = "--ramp", paramLabel = "DURATION", defaultValue = "10s", converter = OptionValues.DurationConverter.class,
            description = "Time over which they connect, such as 500ms, 10s or 2m (default ${DEFAULT-VALUE}).")
    private Duration ramp;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "5s", converter = OptionValues.DurationConverter.class,
            description = "Load before measuring (default ${DEFAULT-VALUE}).")
    private Duration warmup;

    @Option(names = "--hold", paramLabel = "DURATION", defaultValue = "30s", converter = OptionValues.DurationConverter.class,
            description = "Measured load; for the connect storm, the most time the storm may take (default"
                    + " ${DEFAULT-VALUE}).")
    private Duration hold;

    @Option(names = "--rate", paramLabel = "N", description = "Echo: round trips started per second, 0 = each"
            + " client sends again on its reply (default one per client per second); broadcast and rooms: messages"
            + " published per second (default 10, and 10 per room).")
    private Integer rate;

    @Option(names = "--size", paramLabel = "N", defaultValue = "50", description = "Filler bytes per message (default ${DEFAULT-VALUE}).")
    private int size;

    @Option(names = "--rooms", paramLabel = "N", defaultValue = "10", description = "Rooms in the rooms scenario (default"
            + " ${DEFAULT-VALUE}).")
    private int rooms;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "200", description = "Handshakes in flight at once (default"
            + " ${DEFAULT-VALUE}).")
    private int concurrency;

    @Option(names = "--client-threads", paramLabel = "N", defaultValue = "32", description = "The thread pool every client shares"
            + " (default ${DEFAULT-VALUE}).")
    private int clientThreads;

    @Option(names = "--acknowledge", defaultValue = "no", paramLabel = "yes|no", description = "yes: clients"
            + " acknowledge as the browser library does: Thywill's ask for numbered delivery and acknowledge what"
            + " they handle, and every Bayeux client uses CometD's acknowledge extension (the baseline then has it"
            + " too). Default ${DEFAULT-VALUE}.")
    private String acknowledge;

    /**
     * @param args a command line of run options only
     * @return them, read
     * @throws CommandLine.ParameterException for an unknown option, a missing or unreadable value
     */
    public static RunOptions parse(String... args) {
        RunOptions options = new RunOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    /**
     * @param fallbackUrl the server's address when the command line does not give one (a launched server's)
     * @return the settings, with the defaults for what the command line leaves out
     * @throws IllegalArgumentException naming the option whose value is out of bounds or unknown
     */
    public RunSettings settings(URI fallbackUrl) {
        Scenario chosen = Scenario.of(scenario);
        within("--clients", clients, 1, RunSettings.MAX_CLIENTS);
        within("--rooms", rooms, 1, 10_000);
        int defaultRate = switch (chosen) {
            case ECHO -> clients;
            case BROADCAST -> 10;
            case ROOMS -> 10 * rooms;
            case CONNECT_STORM -> 0;
        };
        return new RunSettings(ServerKind.of(server), url != null ? url : fallbackUrl, chosen,
                TransportKind.of(transport), clients,
                within("--ramp", ramp, Duration.ZERO, Duration.ofMinutes(5)),
                within("--warmup", warmup, Duration.ZERO, Duration.ofMinutes(2)),
                within("--hold", hold, Duration.ofSeconds(1), Duration.ofMinutes(10)),
                within("--rate", rate == null ? defaultRate : rate, 0, 1_000_000),
                within("--size", size, 0, 60_000),
                rooms,
                within("--concurrency", concurrency, 1, 5_000),
                within("--client-threads", clientThreads, 4, 1_000),
                List.of(),
                yesOrNo(acknowledge));
    }

    private static boolean yesOrNo(String value) {
        return switch (value) {
            case "yes", "true" -> true;
            case "no", "false" -> false;
            default -> throw new IllegalArgumentException("--acknowledge is yes or no, not '" + value + "'.");
        };
    }
}
