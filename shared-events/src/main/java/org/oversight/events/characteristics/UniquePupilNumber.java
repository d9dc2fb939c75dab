package org.oversight.events.characteristics;

/**
 * A unique pupil number as the DfE issues it: thirteen characters, a check letter followed by the local authority's
 * number (three digits), the school's establishment number (four), the year of issue (two) and a serial number
 * (three); a temporary number ends in a letter in place of the serial's last digit. The letters are those of the
 * alphabet without I, O and S, so that none is read as a digit.
 *
 * <p>The check letter (DfE, "Unique pupil numbers (UPNs): guidance for schools and local authorities", the check
 * letter algorithm; the same rule as SSDA903 validation 168 and CIN census 1510): each of characters 2 to 13 is
 * multiplied by its position (2 to 13), a letter counting as its place in that alphabet from 0; the products are
 * summed, and the remainder of the sum divided by 23 is the place of the check letter in the same alphabet.
 */
public final class UniquePupilNumber {

    /** The DfE's alphabet: A to Z without I, O and S; a letter's place in it is its value. */
    static final String LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

    private UniquePupilNumber() {
    }

    /** Whether {@code upn} has the shape of a unique pupil number and its check letter is right. */
    public static boolean valid(String upn) {
        if (upn == null || upn.length() != 13 || LETTERS.indexOf(upn.charAt(0)) < 0) {
            return false;
        }
        for (int i = 1; i < 12; i++) {
            if (upn.charAt(i) < '0' || upn.charAt(i) > '9') {
                return false;
            }
        }
        char last = upn.charAt(12);
        if (!(last >= '0' && last <= '9') && LETTERS.indexOf(last) < 0) {
            return false;
        }
        return checkLetter(upn.substring(1)) == upn.charAt(0);
    }

    /**
     * The check letter for the twelve characters that follow it.
     *
     * @throws IllegalArgumentException if {@code lastTwelve} is not twelve digits, the last optionally a letter
     */
    public static char checkLetter(String lastTwelve) {
        if (lastTwelve.length() != 12) {
            throw new IllegalArgumentException("A unique pupil number has twelve characters after its check letter");
        }
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            char c = lastTwelve.charAt(i);
            int value;
            if (c >= '0' && c <= '9') {
                value = c - '0';
            } else if (i == 11 && LETTERS.indexOf(c) >= 0) {
                value = LETTERS.indexOf(c);
            } else {
                throw new IllegalArgumentException("Not a character of a unique pupil number at place " + (i + 2));
            }
            sum += value * (i + 2);
        }
        return LETTERS.charAt(sum % 23);
    }
}
