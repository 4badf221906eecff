package dev.gatewayinterface.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import dev.gatewayinterface.Environ;
import dev.gatewayinterface.FileWrapper;
import dev.gatewayinterface.StartResponse;
import dev.gatewayinterface.autoconfigure.MountDefinition;
import dev.gatewayinterface.engine.RequestEnd;
import dev.gatewayinterface.engine.Streams;
import dev.gatewayinterface.test.TestClient;
import dev.gatewayinterface.test.TestEnviron;
import dev.gatewayinterface.test.TestResponse;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Call {@link PythonApplication} in-process, through {@link TestClient} or directly, to check how Python and
 * Java values cross over: the environ, the streams, start_response, exceptions both ways, the body's streaming
 * and closing, and the file handed to the server. Uses the {@code plain} application and the runtime of the
 * shared test context, so Python starts only once.
 */
@ServletPythonTest
@ExtendWith(OutputCaptureExtension.class)
class PythonApplicationTests {

    private static final StartResponse IGNORED_START = (status, headers, excInfo) -> data -> {
    };

    @Autowired
    @Qualifier("gatewayPython.plain")
    MountDefinition plain;

    @Autowired
    PythonRuntime runtime;

    private PythonApplication application() {
        return (PythonApplication) plain.application();
    }

    private TestClient client() {
        return TestClient.of(application());
    }

    @Test
    void passesTheEnvironAsADictOfNativeStringsBoolsAndFileLikes() {
        String environ = client().request("GET", "/environ?q=%C3%A9").header("X-Name", "\u00c3\u00a9").send().text();
        assertThat(environ).contains("REQUEST_METHOD str 'GET'\n", "QUERY_STRING str 'q=%C3%A9'\n",
                "wsgi.version tuple (1, 0)\n", "wsgi.url_scheme str 'http'\n", "wsgi.run_once bool False\n",
                "wsgi.input_terminated bool True\n", "wsgi.input Input <", "wsgi.errors Errors <",
                "wsgi.file_wrapper type <");
        // Each char of a native string stays one code point: the UTF-8 bytes of 'é' are two chars, not one.
        assertThat(environ).contains("HTTP_X_NAME str '\u00c3\u00a9'\n");
    }

    @Test
    void tellsTheApplicationThatEachContextServesOneRequestAtATimeLikeAWorkerProcess() {
        assertThat(client().get("/environ").text()).contains("wsgi.multithread bool False\n",
                "wsgi.multiprocess bool True\n");
    }

    @Test
    void letsNoContextLoadACExtensionSoThatPackagesFallBackToPurePythonInEachAlike() {
        // GraalPy's termios is a C extension; a second context that tried it would raise SystemError instead.
        for (int request = 0; request < 3; request++) {
            assertThat(client().get("/import?name=termios").text()).isEqualTo("ModuleNotFoundError");
        }
        assertThat(client().get("/import?name=json").text()).isEqualTo("imported");
    }

    @Test
    void readsTheWholeBodyWhenReadIsGivenNoSize() {
        TestResponse response = client().post("/echo?mode=read-all", "application/octet-stream",
                new byte[] { 0, (byte) 0x80, (byte) 0xff, '\n', 1 });
        assertThat(response.body()).containsExactly(0, 0x80, 0xff, '\n', 1);
    }

    @Test
    void logsWhatTheApplicationWritesToWsgiErrorsLineByLine(CapturedOutput output) {
        client().get("/log");
        assertThat(output).contains("[test-client] first line from Python", "[test-client] second line from Python");
    }

    @Test
    void givesTheJavaCallbacksOfPythonTheCallersLoggingContext() {
        MDC.put("traceId", "4bf92f3577b34da6");
        try {
            assertThat(client().request("GET", "/read-from-java")
                .environ("test.read", (Supplier<String>) () -> MDC.get("traceId")).send().text())
                .isEqualTo("4bf92f3577b34da6");
        }
        finally {
            MDC.remove("traceId");
        }
    }

    @Test
    void streamsEachChunkWhenPythonYieldsIt() throws Exception {
        List<String> progress = new CopyOnWriteArrayList<>();
        Map<String, Object> environ = TestEnviron.builder().path("/stream").query("chunks=3")
            .put("test.progress", progress).build();
        Iterable<byte[]> body = application().call(environ, IGNORED_START);
        try {
            Iterator<byte[]> chunks = body.iterator();
            assertThat(chunks.next()).asString(StandardCharsets.US_ASCII).isEqualTo("chunk 0\n");
            assertThat(progress).containsExactly("yielded 0");
            assertThat(chunks.next()).asString(StandardCharsets.US_ASCII).isEqualTo("chunk 1\n");
            assertThat(progress).containsExactly("yielded 0", "yielded 1");
        }
        finally {
            ((AutoCloseable) body).close();
        }
    }

    @Test
    void callsThePythonCloseOnceAndFreesTheContextWhenTheServerClosesTheBody() throws Exception {
        AtomicInteger closes = new AtomicInteger();
        Map<String, Object> environ = TestEnviron.builder().path("/closing")
            .put("test.on_close", (Runnable) closes::incrementAndGet).build();
        AutoCloseable body = (AutoCloseable) application().call(environ, IGNORED_START);
        assertThat(application().idleContexts()).isEqualTo(1);
        body.close();
        body.close();
        assertThat(closes).hasValue(1);
        assertThat(application().idleContexts()).isEqualTo(2);
    }

    @Test
    void callsThePythonCloseWhenIteratingTheBodyFails() {
        AtomicInteger closes = new AtomicInteger();
        TestResponse response = client().catchingErrors().request("GET", "/closing?fail=yes")
            .environ("test.on_close", (Runnable) closes::incrementAndGet).send();
        assertThat(response.complete()).isFalse();
        assertThat(response.text()).isEqualTo("first\n");
        assertThat(response.error()).isInstanceOf(PythonException.class).hasMessageEndingWith("OSError: failed while iterating");
        assertThat(closes).hasValue(1);
    }

    @Test
    void handsARealFileToTheServersFileWrapperAtPythonsPositionAndClosesThePythonBodyWhenTheRequestEnds()
            throws Exception {
        AtomicReference<InputStream> handed = new AtomicReference<>();
        FileWrapper recording = (file, blockSize) -> {
            handed.set(file);
            assertThat(blockSize).isEqualTo(4096);
            return Streams.fileWrapper().wrap(file, blockSize);
        };
        RequestEnd end = new RequestEnd();
        Map<String, Object> environ = TestEnviron.builder().path("/file").query("offset=102&block=4096")
            .put(Environ.WSGI_FILE_WRAPPER, recording).put(RequestEnd.ENVIRON_KEY, end).build();
        Iterable<byte[]> body = application().call(environ, IGNORED_START);
        assertThat(handed.get()).isInstanceOf(FileInputStream.class);
        try (FileInputStream file = (FileInputStream) handed.get()) {
            assertThat(file.getChannel().position()).isEqualTo(102);
            assertThat(body.iterator().next()).asString(StandardCharsets.US_ASCII).startsWith("line 0002 of a file");
            assertThat(application().idleContexts()).isEqualTo(1);
            end.end();
            assertThat(application().idleContexts()).isEqualTo(2);
        }
    }

    @Test
    void iteratesInPythonAFileWrapperAroundAnObjectThatIsNotARealFile() {
        AtomicReference<InputStream> handed = new AtomicReference<>();
        TestResponse response = client().request("GET", "/file?source=bytesio&offset=51")
            .environ(Environ.WSGI_FILE_WRAPPER, (FileWrapper) (file, blockSize) -> {
                handed.set(file);
                return List.of();
            }).send();
        assertThat(handed.get()).isNull();
        assertThat(response.text()).startsWith("line 0001 of a file").hasSize(51 * 1999);
    }

    @Test
    void raisesAHeaderRefusedByStartResponseAsAValueErrorThePythonCodeCanCatch() {
        assertThat(client().withoutValidation().get("/bad-header").text())
            .startsWith("ValueError: header X-Bad value \"a\\r\\nInjected: yes\" contains CR, LF")
            .contains("(SPEC §5.2)");
    }

    @Test
    void throwsAnUncaughtPythonExceptionAsAPythonExceptionCarryingTheTraceback() {
        assertThatExceptionOfType(PythonException.class).isThrownBy(() -> client().get("/raise?boom"))
            .satisfies(error -> assertThat(error.pythonType()).isEqualTo("ValueError"))
            .withMessageStartingWith("Traceback (most recent call last):")
            .withMessageContaining("wsgi_apps.py\", line ")
            .withMessageContaining(", in raising\n")
            .withMessageEndingWith("ValueError: raised by the application: boom");
    }

    @Test
    void raisesExcInfoAgainWhenTheHeadersWereAlreadySent() {
        TestResponse response = client().catchingErrors().withoutValidation().get("/late-error");
        assertThat(response.complete()).isFalse();
        assertThat(response.text()).isEqualTo("partial body\n");
        assertThat(response.error()).isInstanceOfSatisfying(PythonException.class, error -> {
            assertThat(error.pythonType()).isEqualTo("KeyError");
            assertThat(error).hasMessageContaining("start_response('500 Internal Server Error'")
                .hasMessageEndingWith("KeyError: 'failed after the headers were sent'");
        });
    }

    @Test
    void throwsTheJavaExceptionThatThePythonCodeLetThroughWithThePythonTracebackAttached() {
        TestResponse response = client().catchingErrors().withoutValidation().get("/start-twice");
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.error()).isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("start_response was already called")
            .satisfies(error -> assertThat(error.getSuppressed()).filteredOn(PythonException.class::isInstance)
                .singleElement().satisfies(python -> assertThat(python)
                    .hasMessageContaining(", in start_twice\n")
                    .hasMessageEndingWith("RuntimeError: start_response was already called; a second call must "
                            + "pass excInfo (SPEC §5.4)")));
    }

    @Test
    void loadsAFactoryCalledWithLiteralArguments() {
        try (PythonApplication greeting = PythonApplication.start(runtime,
                config("wsgi_apps:factory('Hi there', punctuation='?')"))) {
            assertThat(TestClient.of(greeting).get("/").text()).isEqualTo("Hi there?");
        }
    }

    @Test
    void replacesAContextThatAnApplicationExitedSoThePoolKeepsServing() {
        PythonApplicationConfig config = new PythonApplicationConfig("exiting", "wsgi_apps:exit_context",
                List.of(Path.of("src/test/python")), 1, Duration.ofSeconds(60));
        try (PythonApplication exiting = PythonApplication.start(runtime, config)) {
            TestClient client = TestClient.of(exiting).catchingErrors().withoutValidation();
            assertThat(client.get("/?exit").status()).isEqualTo(500);
            // The only context died; the next request waits for its replacement instead of failing for good.
            assertThat(client.get("/").text()).isEqualTo("still serving");
        }
    }

    @Test
    void replacesAContextOnceItServedItsMaximumNumberOfRequests() {
        PythonApplicationConfig config = new PythonApplicationConfig("recycled", "wsgi_apps:plain",
                List.of(Path.of("src/test/python")), 1, Duration.ofSeconds(60), Duration.ofSeconds(30), 2, 0);
        try (PythonApplication recycled = PythonApplication.start(runtime, config)) {
            TestClient client = TestClient.of(recycled);
            String first = client.get("/thread").text();
            assertThat(client.get("/thread").text()).isEqualTo(first);
            assertThat(client.get("/thread").text()).isNotEqualTo(first).endsWith(" set at import");
            assertThat(recycled.poolState().replaced()).isOne();
        }
    }

    @Test
    void retriesAContextThatFailsToStartUntilItStartsAgain(@TempDir Path directory) throws IOException {
        Path flag = directory.resolve("failing");
        PythonApplicationConfig config = new PythonApplicationConfig("recovering",
                "wsgi_apps:failing_while('" + flag + "')", List.of(Path.of("src/test/python")), 1,
                Duration.ofSeconds(60));
        try (PythonApplication recovering = PythonApplication.start(runtime, config)) {
            TestClient client = TestClient.of(recovering).catchingErrors().withoutValidation();
            Files.createFile(flag);
            assertThat(client.get("/?exit").status()).isEqualTo(500);
            await().until(() -> recovering.poolState().startFailures() >= 1);
            assertThat(recovering.poolState().working()).isZero();
            // No context can come before the next attempt: the request is answered at once.
            assertThat(client.get("/").status()).isEqualTo(503);
            Files.delete(flag);
            await().until(() -> recovering.poolState().working() == 1);
            assertThat(client.get("/").text()).isEqualTo("still serving");
            assertThat(recovering.poolState()).satisfies(state -> {
                assertThat(state.working()).isOne();
                assertThat(state.replaced()).isOne();
            });
        }
    }

    @Test
    void finalisesIdleContextsAndCancelsOnlyTheOneStillBusyAfterTheGracePeriod(@TempDir Path directory,
            CapturedOutput output) throws Exception {
        Path marker = directory.resolve("finalised");
        PythonApplicationConfig config = new PythonApplicationConfig("closing", "wsgi_apps:finalising('" + marker
                + "')", List.of(Path.of("src/test/python")), 2, Duration.ofSeconds(1));
        PythonApplication closing = PythonApplication.start(runtime, config);
        CompletableFuture<Iterable<byte[]>> looping = CompletableFuture.supplyAsync(() -> {
            try {
                return closing.call(TestEnviron.builder().path("/loop").build(), IGNORED_START);
            }
            catch (Exception ex) {
                throw new CompletionException(ex);
            }
        });
        await().until(() -> closing.poolState().busy() == 1);
        closing.close(Duration.ofMillis(200));
        // The idle context ran its atexit handler; the looping one was cancelled, so it could not, and the server
        // answered its request.
        assertThat(marker).hasContent("atexit ran");
        assertThat(looping.join()).singleElement().extracting(chunk -> new String(chunk, StandardCharsets.US_ASCII))
            .isEqualTo("503 Service Unavailable: the Python application is shutting down\n");
        assertThat(closing.poolState().working()).isZero();
        assertThat(output).doesNotContain("'closing': a new context", "'closing' could not start");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            wsgi_apps:missing            | AttributeError: module 'wsgi_apps' has no attribute 'missing'
            wsgi_apps                    | AttributeError: module 'wsgi_apps' has no attribute 'application'
            wsgi_apps:_FILE_CONTENT      | TypeError: 'wsgi_apps:_FILE_CONTENT' gave 'bytes' object, which is not callable
            wsgi_apps:factory(len)       | ValueError: the arguments of 'factory(len)' must be Python literals
            no_such_module:app           | ModuleNotFoundError: No module named 'no_such_module'
            """)
    void failsToStartWithThePythonTracebackWhenTheSpecGivesNoApplication(String spec, String error) {
        assertThatExceptionOfType(PythonException.class)
            .isThrownBy(() -> PythonApplication.start(runtime, config(spec)))
            .withMessageStartingWith("Cannot load the Python application 'spec' from '" + spec + "'")
            .withMessageContaining("Traceback (most recent call last):")
            .withMessageEndingWith(error);
    }

    private static PythonApplicationConfig config(String spec) {
        return new PythonApplicationConfig("spec", spec, List.of(Path.of("src/test/python")), 1, Duration.ofSeconds(1));
    }

    /** Run the example of docs/PYTHON.md, "Testing a Python application from Java", as it stands there. */
    @Test
    void servesAnApplicationStartedAsTheTestingGuideShows() {
        PythonApplicationConfig config = new PythonApplicationConfig("shop", "wsgi_apps:plain",
                List.of(Path.of("src/test/python")), 1, Duration.ofSeconds(5));
        try (PythonApplication shop = PythonApplication.start(runtime, config)) {
            assertThat(TestClient.of(shop).get("/hello").text()).isEqualTo("Hello, World!\n");
        }
    }

    @Test
    void setsTheContentLengthOfAListOfOneChunkAsForAJavaList() {
        TestResponse response = client().get("/one-chunk");
        assertThat(response.header("Content-Length")).isEqualTo("10");
        assertThat(response.text()).isEqualTo("one chunk\n");
        assertThat(client().head("/one-chunk").header("Content-Length")).isEqualTo("10");
    }
}
