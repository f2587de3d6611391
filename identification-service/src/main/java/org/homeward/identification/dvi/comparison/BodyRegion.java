package org.homeward.identification.dvi.comparison;

/** Where on the body a mark is, coarse enough that two examiners name the same region for the same mark. */
public enum BodyRegion {
    HEAD, FACE, NECK, CHEST, ABDOMEN, BACK,
    LEFT_UPPER_ARM, RIGHT_UPPER_ARM, LEFT_FOREARM, RIGHT_FOREARM, LEFT_HAND, RIGHT_HAND,
    LEFT_THIGH, RIGHT_THIGH, LEFT_LOWER_LEG, RIGHT_LOWER_LEG, LEFT_FOOT, RIGHT_FOOT,
    OTHER
}
