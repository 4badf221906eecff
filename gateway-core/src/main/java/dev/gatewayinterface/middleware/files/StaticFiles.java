package dev.gatewayinterface.middleware.files;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Errors;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.Header;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.middleware.Middleware;
import dev.gatewayinterface.middleware.Paths;
import dev.gatewayinterface.middleware.PlainText;
import java.io.FileInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Serve files below a path prefix from a {@link FileSource}, and pass every other request to the wrapped
 * application, as Werkzeug's {@code SharedDataMiddleware} does. A {@code GET} or {@code HEAD} for
 * {@code <prefix>/<path>} is answered from the file at {@code <path>} when the source has one; folders, missing
 * files and other methods fall through.
 *
 * <p>Files go out through {@code wsgi.file_wrapper}, so a file of the file system is sent without copying
 * (docs/SPEC.md §8), with {@code Content-Type} by extension, {@code Content-Length}, {@code ETag},
 * {@code Last-Modified} and {@code Accept-Ranges}. {@code If-None-Match} and {@code If-Modified-Since} are answered
 * with 304; one {@code Range} (honouring {@code If-Range}) with 206, or 416 when no byte satisfies it.
 *
 * <p>A path that could leave the source is refused with a 404 and never reaches the application: an empty,
 * {@code .} or {@code ..} segment (encoded {@code %2e%2e} arrives decoded, §2), a {@code \}, {@code :} or NUL, bytes
 * that are not UTF-8, and a symbolic link whose real path is outside the folder.
 */
public final class StaticFiles implements Middleware {

    private final Application application;

    private final String prefix;

    private final FileSource source;

    private final String cacheControl;

    /**
     * Serve the source's files below a prefix.
     * @param application the application for every other request
     * @param prefix {@code ""} to serve from the root, else a path starting with {@code /}, without a trailing
     *     slash, such as {@code "/static"}
     * @param source where the files are
     * @throws IllegalArgumentException if the prefix is malformed, quoting it
     */
    public StaticFiles(Application application, String prefix, FileSource source) {
        this(application, prefix, source, null);
    }

    private StaticFiles(Application application, String prefix, FileSource source, String cacheControl) {
        if (prefix == null || !prefix.isEmpty() && !prefix.matches("(/[^/]+)+")) {
            throw new IllegalArgumentException("A static file prefix is \"\" or starts with '/' and has neither empty "
                    + "segments nor a trailing slash, not \"" + prefix + "\"");
        }
        this.application = Objects.requireNonNull(application, "application must not be null");
        this.prefix = Paths.toNative(prefix);
        this.source = Objects.requireNonNull(source, "source must not be null");
        this.cacheControl = cacheControl;
    }

    /**
     * Return middleware that also sends a {@code Cache-Control} header with every file and 304, such as
     * {@code "max-age=3600"}; none is sent unless set, leaving caching to the client's heuristics.
     * @param value the header's value
     * @return new middleware
     */
    public StaticFiles withCacheControl(String value) {
        return new StaticFiles(application, Paths.fromNative(prefix), source, Objects.requireNonNull(value, "value"));
    }

    @Override
    public Application next() {
        return application;
    }

    @Override
    public Iterable<byte[]> call(Map<String, Object> environ, StartResponse startResponse) throws Exception {
        String method = (String) environ.get(Environ.REQUEST_METHOD);
        String path = (String) environ.getOrDefault(Environ.PATH_INFO, "");
        if (!("GET".equals(method) || "HEAD".equals(method)) || !path.startsWith(prefix + "/")) {
            return application.call(environ, startResponse);
        }
        String relative = Paths.fromNative(path.substring(prefix.length() + 1));
        if (relative.isEmpty()) {
            return application.call(environ, startResponse);
        }
        // A trailing slash names a folder, which the application may answer (with an index, say).
        boolean folder = relative.endsWith("/");
        if (!RelativePaths.safe(folder ? relative.substring(0, relative.length() - 1) : relative)) {
            return PlainText.respond(environ, startResponse, "404 Not Found");
        }
        if (folder) {
            return application.call(environ, startResponse);
        }
        FileSource.StaticFile file;
        try {
            file = source.find(relative);
        }
        catch (SecurityException ex) {
            // A link out of the folder is a deployment mistake or an attack: the operator should hear of it.
            ((Errors) environ.get(Environ.WSGI_ERRORS)).write("Refused a static file: " + ex.getMessage() + "\n");
            return PlainText.respond(environ, startResponse, "404 Not Found");
        }
        return file == null ? application.call(environ, startResponse) : serve(environ, startResponse, file);
    }

    private Iterable<byte[]> serve(Map<String, Object> environ, StartResponse startResponse, FileSource.StaticFile file)
            throws Exception {
        Conditions conditions = new Conditions("\"" + Long.toHexString(file.size()) + "-"
                + Long.toHexString(file.lastModified()) + "\"", file.lastModified() / 1000);
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("ETag", conditions.etag()));
        if (file.lastModified() > 0) {
            headers.add(new Header("Last-Modified", conditions.lastModifiedHeader()));
        }
        if (cacheControl != null) {
            headers.add(new Header("Cache-Control", cacheControl));
        }
        if (conditions.notModified(environ)) {
            startResponse.start("304 Not Modified", headers);
            return List.of();
        }
        ByteRange range = conditions.rangeApplies(environ)
                ? ByteRange.parse((String) environ.get("HTTP_RANGE"), file.size()) : null;
        if (range == ByteRange.UNSATISFIABLE) {
            return PlainText.respond(environ, startResponse, "416 Range Not Satisfiable",
                    new Header("Content-Range", "bytes */" + file.size()));
        }
        headers.add(new Header("Content-Type", ContentTypes.of(file.name())));
        headers.add(new Header("Accept-Ranges", "bytes"));
        headers.add(new Header("Content-Length", Long.toString(range == null ? file.size() : range.length())));
        if (range != null) {
            headers.add(new Header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/" + file.size()));
        }
        startResponse.start(range == null ? "200 OK" : "206 Partial Content", headers);
        if ("HEAD".equals(environ.get(Environ.REQUEST_METHOD))) {
            return List.of();
        }
        return wrap(environ, file.open(), range == null ? 0 : range.first());
    }

    /** Hand the stream to wsgi.file_wrapper from its first byte; the declared Content-Length ends a range (§8). */
    private static Iterable<byte[]> wrap(Map<String, Object> environ, InputStream stream, long first) throws Exception {
        try {
            if (stream instanceof FileInputStream file) {
                file.getChannel().position(first);
            }
            else {
                stream.skipNBytes(first);
            }
            return ((FileWrapper) environ.get(Environ.WSGI_FILE_WRAPPER)).wrap(stream);
        }
        catch (Exception | Error ex) {
            stream.close();
            throw ex;
        }
    }

    @Override
    public String toString() {
        return "StaticFiles[" + (prefix.isEmpty() ? "/" : prefix) + " from " + source + "]";
    }
}
