package org.homeward.notification.delivery;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

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
            "http://017700000001/"})
    void refuses(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(TargetRefused.class);
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
    void anOperatorMayAllowExactlyOneInternalAddress() throws Exception {
        SsrfGuard local = new SsrfGuard(host -> List.of(InetAddress.getByName(host)), List.of("127.0.0.1/32"));
        assertThat(local.check("http://127.0.0.1:9000/").address().getHostAddress()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> local.check("http://127.0.0.2:9000/")).isInstanceOf(TargetRefused.class);
        assertThatThrownBy(() -> local.check("http://10.0.0.1/")).isInstanceOf(TargetRefused.class);
    }
}
