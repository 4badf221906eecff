package dev.gatewayinterface.autoconfigure.webmvc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatewayinterface.engine.Gateway;
import dev.gatewayinterface.engine.GatewayOptions;
import dev.gatewayinterface.mount.Mount;
import dev.gatewayinterface.mount.Mounts;
import dev.gatewayinterface.servlet.ServletGatewayAdapter;
import dev.gatewayinterface.testsupport.PathsApplication;
import jakarta.servlet.http.MappingMatch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletMapping;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Check that {@link GatewayHandlerMapping} routes a request to its mount and hands the application the raw
 * split of the path below the context path and the servlet's path prefix.
 */
class GatewayHandlerMappingTests {

    private final GatewayHandlerMapping mapping = new GatewayHandlerMapping(
            new Mounts(List.of(mount("api", "/api"), mount("shop", "/café"))),
            mount -> new ServletGatewayAdapter(mount.gateway()));

    @Test
    void routesARequestToItsMountWithTheContextPathInTheScriptName() throws Exception {
        MockHttpServletRequest request = request("/ctx", "/ctx/api/v1/items");
        HandlerExecutionChain chain = mapping.getHandler(request);
        assertThat(chain).isNotNull();
        assertThat(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)).isEqualTo("/api/**");
        assertThat(request.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE)).isEqualTo("/v1/items");
        assertThat(serve(chain, request)).isEqualTo("api: SCRIPT_NAME=/ctx/api PATH_INFO=/v1/items QUERY_STRING=");
    }

    @Test
    void matchesMountsBelowTheServletPathPrefix() throws Exception {
        MockHttpServletRequest request = request("", "/gw/api/v1");
        request.setServletPath("/gw");
        request.setHttpServletMapping(new MockHttpServletMapping("api/v1", "/gw/*", "dispatcherServlet",
                MappingMatch.PATH));
        assertThat(mapping.getHandler(request)).isNotNull();
        assertThat(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)).isEqualTo("/api/**");
        assertThat(request.getAttribute(HandlerMapping.PATH_WITHIN_HANDLER_MAPPING_ATTRIBUTE)).isEqualTo("/v1");
        assertThat(request.getAttribute(MountHandler.SPLIT_ATTRIBUTE)).isEqualTo(new MountHandler.Split("/gw/api", "/v1"));
    }

    @Test
    void keepsTheRawMountPathOfAnEncodedRequestForTheEngineToDecode() throws Exception {
        MockHttpServletRequest request = request("", "/caf%C3%A9/menu%20du%20jour");
        HandlerExecutionChain chain = mapping.getHandler(request);
        assertThat(request.getAttribute(MountHandler.SPLIT_ATTRIBUTE))
                .isEqualTo(new MountHandler.Split("/caf%C3%A9", "/menu%20du%20jour"));
        String latin1Cafe = new String("/café".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(serve(chain, request))
                .isEqualTo("shop: SCRIPT_NAME=" + latin1Cafe + " PATH_INFO=/menu du jour QUERY_STRING=");
    }

    @Test
    void findsNoHandlerOutsideEveryMount() throws Exception {
        MockHttpServletRequest request = request("/ctx", "/ctx/apix");
        assertThat(mapping.getHandler(request)).isNull();
        assertThat(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)).isNull();
    }

    @Test
    void matchesMountsBelowTheContextPathOnly() throws Exception {
        assertThat(mapping.getHandler(request("/api", "/api/v1"))).isNull();
    }

    private static MockHttpServletRequest request(String contextPath, String requestUri) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", requestUri);
        request.setContextPath(contextPath);
        return request;
    }

    private static String serve(HandlerExecutionChain chain, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ((HttpRequestHandler) chain.getHandler()).handleRequest(request, response);
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.ISO_8859_1);
    }

    private static Mount mount(String name, String path) {
        return new Mount(name, path, new Gateway(PathsApplication.named(name), GatewayOptions.defaults(name)));
    }
}
