package org.homeward.notification.delivery;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Standard Webhooks v1 signatures, computed by the reference library: {@code v1,<base64 HMAC-SHA256 of
 * "id.timestamp.body">}. During a secret rotation the header carries one signature per valid secret,
 * separated by spaces, so receivers verifying with either secret accept it.
 */
public final class WebhookSigner {

    private WebhookSigner() {
    }

    public static String signatureHeader(List<String> secrets, String webhookId, long timestampSeconds, String body) {
        return secrets.stream().map(secret -> sign(secret, webhookId, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    static String sign(String secret, String webhookId, long timestampSeconds, String body) {
        try {
            return new Webhook(secret).sign(webhookId, timestampSeconds, body);
        } catch (WebhookSigningException e) {
            throw new IllegalStateException("Could not sign a webhook", e);
        }
    }
}
