package dev.gatewayinterface.python;

import dev.gatewayinterface.test.TestClient;
import dev.gatewayinterface.test.TestResponse;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measure what docs/PYTHON.md reports for the Flask or Django test application: import time per context, time to
 * the first response, heap per context, and time per request in the steady state, in-process through the
 * gateway's engine. Not a test; docs/PYTHON.md gives the command. Arguments: {@code flask}, {@code django} or
 * {@code wsgi} (the standard-library test application), the number of contexts, the number of requests, and the
 * {@code .pyc} cache directory.
 */
final class PythonBenchmark {

    private static final Logger logger = LoggerFactory.getLogger(PythonBenchmark.class);

    private PythonBenchmark() {
    }

    public static void main(String[] args) {
        String framework = args.length > 0 ? args[0] : "flask";
        int contexts = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Path pycache = Path.of(args.length > 3 ? args[3] : "target/benchmark-pycache");
        String spec = switch (framework) {
            case "flask" -> "flask_app:app";
            case "django" -> "django_site.wsgi:application";
            default -> "wsgi_apps:plain";
        };
        String target = switch (framework) {
            case "flask" -> "/greet?name=Ada";
            case "django" -> "/greet/?name=Ada";
            default -> "/hello";
        };
        List<Path> pythonPath = List.of(Path.of("src/test/python"), Path.of("target/python-packages"));

        long started = System.nanoTime();
        long heap = heapAfterGc();
        try (PythonRuntime runtime = PythonRuntime.start(pycache)) {
            logger.info("{} on {}, JDK {}", spec, runtime.engine(false).getImplementationName(), Runtime.version());
            List<PythonApplication> applications = new ArrayList<>();
            TestClient client = null;
            for (int index = 1; index <= contexts; index++) {
                long start = System.nanoTime();
                // One context each: the second and third are what a pool adds to its first.
                PythonApplication application = PythonApplication.start(runtime,
                        new PythonApplicationConfig("bench", spec, pythonPath, 1, Duration.ofSeconds(10)));
                applications.add(application);
                long imported = System.nanoTime();
                client = TestClient.of(application).withoutValidation();
                check(client.get(target));
                long answered = System.nanoTime();
                long now = heapAfterGc();
                logger.info("context {}: import {} ms, first response {} ms ({} ms after start), heap +{} MB", index,
                        millis(imported - start), millis(answered - imported), millis(answered - started),
                        (now - heap) >> 20);
                heap = now;
            }
            int batch = Math.max(1, requests / 4);
            for (int done = 0; done < requests; done += batch) {
                long start = System.nanoTime();
                for (int request = 0; request < batch; request++) {
                    check(client.get(target));
                }
                logger.info("requests {}-{}: {} ms/request", done + 1, done + batch,
                        String.format("%.3f", (System.nanoTime() - start) / 1e6 / batch));
            }
            applications.forEach(PythonApplication::close);
        }
    }

    private static void check(TestResponse response) {
        if (response.status() != 200) {
            throw new IllegalStateException("unexpected " + response.statusLine() + ": " + response.text());
        }
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
