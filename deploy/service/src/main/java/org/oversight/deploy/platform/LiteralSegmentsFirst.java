package org.oversight.deploy.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.PathContainer.Element;
import org.springframework.http.server.PathContainer.PathSegment;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Finds a request's handler as Spring MVC does, but passes over at once every mapping whose path cannot be the
 * request's, judged by the plain words its pattern begins with.
 *
 * <p>For a path with an id in it, Spring MVC has no mapping keyed by the whole path, so it tries every mapping it
 * holds, and for each one checks the method, the content type and the accepted types before the path: about a
 * hundred {@code POST} mappings for each decision, since each decision has a form path and an API path. Here each
 * mapping's patterns are read once for their leading literal segments ({@code /api/children/{id}/chairs} begins
 * with {@code api} and {@code children}), and a mapping none of whose patterns begins with the request's own
 * segments is not asked at all. The segments compared are the ones a path pattern compares: decoded, and without
 * matrix variables.
 *
 * <p>Only a mapping that could not match is passed over, so the handler found, the ordering among several that
 * match, and the answer when none does (404, 405, 415, which Spring works out from every mapping afresh) are what
 * they were. A pattern that begins with anything but a plain word, a path that is not a plain list of segments,
 * or patterns compared without regard to case, turn the narrowing off for that mapping, request or whole lookup.
 */
final class LiteralSegmentsFirst extends RequestMappingHandlerMapping {

    /** The segments of the request being looked up on this thread; none outside a lookup. */
    private static final ThreadLocal<List<String>> LOOKED_UP = new ThreadLocal<>();

    /** Characters that make a pattern's segment more than a plain word. */
    private static final String NOT_PLAIN = "{}*?%;\\";

    private final Map<RequestMappingInfo, List<List<String>>> leadingWords = new ConcurrentHashMap<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        List<String> outer = LOOKED_UP.get();
        LOOKED_UP.set(narrowing() ? segmentsOf(request) : null);
        try {
            return super.lookupHandlerMethod(lookupPath, request);
        } finally {
            if (outer == null) {
                LOOKED_UP.remove();
            } else {
                LOOKED_UP.set(outer);
            }
        }
    }

    @Override
    protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        List<String> segments = LOOKED_UP.get();
        if (segments != null && !mayMatch(leadingWords.computeIfAbsent(info, LiteralSegmentsFirst::leadingWords),
                segments)) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    /** Path patterns compared with regard to case, as Spring MVC's are unless configured otherwise. */
    private boolean narrowing() {
        PathPatternParser parser = getPatternParser();
        return parser != null && parser.isCaseSensitive();
    }

    /**
     * Whether a path with these segments could match one of the patterns whose leading words are given: every word
     * of at least one pattern stands in its place in the path. No patterns' words given: any path may match.
     */
    static boolean mayMatch(List<List<String>> patterns, List<String> segments) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (List<String> words : patterns) {
            if (begins(segments, words)) {
                return true;
            }
        }
        return false;
    }

    private static boolean begins(List<String> segments, List<String> words) {
        if (words.size() > segments.size()) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).equals(segments.get(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The leading plain words of each of a mapping's path patterns; none when it has no path patterns or one of
     * them begins with something else, a capture or a wildcard, say, so that it may match any path.
     */
    static List<List<String>> leadingWords(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null) {
            return List.of();
        }
        List<List<String>> patterns = new ArrayList<>();
        for (PathPattern pattern : condition.getPatterns()) {
            List<String> words = leadingWords(pattern.getPatternString());
            if (words.isEmpty()) {
                return List.of();
            }
            patterns.add(words);
        }
        return List.copyOf(patterns);
    }

    /** The plain words a pattern begins with, up to its first segment that is anything else. */
    static List<String> leadingWords(String pattern) {
        List<String> words = new ArrayList<>();
        if (!pattern.startsWith("/")) {
            return words;
        }
        for (String segment : pattern.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.chars().anyMatch(c -> NOT_PLAIN.indexOf(c) >= 0)) {
                break;
            }
            words.add(segment);
        }
        return List.copyOf(words);
    }

    /**
     * The request's segments as a path pattern compares them, or null when its path is not a separator and a
     * segment in turn from the start (two separators together, say), which then is matched against every mapping.
     */
    static List<String> segmentsOf(HttpServletRequest request) {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
            return null;
        }
        return segmentsOf(ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication());
    }

    static List<String> segmentsOf(PathContainer path) {
        List<Element> elements = path.elements();
        List<String> segments = new ArrayList<>(elements.size() / 2 + 1);
        for (int i = 0; i < elements.size(); i++) {
            Element element = elements.get(i);
            boolean separatorExpected = i % 2 == 0;
            if (separatorExpected == element instanceof PathSegment) {
                return null;
            }
            if (element instanceof PathSegment segment) {
                segments.add(segment.valueToMatch());
            }
        }
        return segments;
    }
}
