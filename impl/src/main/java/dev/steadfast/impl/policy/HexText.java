package dev.steadfast.impl.policy;

/** Recognises hex text of either case; a scan, since it runs on every value. */
final class HexText {

    private HexText() {
    }

    /**
     * @param value any text
     * @return whether it is non-empty and consists of hex digits only, upper, lower or mixed case
     */
    static boolean isHex(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }
}
