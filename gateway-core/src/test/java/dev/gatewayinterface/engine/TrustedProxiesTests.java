package dev.gatewayinterface.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Check which peers a list of addresses and CIDR blocks trusts, and which entries it refuses.
 */
class TrustedProxiesTests {

    @ParameterizedTest(name = "{0} trusts {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            10.0.0.0/8          | 10.1.2.3                  | true
            10.0.0.0/8          | 11.0.0.1                  | false
            192.0.2.7           | 192.0.2.7                 | true
            192.0.2.7           | 192.0.2.8                 | false
            192.0.2.7/32        | 192.0.2.7                 | true
            172.16.0.0/12       | 172.31.255.255            | true
            172.16.0.0/12       | 172.32.0.0                | false
            10.1.2.3/8          | 10.200.0.1                | true
            0.0.0.0/0           | 203.0.113.9               | true
            0.0.0.0/0           | ::1                       | false
            fd00::/8            | fd12:3456::1              | true
            fd00::/8            | fe80::1                   | false
            ::1                 | 0:0:0:0:0:0:0:1           | true
            ::1                 | [::1]                     | true
            fe80::/10           | fe80::1%eth0              | true
            10.0.0.0/8          | ::ffff:10.0.0.1           | true
            10.0.0.0/8          | localhost                 | false
            10.0.0.0/8          | unknown                   | false
            10.0.0.0/8          | 010.0.0.1                 | false
            """)
    void trustsAnAddressOnlyInsideOneOfItsBlocks(String entry, String address, boolean trusted) {
        assertThat(TrustedProxies.of(List.of(entry)).trusts(address)).isEqualTo(trusted);
    }

    @Test
    void trustsNobodyByDefault() {
        assertThat(TrustedProxies.NONE.trusts("127.0.0.1")).isFalse();
        assertThat(TrustedProxies.NONE.isEmpty()).isTrue();
        assertThat(TrustedProxies.of(List.of())).isSameAs(TrustedProxies.NONE);
        assertThat(TrustedProxies.NONE.trusts(null)).isFalse();
    }

    @Test
    void tellsWhenABlockCoversEveryAddress() {
        assertThat(TrustedProxies.of(List.of("10.0.0.0/8", "::/0")).trustsEveryAddress()).isTrue();
        assertThat(TrustedProxies.of(List.of("10.0.0.0/8", "fd00::/8")).trustsEveryAddress()).isFalse();
    }

    @ParameterizedTest(name = "refuses ''{0}''")
    @ValueSource(strings = { "proxy.internal", "10.0.0.0/33", "::/129", "10.0.0/8", "10.0.0.0/", "10.0.0.0/x",
            "256.0.0.1", "[::1]", "", "10.0.0.0/8/8", "1.2.3.4:80" })
    void refusesAnEntryThatIsNeitherAnAddressNorABlock(String entry) {
        assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.of(List.of("10.0.0.1", entry)))
            .withMessage("'" + entry + "' is neither an IP address nor a CIDR block (such as 10.0.0.0/8, 192.0.2.7 "
                    + "or fd00::/8)");
    }

    @Test
    void showsItsEntriesAsGiven() {
        assertThat(TrustedProxies.of(List.of("10.0.0.0/8", "fd00::/8"))).hasToString("10.0.0.0/8, fd00::/8");
        assertThat(TrustedProxies.NONE).hasToString("nobody");
    }
}
