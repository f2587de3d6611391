package org.homeward.notification;

/** PENDING until a 2xx answer (SUCCEEDED) or until the retry schedule or the endpoint gives up (FAILED). */
public enum DeliveryStatus {
    PENDING,
    SUCCEEDED,
    FAILED
}
