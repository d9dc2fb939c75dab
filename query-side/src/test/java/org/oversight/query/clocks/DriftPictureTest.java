package org.oversight.query.clocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.oversight.query.calendar.DueDate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DriftPictureTest {

    private static final LocalDate JAN_1 = LocalDate.of(2026, 1, 1);

    @Test
    void aDayIsAnEqualSliceOfTheWidthFromTheFirstDayToTheDayAfterTheLast() {
        // 1 January to 10 January is ten days over 100 units: each day 10 wide
        DriftPicture.Scale scale = new DriftPicture.Scale(JAN_1, JAN_1.plusDays(9), 0, 100);
        assertThat(scale.x(JAN_1)).isEqualTo(0.0);
        assertThat(scale.x(LocalDate.of(2026, 1, 4))).isEqualTo(30.0);
        assertThat(scale.xAfter(LocalDate.of(2026, 1, 10))).isEqualTo(100.0);
        assertThat(scale.x(LocalDate.of(2025, 12, 1))).as("a day before the drawing is held at its edge").isEqualTo(0.0);
        assertThat(scale.x(LocalDate.of(2026, 3, 1))).as("a day after it likewise").isEqualTo(100.0);
    }

    @Test
    void aScaleAcrossTheEndOfFebruaryInALeapYearCountsTheTwentyNinth() {
        DriftPicture.Scale scale = new DriftPicture.Scale(LocalDate.of(2028, 2, 27), LocalDate.of(2028, 3, 2), 10, 60);
        assertThat(scale.dayWidth()).isEqualTo(10.0);
        assertThat(scale.x(LocalDate.of(2028, 3, 1))).isEqualTo(40.0);
    }

    @Test
    void aScaleEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> new DriftPicture.Scale(JAN_1, JAN_1.minusDays(1), 0, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReviewHeldAfterItsDueDateIsDrawnLateWithAHatchedStretchFromTheDueDateToTheDayItWasHeld() throws Exception {
        StatutoryClock review = clock("lac-review", "First looked-after review", JAN_1, LocalDate.of(2026, 1, 29),
                LocalDate.of(2026, 2, 12));
        DriftPicture picture = DriftPicture.of(
                List.of(new DriftPicture.Bar(review, StatutoryClock.Status.HAPPENED_LATE)), List.of(),
                LocalDate.of(2026, 3, 1));
        Element group = clockGroup(parse(picture.svg()), "lac-review");
        assertThat(group.getAttribute("class")).contains("drift-late");

        DriftPicture.Scale scale = picture.scale();
        Element span = child(group, "rect", "drift-span");
        assertThat(Double.parseDouble(span.getAttribute("x"))).isCloseTo(scale.x(JAN_1), within());
        assertThat(Double.parseDouble(span.getAttribute("x")) + Double.parseDouble(span.getAttribute("width")))
                .isCloseTo(scale.xAfter(LocalDate.of(2026, 1, 29)), within());
        Element late = child(group, "rect", "drift-late-span");
        assertThat(Double.parseDouble(late.getAttribute("x"))).isCloseTo(scale.xAfter(LocalDate.of(2026, 1, 29)),
                within());
        assertThat(Double.parseDouble(late.getAttribute("x")) + Double.parseDouble(late.getAttribute("width")))
                .isCloseTo(scale.xAfter(LocalDate.of(2026, 2, 12)), within());
        assertThat(late.getAttribute("fill")).startsWith("url(#");
        assertThat(child(group, "text", "drift-late-label").getTextContent()).isEqualTo("late");
    }

    @Test
    void aReviewHeldOnItsDueDateIsInTimeAndHasNoLateStretch() throws Exception {
        StatutoryClock review = clock("lac-review", "First looked-after review", JAN_1, LocalDate.of(2026, 1, 29),
                LocalDate.of(2026, 1, 29));
        DriftPicture picture = DriftPicture.of(
                List.of(new DriftPicture.Bar(review, StatutoryClock.Status.HAPPENED_IN_TIME)), List.of(),
                LocalDate.of(2026, 3, 1));
        Element group = clockGroup(parse(picture.svg()), "lac-review");
        assertThat(group.getAttribute("class")).contains("drift-in-time").doesNotContain("drift-late");
        assertThat(group.getElementsByTagName("rect").getLength()).isEqualTo(1);
        assertThat(picture.lateCount()).isZero();
    }

    @Test
    void anOpenClockPastItsDueDateIsOverdueUpToTheAsAtLine() throws Exception {
        LocalDate asAt = LocalDate.of(2026, 2, 20);
        StatutoryClock review = clock("lac-review", "Looked-after review", JAN_1, LocalDate.of(2026, 2, 5), null);
        DriftPicture picture = DriftPicture.of(List.of(new DriftPicture.Bar(review, StatutoryClock.Status.OVERDUE)),
                List.of(), asAt);
        Document svg = parse(picture.svg());
        Element group = clockGroup(svg, "lac-review");
        Element late = child(group, "rect", "drift-late-span");
        assertThat(Double.parseDouble(late.getAttribute("x")) + Double.parseDouble(late.getAttribute("width")))
                .isCloseTo(picture.scale().xAfter(asAt), within());
        assertThat(child(group, "text", "drift-late-label").getTextContent()).isEqualTo("overdue");
        Element line = child(svg.getDocumentElement(), "line", "drift-as-at");
        assertThat(Double.parseDouble(line.getAttribute("x1")))
                .isCloseTo(picture.scale().x(asAt) + picture.scale().dayWidth() / 2, within());
    }

    @Test
    void thePictureIsOneImageWithATitleAndADescriptionNamingWhatIsLate() throws Exception {
        StatutoryClock review = clock("lac-review", "First looked-after review", JAN_1, LocalDate.of(2026, 1, 29),
                LocalDate.of(2026, 2, 12));
        DriftPicture picture = DriftPicture.of(
                List.of(new DriftPicture.Bar(review, StatutoryClock.Status.HAPPENED_LATE)),
                List.of(new DriftPicture.Band("care", "Period of care", JAN_1, null)), LocalDate.of(2026, 3, 1));
        Element root = parse(picture.svg()).getDocumentElement();
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-labelledby")).isEqualTo("drift-title");
        assertThat(root.getAttribute("aria-describedby")).isEqualTo("drift-desc");
        assertThat(root.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Statutory clocks as at 1 Mar 2026");
        assertThat(root.getElementsByTagName("desc").item(0).getTextContent())
                .contains("1 clock, 1 late: First looked-after review (happened late)")
                .contains("Period of care from 1 Jan 2026.");
    }

    @Test
    void textInThePictureIsEscaped() throws Exception {
        StatutoryClock action = clock("care-plan-action", "Care plan action: <b>& \"x\"", JAN_1,
                LocalDate.of(2026, 1, 20), null);
        DriftPicture picture = DriftPicture.of(List.of(new DriftPicture.Bar(action, StatutoryClock.Status.ON_TRACK)),
                List.of(), JAN_1.plusDays(3));
        Element group = clockGroup(parse(picture.svg()), "care-plan-action");
        assertThat(group.getElementsByTagName("text").item(0).getTextContent())
                .isEqualTo("Care plan action: <b>& \"x\"");
        assertThat(group.getAttribute("class")).contains("drift-open");
    }

    @Test
    void anUnendedBandRunsToTheAsAtDay() throws Exception {
        LocalDate asAt = LocalDate.of(2026, 3, 1);
        DriftPicture picture = DriftPicture.of(List.of(),
                List.of(new DriftPicture.Band("plan", "Child protection plan", JAN_1, null)), asAt);
        Element band = child(parse(picture.svg()).getDocumentElement(), "g", "drift-band--plan");
        Element rect = (Element) band.getElementsByTagName("rect").item(0);
        assertThat(Double.parseDouble(rect.getAttribute("x"))).isCloseTo(picture.scale().x(JAN_1), within());
        assertThat(Double.parseDouble(rect.getAttribute("x")) + Double.parseDouble(rect.getAttribute("width")))
                .isCloseTo(picture.scale().xAfter(asAt), within());
    }

    @Test
    void aSmallRowLeavesOutClocksWhollyOutsideTheSharedWindow() throws Exception {
        LocalDate asAt = LocalDate.of(2026, 6, 1);
        StatutoryClock old = clock("lac-review", "Review", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1),
                LocalDate.of(2024, 2, 1));
        StatutoryClock current = clock("care-plan-action", "Care plan action: <b>&", LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 20), null);
        DriftPicture picture = DriftPicture.small(List.of(
                        new DriftPicture.Bar(old, StatutoryClock.Status.HAPPENED_IN_TIME),
                        new DriftPicture.Bar(current, StatutoryClock.Status.OVERDUE)),
                List.of(), asAt, asAt.minusMonths(12), asAt.plusMonths(3), "row-1");
        assertThat(picture.bars()).extracting(b -> b.clock().kind()).containsExactly("care-plan-action");
        Document svg = parse(picture.svg());
        assertThat(clockGroup(svg, "care-plan-action").getAttribute("class")).contains("drift-late");
        assertThat(svg.getDocumentElement().getAttribute("aria-labelledby")).isEqualTo("row-1-title");
        assertThat(svg.getElementsByTagName("desc").item(0).getTextContent())
                .as("a team view's row counts what is late without naming it").isEqualTo("1 clock, 1 late.");
    }

    private static StatutoryClock clock(String kind, String name, LocalDate started, LocalDate due, LocalDate met) {
        return new StatutoryClock(kind, name, "standard", started, new DueDate(due, false), met, false);
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.11);
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element clockGroup(Document svg, String kind) {
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (kind.equals(g.getAttribute("data-kind"))) {
                return g;
            }
        }
        throw new AssertionError("no clock of kind " + kind + " drawn");
    }

    private static Element child(Element parent, String tag, String cssClass) {
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cssClass)) {
                return e;
            }
        }
        throw new AssertionError("no " + tag + " of class " + cssClass);
    }
}
