package org.oversight.deploy.platform;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's rule for the characters of a header's name and value, checked character by character rather than
 * with a regular expression: a name may hold any assigned character but a control character; a value may also hold
 * a tab. The rule is Spring Security's own ({@link StrictHttpFirewall#ALLOWED_HEADER_NAMES} and
 * {@link StrictHttpFirewall#ALLOWED_HEADER_VALUES}, tested against these). The firewall checks a header each time
 * it is read, and Spring MVC reads the content type and length again for every request mapping it tries, so the
 * regular expression ran some hundreds of times a request.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    static boolean allowedName(String name) {
        return allowed(name, false);
    }

    static boolean allowedValue(String value) {
        return allowed(value, true);
    }

    /** The firewall with these rules for headers, and Spring Security's own for everything else. */
    static StrictHttpFirewall firewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::allowedName);
        firewall.setAllowedHeaderValues(HeaderCharacters::allowedValue);
        return firewall;
    }

    private static boolean allowed(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
