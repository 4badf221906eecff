package dev.gatewayinterface.it;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network.Ipam.Config;
import java.util.UUID;
import org.testcontainers.containers.Network;

/**
 * Lay out two Docker networks the way a deployment does: clients reach nginx on the front one, nginx reaches the
 * gateway on the back one, and {@code gateway.proxy.trusted} names the back one only. A client's address (the front
 * network's gateway, through Docker's port publishing) is then never a trusted one.
 *
 * <p>Docker publishes a container's ports on the network whose name sorts first, so the names put front first.
 */
final class ProxyNetworks implements AutoCloseable {

    private final Side front;

    private final Side back;

    private ProxyNetworks(Side front, Side back) {
        this.front = front;
        this.back = back;
    }

    static ProxyNetworks create() {
        String run = "gateway-it-" + UUID.randomUUID().toString().substring(0, 8);
        return new ProxyNetworks(Side.create(run + "-1-front"), Side.create(run + "-2-back"));
    }

    /** Return the network clients reach nginx on. */
    Side front() {
        return front;
    }

    /** Return the network nginx reaches the gateway on. */
    Side back() {
        return back;
    }

    @Override
    public void close() {
        front.close();
        back.close();
    }

    /**
     * One network: its id, its subnet, and its gateway, the host's own address on it.
     * @param id the network's id
     * @param subnet the network's CIDR block
     * @param gateway the host's address on the network
     */
    record Side(String id, String subnet, String gateway) implements Network {

        static Side create(String name) {
            DockerClient docker = Docker.client();
            String id = docker.createNetworkCmd().withName(name).withCheckDuplicate(true).exec().getId();
            Config config = docker.inspectNetworkCmd().withNetworkId(id).exec().getIpam().getConfig().get(0);
            return new Side(id, config.getSubnet(), config.getGateway());
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public void close() {
            Docker.client().removeNetworkCmd(id).exec();
        }
    }
}
