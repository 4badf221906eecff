package dev.gatewayinterface.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Check over a real server where compiled Python files come from: by default not from the directory every user of
 * the machine shared before, {@code ${java.io.tmpdir}/gateway-python-pycache}, where anyone could plant a
 * {@code .pyc} that runs instead of the source; and never from a directory others may write, which stops the
 * application with Spring Boot's failure report. The cache works alike on every stack: Spring MVC checks it.
 */
@ExtendWith(OutputCaptureExtension.class)
class PythonPycacheTests {

    private static final Path OLD_DEFAULT = Path.of(System.getProperty("java.io.tmpdir"), "gateway-python-pycache");

    /**
     * Write a {@code .pyc} of other code for a source, stamped with the source's size and time as Python's own
     * are, where the context's cache prefix puts it; then import the module, and return its {@code ANSWER}.
     */
    private static final String PLANT = """
            import importlib._bootstrap_external as external, importlib.util, os, sys
            def plant(source, code):
                status = os.stat(source)
                pyc = external._code_to_timestamp_pyc(compile(code, source, 'exec'), status.st_mtime, status.st_size)
                cached = importlib.util.cache_from_source(source)
                os.makedirs(os.path.dirname(cached), exist_ok=True)
                with open(cached, 'wb') as file:
                    file.write(pyc)
                sys.path.insert(0, os.path.dirname(source))
                import cache_probe
                return cache_probe.ANSWER
            plant
            """;

    @Test
    void refusesToStartWithACacheDirectoryOthersCanWriteInAReportNamingTheProperty(@TempDir Path directory,
            CapturedOutput output) throws IOException {
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxr-x"));
        assertThatException().isThrownBy(() -> start("gateway.python.pycache-dir=" + directory,
                "gateway.python.apps.refused.app=wsgi_apps:plain").close());
        assertThat(output).contains("APPLICATION FAILED TO START", "Description:\n\nThe .pyc cache directory "
                + directory + " can be written by others (rwxrwxr-x): their .pyc files could run instead of the "
                + "application's code.", "Action:\n\nSet gateway.python.pycache-dir to a directory only this user can "
                + "write, or chmod go-w it.");
    }

    @Test
    void runsNoPycPlantedInTheOldSharedDefaultDirectory(@TempDir Path code) throws IOException {
        Path source = Files.writeString(code.resolve("cache_probe.py"), "ANSWER = 'source'\n");
        Path mirror = code.getRoot().relativize(code.toAbsolutePath());
        try (ConfigurableApplicationContext context = start("gateway.python.apps.probe.app=wsgi_apps:plain",
                "gateway.python.apps.probe.python-path=src/test/python," + code,
                "gateway.python.apps.probe.pool-size=1")) {
            PythonRuntime runtime = context.getBean(PythonRuntime.class);
            assertThat(runtime.pycacheDirectory()).isEqualTo(PythonRuntime.defaultPycacheDirectory());
            // A context whose cache is the old default runs the planted code: the .pyc is one Python accepts.
            assertThat(plantAndImport(runtime, source)).isEqualTo("planted");
            Http http = new Http(((WebServerApplicationContext) context).getWebServer().getPort());
            assertThat(http.get("/import?name=cache_probe").body()).isEqualTo("source");
        }
        finally {
            delete(OLD_DEFAULT.resolve(mirror));
            delete(PythonRuntime.defaultPycacheDirectory().resolve(mirror));
        }
    }

    /** Start the test application on Spring MVC, on a random port, with the given properties. */
    private static ConfigurableApplicationContext start(String... properties) {
        return new SpringApplicationBuilder(PythonTestApplication.class)
            .properties("spring.main.web-application-type=servlet", "server.port=0",
                    "spring.main.register-shutdown-hook=false")
            .properties(properties)
            .run();
    }

    /** Plant a .pyc answering 'planted' in the old default directory, and import the module in a context using it. */
    private static String plantAndImport(PythonRuntime runtime, Path source) {
        try (Context python = Context.newBuilder("python").engine(runtime.engine(false))
            .allowHostAccess(PythonContext.CONFINED)
            .allowIO(IOAccess.ALL)
            .option("python.PosixModuleBackend", "java")
            .option("python.DontWriteBytecodeFlag", "false")
            .option("python.PyCachePrefix", OLD_DEFAULT.toString())
            .build()) {
            return python.eval(Source.create("python", PLANT))
                .execute(source.toString(), "ANSWER = 'planted'\n")
                .asString();
        }
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
