package dev.gatewayinterface.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.util.Arrays;
import org.testcontainers.DockerClientFactory;

/**
 * Reach the Docker daemon the deployment tests need, failing with a message that says so when there is none:
 * these tests never pass, nor skip, without Docker.
 */
final class Docker {

    private Docker() {
    }

    /** Return the client of a running daemon. */
    static DockerClient client() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("gateway-it needs a Docker daemon, and none answers (DOCKER_HOST, or "
                    + "/var/run/docker.sock). Start one (.ci/run installs docker.io and starts dockerd on CI), or leave "
                    + "this module out with -pl '!gateway-it' (docs/DEPLOYMENT.md, \"The deployment tests\").");
        }
        return DockerClientFactory.instance().client();
    }

    /**
     * Publish a container's ports on 127.0.0.1 only, at ports Docker picks, rather than on every address of the
     * machine as Testcontainers would.
     * @param create the command creating the container
     * @param ports the container's ports
     */
    static void publishOnLoopback(CreateContainerCmd create, int... ports) {
        create.getHostConfig().withPortBindings(Arrays.stream(ports)
            .mapToObj(port -> new PortBinding(Ports.Binding.bindIp("127.0.0.1"), ExposedPort.tcp(port)))
            .toList());
    }
}
