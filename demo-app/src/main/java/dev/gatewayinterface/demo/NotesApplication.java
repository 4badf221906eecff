package dev.gatewayinterface.demo;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.middleware.PlainText;
import dev.gatewayinterface.middleware.Stack;
import dev.gatewayinterface.middleware.auth.BasicAuthentication;
import dev.gatewayinterface.middleware.auth.CredentialCheck;
import dev.gatewayinterface.middleware.errors.ErrorCatcher;
import dev.gatewayinterface.middleware.files.FileSource;
import dev.gatewayinterface.middleware.files.StaticFiles;
import dev.gatewayinterface.middleware.routing.Dispatcher;
import dev.gatewayinterface.middleware.routing.Router;
import dev.gatewayinterface.middleware.routing.RoutingArgs;
import java.util.List;
import java.util.Map;

/**
 * Compose a small application from gateway-core's middleware alone (docs/MIDDLEWARE.md): public assets from the
 * class path under {@code /assets}, and behind HTTP Basic authentication a routed API under {@code /api}, whose
 * failures become a plain 500.
 */
final class NotesApplication {

    private static final List<String> NOTES = List.of("Buy milk", "Write the docs", "Ship it");

    private NotesApplication() {
    }

    static Application create(CredentialCheck users) {
        Router api = Router.builder()
            .get("/notes", (environ, start) -> text(environ, start, "notes of " + environ.get(Environ.REMOTE_USER)
                    + ": " + NOTES.size() + "\n"))
            .get("/notes/{id}", NotesApplication::note)
            .get("/boom", (environ, start) -> {
                throw new IllegalStateException("boom behind the error catcher (secret=do-not-leak)");
            })
            .build();
        return Stack.of(
                ErrorCatcher::new,
                next -> new StaticFiles(next, "/assets",
                        FileSource.classPath(NotesApplication.class.getClassLoader(), "notes-assets")),
                next -> new BasicAuthentication(next, "notes", users))
            .around(new Dispatcher(Map.of("/api", api)));
    }

    private static Iterable<byte[]> note(Map<String, Object> environ, StartResponse start) {
        String id = RoutingArgs.of(environ).get("id");
        int index = id.matches("[1-9][0-9]{0,8}") ? Integer.parseInt(id) - 1 : -1;
        if (index < 0 || index >= NOTES.size()) {
            return PlainText.respond(environ, start, "404 Not Found");
        }
        return text(environ, start, NOTES.get(index) + "\n");
    }

    private static Iterable<byte[]> text(Map<String, Object> environ, StartResponse start, String text) {
        return PlainText.respond(environ, start, "200 OK", text, null);
    }
}
