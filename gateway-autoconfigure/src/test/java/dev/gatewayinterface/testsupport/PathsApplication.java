package dev.gatewayinterface.testsupport;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Build applications that answer with their name and the split of the target they were given, so that a test of
 * how a mount is matched sees SCRIPT_NAME, PATH_INFO and QUERY_STRING as the application does, and which mount
 * answered.
 */
public final class PathsApplication {

    private PathsApplication() {
    }

    /**
     * Return an application answering {@code "name: SCRIPT_NAME=… PATH_INFO=… QUERY_STRING=…"}, the native
     * strings written back one byte a char.
     * @param name the name it answers with
     * @return the application
     */
    public static Application named(String name) {
        return (environ, startResponse) -> {
            startResponse.start("200 OK", List.of(new Header("Content-Type", "text/plain")));
            String text = name + ": SCRIPT_NAME=" + environ.get(Environ.SCRIPT_NAME) + " PATH_INFO="
                    + environ.get(Environ.PATH_INFO) + " QUERY_STRING=" + environ.get(Environ.QUERY_STRING);
            return List.of(text.getBytes(StandardCharsets.ISO_8859_1));
        };
    }
}
