package dev.gatewayinterface.python.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gatewayinterface.autoconfigure.GatewayAutoConfiguration;
import dev.gatewayinterface.autoconfigure.MountDefinition;
import dev.gatewayinterface.mount.Mount;
import dev.gatewayinterface.mount.Mounts;
import dev.gatewayinterface.python.PythonApplication;
import dev.gatewayinterface.python.PythonApplicationConfig;
import dev.gatewayinterface.python.PythonException;
import dev.gatewayinterface.python.PythonRuntime;
import dev.gatewayinterface.test.TestClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * Check how {@link GatewayPythonAutoConfiguration} turns {@code gateway.python.apps.*} into mounted applications,
 * and that every setting it cannot serve stops the application at startup, naming the property. The runs that
 * start Python share one runtime, so that GraalPy starts once.
 */
@ExtendWith(SharedPythonRuntime.class)
class GatewayPythonAutoConfigurationTests {

    private static final String APP = "gateway.python.apps.greeting.";

    private final WebApplicationContextRunner withoutRuntime = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(GatewayPythonAutoConfiguration.class, GatewayAutoConfiguration.class));

    // The shared runtime outlives each context: no destroy method, so closing a context leaves it running.
    private final WebApplicationContextRunner runner = withoutRuntime.withBean(PythonRuntime.class, SharedPythonRuntime::get,
            definition -> definition.setDestroyMethodName(""));

    @Test
    void mountsEachPythonApplicationAtItsPathWithItsOwnEnviron() {
        runner.withPropertyValues(APP + "app=wsgi_apps:factory('Hi')", APP + "path=/greet/",
                APP + "python-path=src/test/python", APP + "pool-size=1", APP + "acquire-timeout=250ms",
                APP + "timeout=5s", APP + "environ.GREETING_SOURCE=properties").run(context -> {
                    MountDefinition definition = context.getBean("gatewayPython.greeting", MountDefinition.class);
                    assertThat(definition.name()).isEqualTo("greeting");
                    assertThat(definition.path()).isEqualTo("/greet");
                    assertThat(definition.environ()).isEqualTo(Map.of("GREETING_SOURCE", "properties"));
                    assertThat(definition.application()).isInstanceOfSatisfying(PythonApplication.class,
                            application -> assertThat(application.config()).isEqualTo(new PythonApplicationConfig(
                                    "greeting", "wsgi_apps:factory('Hi')", List.of(Path.of("src/test/python").toAbsolutePath()), 1,
                                    Duration.ofMillis(250), Duration.ofSeconds(5))));
                    assertThat(context.getBean(Mounts.class).all()).extracting(Mount::name, Mount::path)
                        .containsExactly(tuple("greeting", "/greet"));
                });
    }

    @Test
    void startsNoPythonWithoutPythonApplications() {
        withoutRuntime.run(context -> assertThat(context).hasNotFailed()
            .doesNotHaveBean(PythonRuntime.class)
            .doesNotHaveBean(PythonApplications.class));
    }

    @Test
    void leavesAnApplicationThatIsNotMountedUnstarted() {
        runner.withPropertyValues(APP + "app=no_such_module:app", "gateway.apps.greeting.enabled=false")
            .run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBean(MountDefinition.class).application()).isNotInstanceOf(PythonApplication.class);
                assertThat(context.getBean(Mounts.class).all()).isEmpty();
            });
    }

    @Test
    void failsAtStartupWithThePythonTracebackWhenTheApplicationCannotBeImported() {
        runner.withPropertyValues(APP + "app=no_such_module:app", APP + "python-path=src/test/python")
            .run(context -> {
                Throwable failure = context.getStartupFailure();
                assertThat(failure).rootCause().isInstanceOf(PythonException.class)
                    .hasMessageStartingWith("Cannot load the Python application 'greeting' from 'no_such_module:app'")
                    .hasMessageContaining("Traceback (most recent call last):")
                    .hasMessageEndingWith("ModuleNotFoundError: No module named 'no_such_module'");
                FailureAnalysis analysis = new PythonFailureAnalyzer().analyze(failure);
                assertThat(analysis.getDescription()).startsWith("The Python application 'greeting' "
                        + "(gateway.python.apps.greeting.app=no_such_module:app) failed to start")
                    .endsWith("No module named 'no_such_module'");
                assertThat(analysis.getAction()).contains("gateway.python.apps.greeting.python-path")
                    .contains(Path.of("src/test/python").toAbsolutePath().toString());
            });
    }

    @Test
    void failsAtStartupWithAReportWhenAnApplicationIsNotNamed() {
        runner.withPropertyValues(APP + "path=/greet").run(context -> {
            assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(PythonConfigurationException.class)
                .hasMessageStartingWith("gateway.python.apps.greeting.app is not set");
            FailureAnalysis analysis = new PythonConfigurationFailureAnalyzer()
                .analyze(context.getStartupFailure());
            assertThat(analysis.getAction()).startsWith("Set gateway.python.apps.greeting.app to the application");
        });
    }

    @Test
    void failsAtStartupWithAReportWhenAPythonPathDirectoryIsMissing() {
        runner.withPropertyValues(APP + "app=app:app", APP + "python-path=no/such/dir").run(context -> {
            assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(PythonConfigurationException.class)
                .hasMessageContaining("gateway.python.apps.greeting.python-path lists 'no/such/dir'")
                .hasMessageContaining(Path.of("no/such/dir").toAbsolutePath().toString())
                .hasMessageContaining("relative entries resolve against the working directory");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            gateway.python.apps.greeting.pool-size=0         | gateway.python.apps.<name>.pool-size must be at least 1, not 0
            gateway.python.apps.greeting.acquire-timeout=-1s | gateway.python.apps.<name>.acquire-timeout must not be negative, not PT-1S
            gateway.python.apps.greeting.timeout=-1s         | gateway.python.apps.<name>.timeout must not be negative, not PT-1S
            gateway.python.apps.greeting.max-requests=-1     | gateway.python.apps.<name>.max-requests must not be negative, not -1
            gateway.python.apps.greeting.max-requests-jitter=-2 | gateway.python.apps.<name>.max-requests-jitter must not be negative, not -2
            gateway.python.apps.greeting.app=:app            | gateway.python.apps.<name>.app must be 'module:name', such as 'app:app', not ':app'
            gateway.python.apps.greeting.path=greet          | A mount path must start with '/', not 'greet'
            """)
    void refusesABadValueNamingTheProperty(String property, String message) {
        runner.withPropertyValues(APP + "app=wsgi_apps:plain", property).run(context -> {
            Throwable failure = context.getStartupFailure();
            assertThat(causeOfType(failure, BindException.class)).hasMessageContaining("'gateway.python.apps");
            assertThat(failure).rootCause().isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        });
    }

    @Test
    void importsFromAClassPathLocationInPlaceOrExtractedOnceOutOfAJar(@TempDir Path directory) throws IOException {
        URLClassLoader jar = new URLClassLoader(new URL[] { jarWithApp(directory).toUri().toURL() },
                getClass().getClassLoader());
        List<Path> extracted = new ArrayList<>();
        WebApplicationContextRunner jarred = runner.withClassLoader(jar).withPropertyValues(APP + "app=classpath_app",
                APP + "pool-size=1", APP + "python-path=classpath:/python-classpath/",
                "gateway.python.apps.jarred.app=jarred_app", "gateway.python.apps.jarred.path=/jarred",
                "gateway.python.apps.jarred.pool-size=1", "gateway.python.apps.jarred.python-path=classpath:jarred");
        for (int start = 0; start < 2; start++) {
            jarred.run(context -> {
                PythonApplication inPlace = application(context.getBean("gatewayPython.greeting", MountDefinition.class));
                assertThat(inPlace.config().pythonPath()).singleElement()
                    .isEqualTo(Path.of("target/test-classes/python-classpath").toAbsolutePath());
                PythonApplication fromJar = application(context.getBean("gatewayPython.jarred", MountDefinition.class));
                extracted.add(fromJar.config().pythonPath().get(0));
                assertThat(TestClient.of(fromJar).request("GET", "/").environ("DEPLOYED_BY", "tests").send().text())
                    .isEqualTo("served from a jar by tests");
            });
        }
        // Named by its content below the .pyc cache, and kept: the next start imports from the same files.
        assertThat(extracted.get(0)).hasParent(SharedPythonRuntime.get().pycacheDirectory().resolve("classpath"))
            .isEqualTo(extracted.get(1));
        assertThat(extracted.get(0).resolve("jarred_app.py")).exists();
    }

    @Test
    void failsAtStartupNamingThePropertyWhenOthersCanWriteThePycacheDirectory(@TempDir Path directory)
            throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        withoutRuntime.withPropertyValues(APP + "app=wsgi_apps:plain", "gateway.python.pycache-dir=" + directory)
            .run(context -> assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("can be written by others")
                .hasMessageContaining("gateway.python.pycache-dir"));
    }

    private static PythonApplication application(MountDefinition definition) {
        return (PythonApplication) definition.application();
    }

    private static Path jarWithApp(Path directory) throws IOException {
        Path jar = directory.resolve("app.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("jarred/"));
            out.putNextEntry(new JarEntry("jarred/jarred_app.py"));
            out.write("""
                    def application(environ, start_response):
                        start_response('200 OK', [('Content-Type', 'text/plain')])
                        return [b'served from a jar by ' + environ['DEPLOYED_BY'].encode('latin-1')]
                    """.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return jar;
    }

    private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in " + failure);
    }
}
