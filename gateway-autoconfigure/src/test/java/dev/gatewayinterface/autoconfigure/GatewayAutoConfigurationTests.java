package dev.gatewayinterface.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gatewayinterface.Application;
import dev.gatewayinterface.middleware.ContractValidator;
import dev.gatewayinterface.engine.GatewayOptions;
import dev.gatewayinterface.engine.RequestLimits;
import dev.gatewayinterface.engine.TrustedProxies;
import dev.gatewayinterface.engine.UnderscoreHeaders;
import dev.gatewayinterface.mount.Mount;
import dev.gatewayinterface.mount.Mounts;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * Check how {@link GatewayAutoConfiguration} mounts {@link Application} beans as {@code gateway.*} says, and
 * that every set of beans and properties it cannot mount stops the application at startup.
 */
class GatewayAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GatewayAutoConfiguration.class));

    @Test
    void mountsASingleApplicationBeanAtTheRoot() {
        Application hello = application();
        runner.withBean("hello", Application.class, () -> hello).run(context -> {
            List<Mount> mounts = context.getBean(Mounts.class).all();
            assertThat(mounts).extracting(Mount::name, Mount::path).containsExactly(tuple("hello", "/"));
            assertThat(mounts.get(0).gateway().application()).isSameAs(hello);
        });
    }

    @Test
    void mountsEachApplicationBeanAtItsConfiguredPathWithoutTheTrailingSlash() {
        runner.withBean("helloApp", Application.class, GatewayAutoConfigurationTests::application)
                .withBean("adminApp", Application.class, GatewayAutoConfigurationTests::application)
                .withPropertyValues("gateway.apps.helloApp.path=/hello/", "gateway.apps.adminApp.path=/admin/tools")
                .run(context -> assertThat(context.getBean(Mounts.class).all()).extracting(Mount::name, Mount::path)
                        .containsExactly(tuple("adminApp", "/admin/tools"), tuple("helloApp", "/hello")));
    }

    @Test
    void mountsTheOneApplicationBeanWithoutAPathAtTheRoot() {
        runner.withBean("site", Application.class, GatewayAutoConfigurationTests::application)
                .withBean("api", Application.class, GatewayAutoConfigurationTests::application)
                .withPropertyValues("gateway.apps.api.path=/api")
                .run(context -> assertThat(context.getBean(Mounts.class).all()).extracting(Mount::name, Mount::path)
                        .containsExactlyInAnyOrder(tuple("site", "/"), tuple("api", "/api")));
    }

    @Test
    void mountsNothingWithoutApplicationBeans() {
        runner.run(context -> assertThat(context.getBean(Mounts.class).all()).isEmpty());
    }

    @Test
    void failsWhenTwoBeansWithoutPathsShareTheRootAndNamesBoth() {
        runner.withBean("first", Application.class, GatewayAutoConfigurationTests::application)
                .withBean("second", Application.class, GatewayAutoConfigurationTests::application)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidMountsException.class)
                            .hasMessage("Several Application beans would be mounted at '/': first, second");
                });
    }

    @Test
    void failsWhenTwoBeansAreConfiguredAtTheSamePathAndNamesBoth() {
        runner.withBean("first", Application.class, GatewayAutoConfigurationTests::application)
                .withBean("second", Application.class, GatewayAutoConfigurationTests::application)
                .withPropertyValues("gateway.apps.first.path=/x", "gateway.apps.second.path=/x/")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(InvalidMountsException.class)
                        .hasMessage("Several Application beans would be mounted at '/x': first, second"));
    }

    @Test
    void leavesOutAnApplicationBeanDisabledByItsProperty() {
        runner.withBean("first", Application.class, GatewayAutoConfigurationTests::application)
                .withBean("second", Application.class, GatewayAutoConfigurationTests::application)
                .withPropertyValues("gateway.apps.second.enabled=false")
                .run(context -> assertThat(context.getBean(Mounts.class).all()).extracting(Mount::name, Mount::path)
                        .containsExactly(tuple("first", "/")));
    }

    @Test
    void failsWhenGatewayAppsNamesNoApplicationBeanAndNamesTheKey() {
        runner.withBean("hello", Application.class, GatewayAutoConfigurationTests::application)
                .withPropertyValues("gateway.apps.helo.path=/hello")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(InvalidMountsException.class)
                        .hasMessage("gateway.apps.helo configures no Application bean; the Application beans are "
                                + "[hello]"));
    }

    @ParameterizedTest(name = "gateway.apps.hello.path={0}")
    @CsvSource(delimiter = '|', textBlock = """
            nope     | must start with '/', not 'nope'
            /a/*     | is literal: '*' is not allowed in '/a/*'
            /a/{id}  | is literal: '{' is not allowed in '/a/{id}'
            /a//b    | must not contain an empty segment: '/a//b'
            /a/../b  | must not contain '.' or '..' segments: '/a/../b'
            /a/./b   | must not contain '.' or '..' segments: '/a/./b'
            """)
    void failsToBindAnInvalidMountPathNamingThePropertyAndTheRule(String path, String rule) {
        runner.withBean("hello", Application.class, GatewayAutoConfigurationTests::application)
                .withPropertyValues("gateway.apps.hello.path=" + path)
                .run(context -> {
                    Throwable failure = context.getStartupFailure();
                    assertThat(causeOfType(failure, BindException.class))
                            .hasMessageContaining("'gateway.apps.hello'");
                    assertThat(failure).rootCause().isInstanceOf(IllegalArgumentException.class)
                            .hasMessage("A mount path " + rule);
                });
    }

    @Test
    void givesEveryMountTheConfiguredEnvironPairsAndUnderscorePolicy() {
        runner.withBean("site", Application.class, GatewayAutoConfigurationTests::application)
                .withBean("api", Application.class, GatewayAutoConfigurationTests::application)
                .withPropertyValues("gateway.apps.api.path=/api", "gateway.environ.deployment=blue",
                        "gateway.environ.myapp.region=café", "gateway.environ[SERVER_SOFTWARE]=gateway/1",
                        "gateway.headers.underscores=keep")
                .run(context -> {
                    List<Mount> mounts = context.getBean(Mounts.class).all();
                    assertThat(mounts).hasSize(2);
                    for (Mount mount : mounts) {
                        GatewayOptions options = mount.gateway().options();
                        assertThat(options.name()).isEqualTo(mount.name());
                        assertThat(options.underscoreHeaders()).isEqualTo(UnderscoreHeaders.KEEP);
                        assertThat(options.environ()).containsExactlyInAnyOrderEntriesOf(Map.of("deployment", "blue",
                                "myapp.region", "café", "SERVER_SOFTWARE", "gateway/1"));
                    }
                });
    }

    @Test
    void dropsUnderscoreHeadersAndAddsNoEnvironPairsByDefault() {
        runner.withBean("hello", Application.class, GatewayAutoConfigurationTests::application).run(context -> {
            GatewayOptions options = context.getBean(Mounts.class).all().get(0).gateway().options();
            assertThat(options.underscoreHeaders()).isEqualTo(UnderscoreHeaders.DROP);
            assertThat(options.environ()).isEmpty();
        });
    }

    @Test
    void givesEveryMountTheTrustedProxiesAndTrustsNobodyByDefault() {
        runner.withBean("hello", Application.class, GatewayAutoConfigurationTests::application).run(context -> {
            assertThat(context.getBean(Mounts.class).all().get(0).gateway().options().trustedProxies().isEmpty())
                .isTrue();
            assertThat(context).hasSingleBean(ProxyTrustCheck.class);
        });
        runner.withBean("hello", Application.class, GatewayAutoConfigurationTests::application)
                .withPropertyValues("gateway.proxy.trusted=10.0.0.0/8, fd00::/8")
                .run(context -> {
                    TrustedProxies trusted = context.getBean(Mounts.class).all().get(0).gateway().options()
                        .trustedProxies();
                    assertThat(trusted.entries()).containsExactly("10.0.0.0/8", "fd00::/8");
                    assertThat(trusted.trusts("10.1.2.3")).isTrue();
                });
    }

    @Test
    void givesEveryMountTheConfiguredLimitsAndOneItsOwnBodyLimit() {
        runner.withBean("site", Application.class, GatewayAutoConfigurationTests::application)
                .withBean("upload", Application.class, GatewayAutoConfigurationTests::application)
                .withPropertyValues("gateway.apps.upload.path=/upload", "gateway.limits.max-request-line=4KB",
                        "gateway.limits.max-header-size=16KB", "gateway.limits.max-header-count=50",
                        "gateway.limits.max-request-body=1MB", "gateway.apps.upload.limits.max-request-body=-1",
                        "gateway.timeouts.request-body=5s", "gateway.timeouts.min-body-rate=1KB")
                .run(context -> {
                    Map<String, RequestLimits> limits = new HashMap<>();
                    context.getBean(Mounts.class).all()
                        .forEach(mount -> limits.put(mount.name(), mount.gateway().options().limits()));
                    assertThat(limits.get("site")).isEqualTo(new RequestLimits(4096, 16384, 50, 1024 * 1024,
                            "gateway.limits.max-request-body", 1024, Duration.ofSeconds(5)));
                    assertThat(limits.get("upload").maxRequestBody()).isEqualTo(-1);
                    assertThat(limits.get("upload").bodySetting())
                        .isEqualTo("gateway.apps.upload.limits.max-request-body");
                });
    }

    @Test
    void failsToBindATrustedProxyThatIsNoAddressNamingTheProperty() {
        runner.withBean("hello", Application.class, GatewayAutoConfigurationTests::application)
                .withPropertyValues("gateway.proxy.trusted=10.0.0.0/8,proxy.internal")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("gateway.proxy.trusted: 'proxy.internal' is neither an IP address nor a CIDR "
                                + "block (such as 10.0.0.0/8, 192.0.2.7 or fd00::/8)"));
    }

    @Test
    void takesTheHeaderLimitFromTheServerWhenTheGatewaySetsNone() {
        runner.withBean("hello", Application.class, GatewayAutoConfigurationTests::application)
                .withPropertyValues("server.max-http-request-header-size=32KB")
                .run(context -> assertThat(context.getBean(Mounts.class).all().get(0).gateway().options().limits()
                    .maxHeaderSize()).isEqualTo(32 * 1024));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            gateway.limits.max-request-line=10B | gateway.limits.max-request-line must be between 256B and 1MB, not 10B
            gateway.limits.max-header-size=2MB | gateway.limits.max-header-size must be between 256B and 1MB, not 2097152B
            gateway.limits.max-header-count=0 | gateway.limits.max-header-count must be between 1 and 10000, not 0
            gateway.limits.max-request-body=-2B | gateway.limits.max-request-body must be a size, or -1 for no limit, not -2B
            gateway.apps.hello.limits.max-request-body=-5B | gateway.apps.<name>.limits.max-request-body must be a size, or -1 for no limit, not -5B
            gateway.timeouts.request-header=0s | gateway.timeouts.request-header must be longer than 0s, not PT0S
            gateway.timeouts.request-body=-1s | gateway.timeouts.request-body must be longer than 0s, not PT-1S
            gateway.timeouts.keep-alive=0s | gateway.timeouts.keep-alive must be longer than 0s, not PT0S
            gateway.timeouts.min-body-rate=-1B | gateway.timeouts.min-body-rate must be 0 or more bytes a second, not -1B
            """)
    void failsToStartOnABadLimitOrTimeoutNamingTheProperty(String property, String message) {
        runner.withBean("hello", Application.class, GatewayAutoConfigurationTests::application)
                .withPropertyValues(property)
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(IllegalArgumentException.class).hasMessage(message));
    }

    @Test
    void failsWhenAnEnvironValueHoldsACharacterAboveLatin1() {
        runner.withBean("hello", Application.class, GatewayAutoConfigurationTests::application)
                .withPropertyValues("gateway.environ.price=10€")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(InvalidMountsException.class)
                        .hasMessage("gateway.environ.price holds a character above U+00FF: '10€'"));
    }

    @Test
    void failsWhenAnEnvironKeyHoldsACharacterAboveLatin1() {
        runner.withBean("hello", Application.class, GatewayAutoConfigurationTests::application)
                .withPropertyValues("gateway.environ[prix€]=10")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .isInstanceOf(InvalidMountsException.class)
                        .hasMessage("The environ key gateway.environ.prix€ holds a character above U+00FF"));
    }

    @Test
    void mountsNothingOutsideAWebApplication() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(GatewayAutoConfiguration.class))
                .withBean("hello", Application.class, GatewayAutoConfigurationTests::application)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(Mounts.class);
                    assertThat(context).doesNotHaveBean(GatewayProperties.class);
                });
    }

    @Test
    void backsOffFromAUserDefinedMountsBean() {
        Mounts own = new Mounts(List.of());
        runner.withBean("hello", Application.class, GatewayAutoConfigurationTests::application)
                .withBean("ownMounts", Mounts.class, () -> own)
                .run(context -> {
                    assertThat(context).hasSingleBean(Mounts.class);
                    assertThat(context.getBean(Mounts.class)).isSameAs(own);
                });
    }

    @Test
    void registersEveryRequestToAMountWhileItRunsForTheShutdown() {
        AtomicReference<GatewayShutdown> shutdown = new AtomicReference<>();
        AtomicInteger inFlight = new AtomicInteger(-1);
        runner.withBean("hello", Application.class, () -> (environ, start) -> {
            inFlight.set(shutdown.get().requests().count());
            start.start("204 No Content", List.of());
            return List.of();
        }).run(context -> {
            shutdown.set(context.getBean(GatewayShutdown.class));
            context.getBean(Mounts.class).all().get(0).gateway().handle(new StubExchange("GET"));
            assertThat(inFlight).hasValue(1);
            assertThat(shutdown.get().requests().count()).isZero();
        });
    }

    @Test
    void givesRequestsAbortedAtShutdownTheShutdownPhaseTimeoutToEnd() {
        runner.run(context -> assertThat(context.getBean(GatewayShutdown.class).timeout()).hasSeconds(30));
        runner.withPropertyValues("spring.lifecycle.timeout-per-shutdown-phase=5s")
            .run(context -> assertThat(context.getBean(GatewayShutdown.class).timeout()).hasSeconds(5));
    }

    private static Application application() {
        return (environ, start) -> List.of();
    }

    private static Throwable causeOfType(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        throw new AssertionError("No " + type.getSimpleName() + " caused " + failure, failure);
    }

    @Test
    void servesApplicationsAsTheyAreByDefault() {
        Application hello = application();
        runner.withBean("hello", Application.class, () -> hello)
            .run(context -> assertThat(context.getBean(Mounts.class).all().get(0).gateway().application()).isSameAs(hello));
    }

    @Test
    void wrapsEveryApplicationInTheContractValidatorWhenValidating() {
        runner.withBean("hello", Application.class, GatewayAutoConfigurationTests::application)
            .withBean("other", Application.class, GatewayAutoConfigurationTests::application)
            .withPropertyValues("gateway.validate=true", "gateway.apps.other.path=/other")
            .run(context -> assertThat(context.getBean(Mounts.class).all())
                .allSatisfy(mount -> assertThat(mount.gateway().application()).isInstanceOf(ContractValidator.class)));
    }

    @Test
    void validatesOneApplicationOrExemptsOneAsItsOwnSettingSays() {
        runner.withBean("hello", Application.class, GatewayAutoConfigurationTests::application)
            .withBean("other", Application.class, GatewayAutoConfigurationTests::application)
            .withPropertyValues("gateway.apps.hello.validate=true", "gateway.apps.other.path=/other")
            .run(context -> assertThat(context.getBean(Mounts.class).all())
                .allSatisfy(mount -> assertThat(mount.gateway().application() instanceof ContractValidator)
                    .as(mount.name()).isEqualTo(mount.name().equals("hello"))));
        runner.withBean("hello", Application.class, GatewayAutoConfigurationTests::application)
            .withPropertyValues("gateway.validate=true", "gateway.apps.hello.validate=false")
            .run(context -> assertThat(context.getBean(Mounts.class).all().get(0).gateway().application())
                .isNotInstanceOf(ContractValidator.class));
    }

    @Test
    void answersFailuresPlainlyUnlessGatewayErrorsOrTheMountsOwnSettingSaysSpring() {
        runner.withBean("hello", Application.class, GatewayAutoConfigurationTests::application)
            .run(context -> assertThat(context.getBean(GatewayProperties.class).errorsOf("hello"))
                .isEqualTo(GatewayProperties.ErrorHandling.PLAIN));
        runner.withBean("hello", Application.class, GatewayAutoConfigurationTests::application)
            .withBean("other", Application.class, GatewayAutoConfigurationTests::application)
            .withPropertyValues("gateway.errors=spring", "gateway.apps.other.path=/other",
                    "gateway.apps.other.errors=plain")
            .run(context -> {
                GatewayProperties properties = context.getBean(GatewayProperties.class);
                assertThat(properties.errorsOf("hello")).isEqualTo(GatewayProperties.ErrorHandling.SPRING);
                assertThat(properties.errorsOf("other")).isEqualTo(GatewayProperties.ErrorHandling.PLAIN);
            });
    }

    @Test
    void failsToBindAnUnknownErrorHandlingNamingTheProperty() {
        runner.withBean("hello", Application.class, GatewayAutoConfigurationTests::application)
            .withPropertyValues("gateway.errors=json")
            .run(context -> assertThat(causeOfType(context.getStartupFailure(), BindException.class))
                .hasMessageContaining("'gateway.errors'"));
    }

    @Test
    void mountsADefinitionAtItsOwnPathBesideTheBeans() {
        runner.withBean("hello", Application.class, GatewayAutoConfigurationTests::application)
            .withBean("legacy", MountDefinition.class,
                    () -> new MountDefinition("python", "/py/", application(), Map.of("APP_ONLY", "yes")))
            .withPropertyValues("gateway.environ.SHARED=all")
            .run(context -> {
                Mount python = context.getBean(Mounts.class).all().stream()
                    .filter(mount -> mount.name().equals("python")).findFirst().orElseThrow();
                assertThat(python.path()).isEqualTo("/py");
                assertThat(python.gateway().options().environ()).containsEntry("APP_ONLY", "yes")
                    .containsEntry("SHARED", "all");
            });
    }

    @Test
    void letsGatewayAppsPropertiesOverrideADefinitionsPath() {
        runner.withBean("legacy", MountDefinition.class, () -> new MountDefinition("python", "/py", application(), Map.of()))
            .withPropertyValues("gateway.apps.python.path=/elsewhere")
            .run(context -> assertThat(context.getBean(Mounts.class).all()).singleElement()
                .satisfies(mount -> assertThat(mount.path()).isEqualTo("/elsewhere")));
    }

    @Test
    void failsWhenADefinitionTakesTheNameOfABean() {
        runner.withBean("hello", Application.class, GatewayAutoConfigurationTests::application)
            .withBean("clash", MountDefinition.class, () -> new MountDefinition("hello", "/x", application(), Map.of()))
            .run(context -> assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(InvalidMountsException.class)
                .hasMessage("Two applications are named 'hello'"));
    }
}
