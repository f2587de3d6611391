package org.homeward.notification.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** With an empty allow-list, internal targets are refused however they are written. */
class SsrfGuardTest {

    /** No outside DNS here: names resolve from this table, as a hostile DNS server would answer. */
    private static final Map<String, String> DNS = Map.of(
            "localhost", "127.0.0.1",
            "internal.example", "10.20.30.40",
            "rebinding.example", "169.254.169.254",
            "partner.example", "93.184.216.34");

    private final SsrfGuard guard = new SsrfGuard(host -> {
        String address = DNS.get(host);
        return List.of(InetAddress.getByName(address == null ? host : address));
    }, List.of());

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1/hook", "http://localhost:8080/hook", "http://127.1.2.3/", "http://10.0.0.1/",
            "http://172.16.5.4/", "http://172.31.255.255/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
            "http://100.64.0.1/", "http://100.127.255.254/", "http://0.0.0.0/", "http://[::1]/", "http://[fc00::1]/",
            "http://[fd12:3456::1]/", "http://[fe80::1]/", "http://[::ffff:127.0.0.1]/", "http://[::ffff:10.0.0.1]/",
            "http://[::ffff:169.254.169.254]/", "http://[64:ff9b::a00:1]/", "http://[2002:a00:1::]/", "http://[::]/",
            "http://224.0.0.1/", "http://255.255.255.255/", "http://internal.example/hook", "http://rebinding.example/",
            "http://2130706433/", "http://0177.0.0.1/", "http://0x7f000001/", "http://0x7f.0.0.1/", "http://127.1/",
            "http://017700000001/",
            // NAT64 (well-known and local-use, at any RFC 6052 length), 6to4 and Teredo carrying internal IPv4
            "http://[64:ff9b::7f00:1]/", "http://[64:ff9b:1::a00:1]/", "http://[64:ff9b:1:a00:0:100:5db8:d822]/",
            "http://[2002:7f00:1::]/", "http://[2002:a9fe:a9fe::1]/", "http://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/",
            "http://[2001:0:a00:1:8000:63bf:a247:27dd]/"})
    void refuses(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(TargetRefused.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[2002:5db8:d822::]/", "http://[64:ff9b::5db8:d822]/",
            "http://[2001:0:4136:e378:8000:63bf:a247:27dd]/"})
    void judgesAnIpv6AddressThatCarriesAPublicIpv4AddressByThatAddress(String url) throws Exception {
        assertThat(guard.check(url).address()).isNotNull();
        guard.checkAtSubscription(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1/", "http://169.254.169.254/", "http://[fd00::1]/", "http://0.0.0.0/",
            "http://224.0.0.1/", "http://[::ffff:7f00:1]/", "http://[64:ff9b:1::a00:1]/", "http://[2002:a00:1::]/"})
    void refusesAnInternalAddressWrittenAsALiteralAlreadyAtSubscription(String url) {
        assertThatThrownBy(() -> guard.checkAtSubscription(url)).isInstanceOf(TargetRefused.class)
                .hasMessage(SsrfGuard.INTERNAL_LITERAL);
    }

    @Test
    void leavesHostNamesToTheCheckAtConnectTime() throws Exception {
        guard.checkAtSubscription("http://internal.example/hook");
        assertThatThrownBy(() -> guard.check("http://internal.example/hook")).isInstanceOf(TargetRefused.class)
                .hasMessage(SsrfGuard.INTERNAL_RESOLVED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://partner.example:8080/", "https://partner.example:25/", "http://93.184.216.34:6379/"})
    void refusesPortsOtherThan80And443(String url) {
        assertThatThrownBy(() -> guard.checkAtSubscription(url)).isInstanceOf(TargetRefused.class)
                .hasMessage(SsrfGuard.PORT_NOT_ALLOWED);
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(TargetRefused.class)
                .hasMessage(SsrfGuard.PORT_NOT_ALLOWED);
    }

    @Test
    void anOperatorMayAllowMorePorts() throws Exception {
        SsrfGuard withPorts = new SsrfGuard(host -> List.of(InetAddress.getByName(DNS.getOrDefault(host, host))),
                List.of(), List.of("8443", "9000-9099"));
        assertThat(withPorts.check("https://partner.example:8443/").port()).isEqualTo(8443);
        assertThat(withPorts.check("http://partner.example:9050/").port()).isEqualTo(9050);
        withPorts.checkAtSubscription("http://partner.example:9099/");
        assertThatThrownBy(() -> withPorts.checkAtSubscription("http://partner.example:9100/"))
                .hasMessage(SsrfGuard.PORT_NOT_ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://partner.example/", "file:///etc/passwd", "http://user:pw@partner.example/",
            "gopher://partner.example/", "http:///nohost"})
    void refusesOtherSchemesAndForms(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(TargetRefused.class);
    }

    @Test
    void acceptsAPublicAddressAndConnectsToExactlyTheCheckedOne() throws Exception {
        SsrfGuard.Target target = guard.check("https://partner.example/homeward/hooks?x=1");
        assertThat(target.address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(target.host()).isEqualTo("partner.example");
        assertThat(target.port()).isEqualTo(443);
        assertThat(target.pathAndQuery()).isEqualTo("/homeward/hooks?x=1");
    }

    @Test
    void anOperatorMayAllowExactlyOneInternalAddressOnAnyPort() throws Exception {
        SsrfGuard local = new SsrfGuard(host -> List.of(InetAddress.getByName(DNS.getOrDefault(host, host))),
                List.of("127.0.0.1/32"));
        assertThat(local.check("http://127.0.0.1:9000/").address().getHostAddress()).isEqualTo("127.0.0.1");
        local.checkAtSubscription("http://127.0.0.1:9000/");
        local.checkAtSubscription("http://127.0.0.1/");
        assertThatThrownBy(() -> local.check("http://127.0.0.2:9000/")).isInstanceOf(TargetRefused.class);
        assertThatThrownBy(() -> local.checkAtSubscription("http://127.0.0.2/")).isInstanceOf(TargetRefused.class);
        assertThatThrownBy(() -> local.check("http://10.0.0.1/")).isInstanceOf(TargetRefused.class);
        // A name gets no such latitude on ports: what it resolves to may change after the check.
        assertThatThrownBy(() -> local.checkAtSubscription("http://localhost:9000/")).hasMessage(SsrfGuard.PORT_NOT_ALLOWED);
    }
}
