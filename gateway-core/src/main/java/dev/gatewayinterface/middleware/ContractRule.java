package dev.gatewayinterface.middleware;

/**
 * List every check {@link ContractValidator} makes: a stable id, the docs/SPEC.md section the check
 * enforces, and one line saying what it requires.
 *
 * <p>The id is what a metrics tag or a log search should use; it never changes once released, even if a
 * constant is renamed. Where each rule surfaces (thrown at the faulty call, from {@code close()}, or only
 * reported when the request ends) is listed on {@link ContractValidator} and in docs/SPEC.md §11.4.
 */
public enum ContractRule {

    CALL_ARGUMENTS("call-arguments", "§1.1", "The server passes an environ and a start_response, neither null."),
    BODY_NULL("body-null", "§1.2", "The application returns a body, never null."),
    CHUNK_NULL("chunk-null", "§1.2", "The body yields byte[] chunks, never null."),
    BODY_BEFORE_START("body-before-start", "§1.2",
            "The body yields no non-empty chunk before the application called start_response."),
    BODY_ITERATED_TWICE("body-iterated-twice", "§1.2", "The server iterates the body once."),
    BODY_USED_AFTER_CLOSE("body-used-after-close", "§1.3", "The server does not iterate the body after closing it."),
    BODY_CLOSED_TWICE("body-closed-twice", "§1.3", "The server closes the body once, not twice."),
    BODY_NEVER_CLOSED("body-never-closed", "§1.3", "The server closes the body before the request ends."),
    ENVIRON_NATIVE_STRING("environ-native-string", "§2",
            "Every CGI key (a key without a dot) and its value are Strings of chars at most U+00FF."),
    ENVIRON_MUTABLE("environ-mutable", "§3.1", "The environ is a mutable map."),
    ENVIRON_REQUIRED_KEY("environ-required-key", "§3.1", "Every required key of the environ is present."),
    ENVIRON_TYPE("environ-type", "§3.1", "The wsgi.* and gateway.* values have the Java types of the key table."),
    ENVIRON_VERSION("environ-version", "§3.1", "wsgi.version is [1, 0]."),
    ENVIRON_URL_SCHEME("environ-url-scheme", "§3.1", "wsgi.url_scheme is \"http\" or \"https\"."),
    ENVIRON_SERVER_PORT("environ-server-port", "§3.1", "SERVER_PORT is a decimal number, never empty."),
    ENVIRON_CONTENT_LENGTH("environ-content-length", "§3.1",
            "CONTENT_LENGTH, when present, is a non-negative decimal integer."),
    ENVIRON_SCRIPT_NAME("environ-script-name", "§3.2", "SCRIPT_NAME is empty or starts with /, and is never /."),
    ENVIRON_PATH_INFO("environ-path-info", "§3.2", "PATH_INFO is empty or starts with /."),
    ENVIRON_CONTENT_HEADER_KEY("environ-content-header-key", "§3.3",
            "Content-Type and Content-Length appear as CONTENT_TYPE and CONTENT_LENGTH, never as HTTP_ keys."),
    INPUT_READ_RESULT("input-read-result", "§4.1",
            "wsgi.input returns byte arrays, never null, and never more bytes than asked for."),
    ERRORS_THREW("errors-threw", "§4.2", "wsgi.errors never throws."),
    STATUS_LINE("status-line", "§5.1",
            "The status is three digits from 200 to 599, a space and a reason, without control characters."),
    HEADER_LIST("header-list", "§5.2", "The headers are a list without null elements."),
    HEADER_NAME("header-name", "§5.2", "Every header name is an HTTP token."),
    HEADER_VALUE("header-value", "§5.2",
            "No header value holds a control character other than tab, nor a char above U+00FF."),
    HEADER_CONTENT_LENGTH("header-content-length", "§5.2",
            "Content-Length is a non-negative decimal integer; given twice, the values agree."),
    HEADER_HOP_BY_HOP("header-hop-by-hop", "§5.3", "The application sets no hop-by-hop header."),
    START_AGAIN_WITHOUT_EXC_INFO("start-again-without-exc-info", "§5.4",
            "A second call of start_response passes excInfo."),
    START_NEVER_CALLED("start-never-called", "§5.4", "The application calls start_response before its body ends."),
    START_RETURNED_NULL("start-returned-null", "§5.4", "The server's start_response returns a write callable."),
    WRITE_NULL("write-null", "§5.5", "write() is passed bytes, never null."),
    CONTENT_LENGTH_EXCEEDED("content-length-exceeded", "§6.3",
            "write() produces no bytes beyond the declared Content-Length, counting the body's bytes before it."),
    CONTENT_LENGTH_SHORT("content-length-short", "§6.3",
            "A body iterated to its end has produced as many bytes as the declared Content-Length."),
    FILE_WRAPPER_ARGUMENTS("file-wrapper-arguments", "§8",
            "wsgi.file_wrapper is passed a stream, not null, and a block size of at least 1."),
    FILE_WRAPPER_RESULT("file-wrapper-result", "§8", "wsgi.file_wrapper returns a closeable body."),
    HEADER_STATUS("header-status", "§11.2", "The application sets no Status header."),
    CONTENT_TYPE("content-type", "§11.2", "Content-Type is set, except on 204 and 304, where it is absent."),
    BODY_FORBIDDEN("body-forbidden", "§11.2",
            "The application produces no body bytes, by chunk or write(), for status 204 or 304."),
    WRITE_AFTER_CLOSE("write-after-close", "§11.2", "write() is not called after the server closed the body."),
    HEAD_BODY("head-body", "§11.3", "The application produces no body bytes, by chunk or write(), for HEAD."),
    BODY_BEYOND_CONTENT_LENGTH("body-beyond-content-length", "§11.3",
            "The body yields no more bytes than the declared Content-Length, counting those of write()."),
    START_EXC_INFO_FIRST_CALL("start-exc-info-first-call", "§11.3",
            "start_response is passed excInfo only when it is called again.");

    private final String id;

    private final String section;

    private final String description;

    ContractRule(String id, String section, String description) {
        this.id = id;
        this.section = section;
        this.description = description;
    }

    /**
     * Return the rule's stable id, such as {@code "header-name"}.
     * @return the id, lower case with dashes
     */
    public String id() {
        return id;
    }

    /**
     * Return the docs/SPEC.md section the rule enforces, such as {@code "§5.2"}.
     * @return the section, with its {@code §} sign
     */
    public String section() {
        return section;
    }

    /**
     * Return what the rule requires, in one line.
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * Tell whether only a strict validator ({@link ContractValidator#strict}) checks the rule: these rules
     * (docs/SPEC.md §11.3) refuse what PEP 3333 and CPython's {@code wsgiref.validate} allow, because it is
     * usually, but not always, a mistake.
     * @return {@code true} for the opt-in rules of §11.3
     */
    public boolean strictOnly() {
        return "§11.3".equals(section);
    }

    /**
     * Tell whether the rule binds the server rather than the application, so that a conformance suite can
     * fail a binding on these alone while its scenarios misbehave on purpose as applications.
     * @return {@code true} if a violation is the server's fault
     */
    public boolean bindsServer() {
        return switch (this) {
            case CALL_ARGUMENTS, BODY_ITERATED_TWICE, BODY_USED_AFTER_CLOSE, BODY_CLOSED_TWICE, BODY_NEVER_CLOSED,
                    ENVIRON_NATIVE_STRING, ENVIRON_MUTABLE, ENVIRON_REQUIRED_KEY, ENVIRON_TYPE, ENVIRON_VERSION,
                    ENVIRON_URL_SCHEME, ENVIRON_SERVER_PORT, ENVIRON_CONTENT_LENGTH, ENVIRON_SCRIPT_NAME,
                    ENVIRON_PATH_INFO, ENVIRON_CONTENT_HEADER_KEY, INPUT_READ_RESULT, ERRORS_THREW,
                    START_RETURNED_NULL, FILE_WRAPPER_RESULT -> true;
            default -> false;
        };
    }
}
