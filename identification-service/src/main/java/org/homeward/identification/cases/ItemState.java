package org.homeward.identification.cases;

/** What transfer-service's latest record says about an item: it arrived, or its arrival was withdrawn. */
public enum ItemState {
    ARRIVED,
    WITHDRAWN
}
