package dev.gatewayinterface.benchmarks.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Answer {@code /hello} and {@code /echo} from a plain {@link HttpServlet} on the same Tomcat (profile
 * {@code servlet}): what the container costs without Spring MVC's dispatch.
 */
@Configuration(proxyBeanMethods = false)
@Profile("servlet")
class PlainServlet {

    @Bean
    ServletRegistrationBean<HttpServlet> plainServletRegistration() {
        return new ServletRegistrationBean<>(new Servlet(), "/hello", "/echo");
    }

    private static final class Servlet extends HttpServlet {

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[] body = "/echo".equals(request.getServletPath()) ? Payloads.echo(request.getQueryString())
                    : Payloads.HELLO;
            response.setContentType(Payloads.TEXT_PLAIN);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }
}
