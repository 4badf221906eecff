package dev.gatewayinterface;

import java.util.List;

/**
 * Name the environ keys of docs/SPEC.md §3, so that applications and servers spell them one way.
 *
 * <p>CGI values are native strings (docs/SPEC.md §2); the Java type of each {@code wsgi.*} value is given
 * with its constant.
 */
public final class Environ {

    /** The HTTP method, such as {@code "GET"}. */
    public static final String REQUEST_METHOD = "REQUEST_METHOD";
    /** The mount point of the application, {@code ""} at the root; never {@code "/"}. */
    public static final String SCRIPT_NAME = "SCRIPT_NAME";
    /** The rest of the path below {@link #SCRIPT_NAME}, {@code ""} or starting with {@code /}. */
    public static final String PATH_INFO = "PATH_INFO";
    /** The raw, still percent-encoded query, {@code ""} when the request had none. */
    public static final String QUERY_STRING = "QUERY_STRING";
    /** The request's {@code Content-Type}, present only when the request has one. */
    public static final String CONTENT_TYPE = "CONTENT_TYPE";
    /** The request's {@code Content-Length} in decimal, present only when known. */
    public static final String CONTENT_LENGTH = "CONTENT_LENGTH";
    /** The host name the request was addressed to. */
    public static final String SERVER_NAME = "SERVER_NAME";
    /** The port the request was addressed to, in decimal. */
    public static final String SERVER_PORT = "SERVER_PORT";
    /** The protocol, such as {@code "HTTP/1.1"}. */
    public static final String SERVER_PROTOCOL = "SERVER_PROTOCOL";
    /** The client's address. */
    public static final String REMOTE_ADDR = "REMOTE_ADDR";
    /** The client's port, in decimal. */
    public static final String REMOTE_PORT = "REMOTE_PORT";
    /** The authenticated user's name, when the server authenticated one. */
    public static final String REMOTE_USER = "REMOTE_USER";
    /** The authentication scheme, when the server authenticated the request. */
    public static final String AUTH_TYPE = "AUTH_TYPE";
    /** {@code "on"} when the request came over TLS. */
    public static final String HTTPS = "HTTPS";
    /** The raw request target as sent: path and query, still percent-encoded. */
    public static final String REQUEST_URI = "REQUEST_URI";
    /** The same value as {@link #REQUEST_URI}, under Gunicorn's name. */
    public static final String RAW_URI = "RAW_URI";

    /** The contract version, a {@code List<Integer>}: {@link #VERSION}. */
    public static final String WSGI_VERSION = "wsgi.version";
    /** {@code "http"} or {@code "https"}. */
    public static final String WSGI_URL_SCHEME = "wsgi.url_scheme";
    /** The request body, an {@link Input}. */
    public static final String WSGI_INPUT = "wsgi.input";
    /** The error stream, an {@link Errors}. */
    public static final String WSGI_ERRORS = "wsgi.errors";
    /** A {@code Boolean}: whether other threads may call the application at the same time. */
    public static final String WSGI_MULTITHREAD = "wsgi.multithread";
    /** A {@code Boolean}: whether other processes may call the application at the same time. */
    public static final String WSGI_MULTIPROCESS = "wsgi.multiprocess";
    /** A {@code Boolean}: whether the application is called once in its process's life. */
    public static final String WSGI_RUN_ONCE = "wsgi.run_once";
    /** A {@code Boolean}: whether {@link Input} reports end of input at the end of the body. */
    public static final String WSGI_INPUT_TERMINATED = "wsgi.input_terminated";
    /** The server's {@link FileWrapper}. */
    public static final String WSGI_FILE_WRAPPER = "wsgi.file_wrapper";

    /** The value of {@link #WSGI_VERSION}: {@code [1, 0]}. */
    public static final List<Integer> VERSION = List.of(1, 0);

    private Environ() {
    }
}
