package org.hotline.cti.switching;

/**
 * Device naming shared by every adapter. An agent's phone is its extension ("1001"); a party
 * outside the PBX is "tel:" followed by its number ("tel:0301234560").
 */
public final class Devices {
    public static final String EXTERNAL_PREFIX = "tel:";

    private Devices() {}

    public static String external(String number) {
        return EXTERNAL_PREFIX + number;
    }

    public static boolean isExternal(String device) {
        return device.startsWith(EXTERNAL_PREFIX);
    }

    /** The number of an outside party, or the extension itself. */
    public static String number(String device) {
        return isExternal(device) ? device.substring(EXTERNAL_PREFIX.length()) : device;
    }
}
