package dev.gatewayinterface.quickstart;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.gatewayinterface.testsupport.WithoutSecurity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Test a mount inside its Spring context through MockMvc, without a server: the example of docs/TESTING.md.
 */
@TestPropertySource(properties = WithoutSecurity.EXCLUDED)
@SpringBootTest(classes = QuickStartApplication.class, properties = "gateway.validate=true")
@AutoConfigureMockMvc
class MockMvcMountTests {

    @Autowired
    MockMvc mvc;

    @Test
    void servesTheMountedApplicationThroughMockMvc() throws Exception {
        mvc.perform(get("/"))
            .andExpect(status().isOk())
            .andExpect(content().string("Hello, World!\n"));
    }
}
