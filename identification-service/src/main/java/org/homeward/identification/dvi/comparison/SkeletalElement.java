package org.homeward.identification.dvi.comparison;

/**
 * The skeletal elements an anthropologist inventories to count individuals in commingled remains: each paired
 * element is counted per side, since two left femurs are two persons and a left and a right may be one.
 */
public enum SkeletalElement {
    CRANIUM(false), MANDIBLE(false), HYOID(false), ATLAS(false), AXIS(false), SACRUM(false), STERNUM(false),
    CLAVICLE(true), SCAPULA(true), HUMERUS(true), RADIUS(true), ULNA(true), OS_COXAE(true), FEMUR(true), PATELLA(true),
    TIBIA(true), FIBULA(true), TALUS(true), CALCANEUS(true), FIRST_METATARSAL(true), FIRST_METACARPAL(true);

    private final boolean paired;

    SkeletalElement(boolean paired) {
        this.paired = paired;
    }

    public boolean paired() {
        return paired;
    }
}
