package dev.gatewayinterface.middleware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.gatewayinterface.Environ;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Check {@link Paths} against the tables of CPython's {@code Lib/test/test_wsgiref.py}, row for row, but for the
 * one documented difference: {@code SCRIPT_NAME} never becomes {@code "/"}.
 */
class PathsTests {

    @ParameterizedTest(name = "shifting {1} below ''{0}'' returns ''{2}'' and leaves ''{3}'' + ''{4}''")
    @CsvSource(nullValues = "null", value = {
        // testSimpleShifts
        "'',     /x,              x,    /x,     ''",
        "/,      '',              null, /,      ''",
        "/a,     /x/y,            x,    /a/x,   /y",
        "/a,     /x/,             x,    /a/x,   /",
        // testNormalizedShifts
        "/a/b,   /../y,           ..,   /a,     /y",
        "'',     /../y,           ..,   '',     /y",
        "/a/b,   //y,             y,    /a/b/y, ''",
        "/a/b,   //y/,            y,    /a/b/y, /",
        "/a/b,   /./y,            y,    /a/b/y, ''",
        "/a/b,   /./y/,           y,    /a/b/y, /",
        "/a/b,   ///./..//y/.//,  ..,   /a,     /y/",
        "/a/b,   ///,             '',   /a/b/,  ''",
        "/a/b,   /.//,            '',   /a/b/,  ''",
        "/a/b,   /x//,            x,    /a/b/x, /",
        "/a/b,   /.,              null, /a/b,   ''",
        // Where wsgiref makes SCRIPT_NAME "/", which SPEC §3.1 forbids, the root stays "".
        "'',     /,               '',   '',     ''",
        // Native strings move as they are.
        "/shop,  /cafÃ©/menu,     cafÃ©, /shop/cafÃ©, /menu",
    })
    void shiftsPathInfoLikeWsgiref(String scriptName, String pathInfo, String name, String newScriptName,
            String newPathInfo) {
        Map<String, Object> environ = environ(scriptName, pathInfo);
        assertThat(Paths.shiftPathInfo(environ)).isEqualTo(name);
        assertThat(environ).containsEntry(Environ.SCRIPT_NAME, newScriptName).containsEntry(Environ.PATH_INFO, newPathInfo);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {
        // testAppURIs
        "http://127.0.0.1/,              '',     127.0.0.1,        80,   http",
        "http://127.0.0.1/spam,          /spam,  127.0.0.1,        80,   http",
        "http://127.0.0.1/sp%E4m,        /sp\u00e4m, 127.0.0.1,    80,   http",
        "http://spam.example.com:2071/,  '',     spam.example.com:2071, 2071, http",
        "http://127.0.0.1/,              '',     127.0.0.1,        80,   http",
        "https://127.0.0.1/,             '',     127.0.0.1,        443,  https",
        "http://127.0.0.1:8000/,         '',     null,             8000, http",
        "https://127.0.0.1:8443/,        '',     null,             8443, https",
        "http://127.0.0.1/a%3Bb,         /a;b,   127.0.0.1,        80,   http",
    })
    void buildsTheApplicationUriLikeWsgiref(String uri, String scriptName, String host, String port, String scheme) {
        Map<String, Object> environ = environ(scriptName, "");
        environ.put(Environ.WSGI_URL_SCHEME, scheme);
        environ.put(Environ.SERVER_PORT, port);
        if (host == null) {
            environ.remove("HTTP_HOST");
        }
        else {
            environ.put("HTTP_HOST", host);
        }
        assertThat(Paths.applicationUri(environ)).isEqualTo(uri);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // testReqURIs
        "http://127.0.0.1/                                 | ''        | ''                     | ''",
        "http://127.0.0.1/spam                             | /spam     | ''                     | ''",
        "http://127.0.0.1/sp%E4m                           | /sp\u00e4m | ''                    | ''",
        "http://127.0.0.1/spammity/spam                    | /spammity | /spam                  | ''",
        "http://127.0.0.1/spammity/sp%E4m                  | /spammity | /sp\u00e4m             | ''",
        "http://127.0.0.1/spammity/spam;ham                | /spammity | /spam;ham              | ''",
        "http://127.0.0.1/spammity/spam;cookie=1234,5678   | /spammity | /spam;cookie=1234,5678 | ''",
        "http://127.0.0.1/spammity/spam?say=ni             | /spammity | /spam                  | say=ni",
        "http://127.0.0.1/spammity/spam?s%3Bay=ni          | /spammity | /spam                  | s%3Bay=ni",
        "http://127.0.0.1/a%20b%3Fc%23d                    | ''        | /a b?c#d               | ''",
    })
    void buildsTheRequestUriLikeWsgiref(String uri, String scriptName, String pathInfo, String query) {
        Map<String, Object> environ = environ(scriptName, pathInfo);
        environ.put(Environ.QUERY_STRING, query);
        assertThat(Paths.requestUri(environ, true)).isEqualTo(uri);
    }

    @Test
    void leavesTheQueryOutWhenAsked() {
        Map<String, Object> environ = environ("/spammity", "/spam");
        environ.put(Environ.QUERY_STRING, "say=ni");
        assertThat(Paths.requestUri(environ, false)).isEqualTo("http://127.0.0.1/spammity/spam");
    }

    @Test
    void turnsTextIntoTheNativeFormOfAPathAndBack() {
        assertThat(Paths.toNative("/café")).isEqualTo("/cafÃ©");
        assertThat(Paths.fromNative("/cafÃ©")).isEqualTo("/café");
    }

    @Test
    void refusesToQuoteACharAboveLatin1NamingTheRule() {
        assertThatIllegalArgumentException().isThrownBy(() -> Paths.quote("/café€", "/"))
            .withMessageContaining("SPEC §2").withMessageContaining("\"/café€\"").withMessageContaining("U+20AC");
    }

    private static Map<String, Object> environ(String scriptName, String pathInfo) {
        Map<String, Object> environ = new HashMap<>();
        environ.put(Environ.SCRIPT_NAME, scriptName);
        environ.put(Environ.PATH_INFO, pathInfo);
        environ.put(Environ.QUERY_STRING, "");
        environ.put(Environ.WSGI_URL_SCHEME, "http");
        environ.put(Environ.SERVER_NAME, "127.0.0.1");
        environ.put(Environ.SERVER_PORT, "80");
        environ.put("HTTP_HOST", "127.0.0.1");
        return environ;
    }
}
