package org.homeward.identification;

/** What transfer-service's latest record says about an item: it arrived, or its arrival was withdrawn. */
public enum ItemState {
    ARRIVED,
    WITHDRAWN
}
