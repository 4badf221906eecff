package dev.gatewayinterface.test.guide;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.middleware.PlainText;
import dev.gatewayinterface.middleware.Stack;
import dev.gatewayinterface.middleware.auth.BasicAuthentication;
import dev.gatewayinterface.middleware.auth.CredentialCheck;
import dev.gatewayinterface.middleware.errors.ErrorCatcher;
import dev.gatewayinterface.middleware.files.FileSource;
import dev.gatewayinterface.middleware.files.StaticFiles;
import dev.gatewayinterface.middleware.routing.Router;
import dev.gatewayinterface.middleware.routing.RoutingArgs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Compose a small routed, authenticated application with static assets from gateway-core's middleware: the
 * example of docs/MIDDLEWARE.md.
 */
public final class NotesApplication {

    private NotesApplication() {
    }

    // tag::compose[]
    /**
     * Build the application: public assets under /assets, and notes for signed-in users.
     * @param assets the folder of the assets
     * @param users the users' passwords
     * @return the application to mount
     * @throws IOException if the folder does not exist
     */
    public static Application create(Path assets, CredentialCheck users) throws IOException {
        FileSource files = FileSource.directory(assets);
        Router notes = Router.builder()
            .get("/notes", (environ, start) -> text(environ, start, "notes of " + environ.get(Environ.REMOTE_USER)))
            .get("/notes/{id}", (environ, start) -> text(environ, start, "note " + RoutingArgs.of(environ).get("id")))
            .post("/notes", (environ, start) -> {
                throw new IllegalStateException("the notes are read-only");
            })
            .build();
        return Stack.of(
                ErrorCatcher::new,                                     // 1. any failure below it: a plain 500
                next -> new StaticFiles(next, "/assets", files),       // 2. public assets
                next -> new BasicAuthentication(next, "notes", users)) // 3. everything else: signed-in users
            .around(notes);                                            // 4. then the routes
    }
    // end::compose[]

    private static Iterable<byte[]> text(Map<String, Object> environ, StartResponse start, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        start.start("200 OK", List.of(new Header("Content-Type", PlainText.CONTENT_TYPE),
                new Header("Content-Length", Integer.toString(body.length))));
        return "HEAD".equals(environ.get(Environ.REQUEST_METHOD)) ? List.of() : List.of(body);
    }
}
