package org.oversight.deploy.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.PathContainer.Element;
import org.springframework.http.server.PathContainer.PathSegment;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Finds a request's handler as Spring MVC does, but passes over at once every mapping whose path cannot be the
 * request's, judged by the plain words of its pattern.
 *
 * <p>For a path with an id in it, Spring MVC has no mapping keyed by the whole path, so it tries every mapping it
 * holds, and for each one checks the method, the content type and the accepted types before the path: about a
 * hundred {@code POST} mappings for each decision, since each decision has a form path and an API path. Here each
 * mapping's patterns are read once for their literal segments and where they stand ({@code
 * /api/children/{id}/chairs} has {@code api}, {@code children}, any one segment, then {@code chairs}, and nothing
 * after), and a mapping none of whose patterns fits the request's path so is not asked at all. The
 * segments compared are the ones a path pattern compares: decoded, and without matrix variables.
 *
 * <p>Only a mapping that could not match is passed over, so the handler found, the ordering among several that
 * match, and the answer when none does (404, 405, 415, which Spring works out from every mapping afresh) are what
 * they were. A mapping whose pattern begins with a wildcard or that names request parameters is always asked, and
 * a path that is not a plain list of segments (two separators together) is looked up among every mapping.
 */
final class LiteralSegmentsFirst extends RequestMappingHandlerMapping {

    /** The segments of the request being looked up on this thread; none outside a lookup. */
    private static final ThreadLocal<List<String>> LOOKED_UP = new ThreadLocal<>();

    /** Characters that make a pattern's segment more than a plain word. */
    private static final String NOT_PLAIN = "{}*?%;\\";

    /** A pattern's segment that is one named capture and nothing else: it matches exactly one segment. */
    private static final Pattern ONE_SEGMENT_CAPTURE = Pattern.compile("\\{[A-Za-z_][A-Za-z0-9_]*}");

    /** The word in the place of such a capture: any one segment. */
    private static final String ANY_SEGMENT = "";

    private final Map<RequestMappingInfo, List<Shape>> shapes = new ConcurrentHashMap<>();

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        List<String> outer = LOOKED_UP.get();
        LOOKED_UP.set(segmentsOf(request));
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
        if (segments != null) {
            List<Shape> known = shapes.get(info);
            if (known == null) {
                known = shapes.computeIfAbsent(info, LiteralSegmentsFirst::shapesOf);
            }
            if (!mayMatch(known, segments)) {
                return null;
            }
        }
        return super.getMatchingMapping(info, request);
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        shapes.remove(mapping);
    }

    /** Whether the mapping's shapes are kept: from its first lookup until it is unregistered. */
    boolean keepsShapesOf(RequestMappingInfo mapping) {
        return shapes.containsKey(mapping);
    }

    /**
     * Whether a path with these segments could match one of the patterns whose shapes are given. No shapes given:
     * any path may match.
     */
    static boolean mayMatch(List<Shape> patterns, List<String> segments) {
        if (patterns.isEmpty()) {
            return true;
        }
        for (Shape pattern : patterns) {
            if (pattern.admits(segments)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The shapes of a mapping's path patterns; none, so that it is asked about any path, when it has no path
     * patterns, when one of them asks nothing of a path's segments (it begins with a wildcard, say), or when it
     * names request parameters: Spring checks those before the path, and reading them may read a form's body.
     */
    static List<Shape> shapesOf(RequestMappingInfo info) {
        PathPatternsRequestCondition condition = info.getPathPatternsCondition();
        if (condition == null || !info.getParamsCondition().isEmpty()) {
            return List.of();
        }
        List<Shape> patterns = new ArrayList<>();
        for (PathPattern pattern : condition.getPatterns()) {
            Shape shape = Shape.of(pattern.getPatternString());
            if (shape.words().isEmpty()) {
                return List.of();
            }
            patterns.add(shape);
        }
        return List.copyOf(patterns);
    }

    /**
     * What a path pattern asks of a path's segments: its plain words in their places, a captured segment's place
     * holding an empty word, which any segment fills; and, when the pattern is nothing but words and captures of
     * one segment each, that the path has no more segments than it.
     *
     * @param words the words, up to the pattern's first segment that is neither a plain word nor a capture of
     *     exactly one segment; captures after the last word are left out unless the pattern is whole
     * @param whole whether the words are the whole pattern, one to a segment
     */
    record Shape(List<String> words, boolean whole) {

        static Shape of(String pattern) {
            List<String> words = new ArrayList<>();
            if (!pattern.startsWith("/")) {
                return new Shape(List.of(), false);
            }
            boolean whole = true;
            for (String segment : pattern.substring(1).split("/", -1)) {
                if (ONE_SEGMENT_CAPTURE.matcher(segment).matches()) {
                    words.add(ANY_SEGMENT);
                } else if (segment.isEmpty() || segment.chars().anyMatch(c -> NOT_PLAIN.indexOf(c) >= 0)) {
                    whole = false;
                    break;
                } else {
                    words.add(segment);
                }
            }
            while (!whole && !words.isEmpty() && words.get(words.size() - 1).equals(ANY_SEGMENT)) {
                words.remove(words.size() - 1);
            }
            return new Shape(List.copyOf(words), whole);
        }

        /**
         * Whether a path with these segments may match. Words are compared without regard to case, which passes
         * over fewer mappings than it could when patterns are compared with regard to it (Spring's default), but
         * never one that a pattern parser ignoring case would match.
         */
        boolean admits(List<String> segments) {
            if (words.size() > segments.size() || whole && words.size() != segments.size()) {
                return false;
            }
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (!word.equals(ANY_SEGMENT) && !word.equalsIgnoreCase(segments.get(i))) {
                    return false;
                }
            }
            return true;
        }
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
