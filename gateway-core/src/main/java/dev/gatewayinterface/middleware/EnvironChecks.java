package dev.gatewayinterface.middleware;

import static dev.gatewayinterface.middleware.Syntax.describe;
import static dev.gatewayinterface.middleware.Syntax.quote;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.Errors;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.Input;
import dev.gatewayinterface.engine.RequestEnd;
import java.util.Map;

/**
 * Check the environ a server passes to the application (docs/SPEC.md §2, §3), before the application
 * sees it. Required keys come first, so that the later checks may assume their presence.
 */
final class EnvironChecks {

    /** The keys docs/SPEC.md §3.1 marks as always present, but for {@code gateway.request_end}. */
    private static final String[] REQUIRED = {Environ.REQUEST_METHOD, Environ.SCRIPT_NAME, Environ.PATH_INFO,
        Environ.QUERY_STRING, Environ.SERVER_NAME, Environ.SERVER_PORT, Environ.SERVER_PROTOCOL,
        Environ.REQUEST_URI, Environ.RAW_URI, Environ.WSGI_VERSION, Environ.WSGI_URL_SCHEME, Environ.WSGI_INPUT,
        Environ.WSGI_ERRORS, Environ.WSGI_MULTITHREAD, Environ.WSGI_MULTIPROCESS, Environ.WSGI_RUN_ONCE,
        Environ.WSGI_INPUT_TERMINATED, Environ.WSGI_FILE_WRAPPER};

    private static final String[] BOOLEANS = {Environ.WSGI_MULTITHREAD, Environ.WSGI_MULTIPROCESS,
        Environ.WSGI_RUN_ONCE, Environ.WSGI_INPUT_TERMINATED};

    private static final String[] CONTENT_HEADER_KEYS = {"HTTP_CONTENT_TYPE", "HTTP_CONTENT_LENGTH"};

    private EnvironChecks() {
    }

    /** Throw the first violation the environ holds, or return when it holds none. */
    static void check(Map<String, Object> environ, Violations violations) {
        for (String key : REQUIRED) {
            if (environ.get(key) == null) {
                throw violations.of(ContractRule.ENVIRON_REQUIRED_KEY, "the environ lacks the required key " + quote(key));
            }
        }
        checkNativeStrings(environ, violations);
        checkTypes(environ, violations);
        if (!Environ.VERSION.equals(environ.get(Environ.WSGI_VERSION))) {
            throw violations.of(ContractRule.ENVIRON_VERSION,
                    "wsgi.version is " + describe(environ.get(Environ.WSGI_VERSION)) + ", not [1, 0]");
        }
        Object scheme = environ.get(Environ.WSGI_URL_SCHEME);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw violations.of(ContractRule.ENVIRON_URL_SCHEME,
                    "wsgi.url_scheme is " + describe(scheme) + ", not \"http\" or \"https\"");
        }
        checkCgiValues(environ, violations);
    }

    /** Check every key without a dot, as PEP 3333 does: a dot marks an extension key of any type. */
    private static void checkNativeStrings(Map<String, Object> environ, Violations violations) {
        for (Map.Entry<String, Object> entry : environ.entrySet()) {
            String key = entry.getKey();
            if (key != null && key.indexOf('.') >= 0) {
                continue;
            }
            Object value = entry.getValue();
            if (key == null || !Syntax.isNative(key) || !(value instanceof String text) || !Syntax.isNative(text)) {
                throw violations.of(ContractRule.ENVIRON_NATIVE_STRING, "environ key " + quote(key) + " holds "
                        + describe(value) + "; CGI keys and values are Strings of chars at most U+00FF");
            }
        }
    }

    private static void checkTypes(Map<String, Object> environ, Violations violations) {
        Object input = environ.get(Environ.WSGI_INPUT);
        if (!(input instanceof Input)) {
            throw wrongType(violations, Environ.WSGI_INPUT, input, "an Input");
        }
        Object errors = environ.get(Environ.WSGI_ERRORS);
        if (!(errors instanceof Errors)) {
            throw wrongType(violations, Environ.WSGI_ERRORS, errors, "an Errors");
        }
        for (String key : BOOLEANS) {
            if (!(environ.get(key) instanceof Boolean)) {
                throw wrongType(violations, key, environ.get(key), "a Boolean");
            }
        }
        Object fileWrapper = environ.get(Environ.WSGI_FILE_WRAPPER);
        if (!(fileWrapper instanceof FileWrapper)) {
            throw wrongType(violations, Environ.WSGI_FILE_WRAPPER, fileWrapper, "a FileWrapper");
        }
        Object end = environ.get(RequestEnd.ENVIRON_KEY);
        if (end != null && !(end instanceof RequestEnd)) {
            throw wrongType(violations, RequestEnd.ENVIRON_KEY, end, "a RequestEnd");
        }
    }

    /** Check CGI values whose type {@link #checkNativeStrings} already proved to be {@code String}. */
    private static void checkCgiValues(Map<String, Object> environ, Violations violations) {
        String port = (String) environ.get(Environ.SERVER_PORT);
        if (!Syntax.isDecimal(port)) {
            throw violations.of(ContractRule.ENVIRON_SERVER_PORT, "SERVER_PORT " + quote(port) + " is not a decimal number");
        }
        String contentLength = (String) environ.get(Environ.CONTENT_LENGTH);
        if (contentLength != null && !Syntax.isDecimal(contentLength)) {
            throw violations.of(ContractRule.ENVIRON_CONTENT_LENGTH,
                    "CONTENT_LENGTH " + quote(contentLength) + " is not a non-negative decimal integer");
        }
        String scriptName = (String) environ.get(Environ.SCRIPT_NAME);
        if (scriptName.equals("/") || !scriptName.isEmpty() && scriptName.charAt(0) != '/') {
            throw violations.of(ContractRule.ENVIRON_SCRIPT_NAME,
                    "SCRIPT_NAME " + quote(scriptName) + " must be \"\" or start with \"/\", and is never \"/\"");
        }
        String pathInfo = (String) environ.get(Environ.PATH_INFO);
        if (!pathInfo.isEmpty() && pathInfo.charAt(0) != '/') {
            throw violations.of(ContractRule.ENVIRON_PATH_INFO,
                    "PATH_INFO " + quote(pathInfo) + " must be \"\" or start with \"/\"");
        }
        for (String key : CONTENT_HEADER_KEYS) {
            if (environ.containsKey(key)) {
                throw violations.of(ContractRule.ENVIRON_CONTENT_HEADER_KEY, "the environ has the key " + quote(key)
                        + "; the header belongs in " + quote(key.substring(5)) + " only");
            }
        }
    }

    private static ContractViolationException wrongType(Violations violations, String key, Object value, String type) {
        return violations.of(ContractRule.ENVIRON_TYPE, key + " is " + describe(value) + ", not " + type);
    }
}
