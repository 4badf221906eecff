package dev.gatewayinterface.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Read what this JVM holds from the operating system and in its threads, as Linux shows it under {@code /proc}:
 * open file descriptors, the TCP connections of a port, and the threads whose stack runs gateway code.
 */
final class ProcessResources {

    /** TCP states that hold no descriptor of this process: listening sockets and connections in TIME_WAIT. */
    private static final List<String> STATES_WITHOUT_CONNECTION = List.of("0A", "06");

    private ProcessResources() {
    }

    /** Return how many file descriptors this process has open. */
    static int openFileDescriptors() {
        try (Stream<Path> descriptors = Files.list(Path.of("/proc/self/fd"))) {
            return (int) descriptors.count();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Return the TCP connections of this machine that have the port at either end and still hold a socket: every
     * state but listening and TIME_WAIT, so CLOSE_WAIT too, a connection the client closed and the server did not.
     */
    static List<String> connectionsOf(int port) {
        String hex = String.format("%04X", port);
        return Stream.of("/proc/net/tcp", "/proc/net/tcp6")
            .flatMap(ProcessResources::lines)
            .map(line -> line.trim().split("\\s+"))
            .filter(fields -> fields.length > 3 && fields[1].contains(":"))
            .filter(fields -> fields[1].endsWith(":" + hex) || fields[2].endsWith(":" + hex))
            .filter(fields -> !STATES_WITHOUT_CONNECTION.contains(fields[3]))
            .map(fields -> fields[1] + " -> " + fields[2] + " state " + fields[3])
            .toList();
    }

    private static Stream<String> lines(String file) {
        try {
            // The first line names the columns.
            return Files.readAllLines(Path.of(file)).stream().skip(1);
        }
        catch (IOException ex) {
            return Stream.empty();
        }
    }

    /**
     * Return the live threads, but the caller's, that are running gateway code now, each with its stack: after the
     * load they must all be back in their pools, waiting for work.
     */
    static List<String> threadsInGatewayCode() {
        Thread self = Thread.currentThread();
        return Thread.getAllStackTraces().entrySet().stream()
            .filter(entry -> entry.getKey() != self)
            .filter(entry -> Arrays.stream(entry.getValue()).anyMatch(ProcessResources::isGatewayCode))
            .map(ProcessResources::describe)
            .toList();
    }

    private static boolean isGatewayCode(StackTraceElement frame) {
        return frame.getClassName().startsWith("dev.gatewayinterface.")
                && !frame.getClassName().startsWith("dev.gatewayinterface.soak.");
    }

    private static String describe(Map.Entry<Thread, StackTraceElement[]> entry) {
        return entry.getKey().getName() + Arrays.toString(entry.getValue());
    }
}
