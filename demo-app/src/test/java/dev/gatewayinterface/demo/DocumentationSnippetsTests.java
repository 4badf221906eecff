package dev.gatewayinterface.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Check that every Java code block of the README and docs/ stands, line for line, in a source file that the build
 * compiles (and a test runs), so that no example can drift from the code: a block is found when its lines, trimmed
 * and without blank ones, follow one another in some source file of the project.
 */
class DocumentationSnippetsTests {

    /** The project's root, from the module directory Maven runs tests in. */
    private static final Path ROOT = Path.of("..");

    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

    private static final String SOURCES = sources();

    static Stream<Snippet> snippets() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<Snippet> snippets = new ArrayList<>();
        for (Path page : pages) {
            Matcher block = JAVA_BLOCK.matcher(Files.readString(page));
            for (int index = 1; block.find(); index++) {
                snippets.add(new Snippet(ROOT.relativize(page) + " #" + index, block.group(1)));
            }
        }
        return snippets.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snippets")
    void standsInACompiledSourceFile(Snippet snippet) {
        assertThat(SOURCES).as("the lines of %s in a source file under src/", snippet.name())
            .contains(normalize(snippet.code()));
    }

    /** Read every Java source of every module, main and test, normalized and joined. */
    private static String sources() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(file -> file.toString().endsWith(".java") && file.toString().contains("/src/")
                    && !file.toString().contains("/target/"))
                .map(DocumentationSnippetsTests::read)
                .map(DocumentationSnippetsTests::normalize)
                .collect(Collectors.joining("\n\u0000\n"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String normalize(String code) {
        return code.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
    }

    /** One Java block of a page, named by the page and its place there. */
    record Snippet(String name, String code) {

        @Override
        public String toString() {
            return name;
        }
    }
}
