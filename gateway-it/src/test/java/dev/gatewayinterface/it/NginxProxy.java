package dev.gatewayinterface.it;

import java.nio.file.Path;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * Run nginx with a server configuration of docs/deploy/nginx, unchanged, in place of the image's default server
 * (gateway.conf for proxy_pass, uwsgi.conf for uwsgi_pass), an upstream file naming the gateway, and the TLS files; on
 * the front network for clients, with its ports published on 127.0.0.1 only, and on the back network towards the
 * gateway.
 */
final class NginxProxy extends GenericContainer<NginxProxy> {

    private final ProxyNetworks networks;

    NginxProxy(ProxyNetworks networks, Path upstream, TlsFiles tls) {
        this(networks, "gateway.conf", upstream, tls);
    }

    /**
     * Configure nginx with one of the documented server configurations.
     * @param server the file of docs/deploy/nginx that becomes the default server
     */
    NginxProxy(ProxyNetworks networks, String server, Path upstream, TlsFiles tls) {
        super(DockerImageName.parse(DockerImages.nginx()));
        this.networks = networks;
        withNetwork(networks.front());
        withExposedPorts(80, 443);
        withCopyFileToContainer(MountableFile.forHostPath(ItPaths.deploy("nginx/" + server)),
                "/etc/nginx/conf.d/default.conf");
        withCopyFileToContainer(MountableFile.forHostPath(upstream), "/etc/nginx/conf.d/upstream.conf");
        withCopyFileToContainer(MountableFile.forHostPath(tls.certificate()), "/etc/nginx/tls/tls.crt");
        withCopyFileToContainer(MountableFile.forHostPath(tls.key()), "/etc/nginx/tls/tls.key");
        withCreateContainerCmdModifier(create -> Docker.publishOnLoopback(create, 80, 443));
    }

    @Override
    protected void containerIsCreated(String containerId) {
        // Joined before nginx starts, so that it can resolve and reach the upstream when it reads its configuration.
        Docker.client().connectToNetworkCmd().withContainerId(containerId).withNetworkId(networks.back().id()).exec();
    }

    /** Return the base URL of the plain HTTP listener. */
    String http() {
        return "http://127.0.0.1:" + getMappedPort(80);
    }

    /** Return the base URL of the TLS listener. */
    String https() {
        return "https://127.0.0.1:" + getMappedPort(443);
    }
}
