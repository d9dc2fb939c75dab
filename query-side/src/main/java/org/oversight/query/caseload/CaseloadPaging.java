package org.oversight.query.caseload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The GOV.UK pagination of a caseload page and the addresses of its other orders, each address carrying the
 * filters and the order so that moving between pages keeps them. The name searched for is never in an address:
 * while a name search is on, the page leads on by buttons that post the search again ({@link #byPost}).
 *
 * @param previous {@code null} on the first page
 * @param next     {@code null} on the last page
 * @param byPost   whether a name search is on, so the items are buttons of a posted form, not links
 */
public record CaseloadPaging(List<Item> items, Item previous, Item next, int first, int last, int total,
        boolean byPost) {

    /** A page number, or the ellipsis between far-apart numbers ({@code number} 0). */
    public record Item(int number, String href, boolean current) {

        public boolean ellipsis() {
            return number == 0;
        }

        /** The item's classes (put together here: a template reads two underscores as preprocessing). */
        public String itemClass() {
            return ellipsis() ? "govuk-pagination__item govuk-pagination__item--ellipses"
                    : current ? "govuk-pagination__item govuk-pagination__item--current" : "govuk-pagination__item";
        }
    }

    /**
     * @param path  the page's own path
     * @param fixed what the address must always carry (whose caseload, which team), in order
     */
    public static CaseloadPaging of(String path, Map<String, String> fixed, CaseloadSelection selection,
            CaseloadQueries.Slice slice) {
        int pages = slice.pages();
        int current = Math.min(slice.page(), pages);
        List<Item> items = new ArrayList<>();
        int shown = 0;
        for (int n = 1; n <= pages; n++) {
            // the first, the last and those next to the current page; one ellipsis for each gap
            if (n == 1 || n == pages || Math.abs(n - current) <= 1) {
                items.add(new Item(n, href(path, fixed, selection, n), n == slice.page()));
                shown = n;
            } else if (shown == n - 1) {
                items.add(new Item(0, null, false));
            }
        }
        // past the last page, "previous" leads back to the last one
        int back = Math.min(slice.page() - 1, pages);
        Item previous = slice.page() > 1 ? new Item(back, href(path, fixed, selection, back), false) : null;
        Item next = slice.page() < pages ? new Item(slice.page() + 1, href(path, fixed, selection, slice.page() + 1),
                false) : null;
        int first = slice.entries().isEmpty() ? 0 : (slice.page() - 1) * slice.size() + 1;
        return new CaseloadPaging(items, previous, next, first, first == 0 ? 0 : first + slice.entries().size() - 1,
                slice.total(), selection.name() != null);
    }

    static String href(String path, Map<String, String> fixed, CaseloadSelection selection, int page) {
        UriComponentsBuilder address = UriComponentsBuilder.fromPath(path);
        fixed.forEach((key, value) -> {
            if (value != null) {
                address.queryParam(key, value);
            }
        });
        selection.address().forEach(address::queryParam);
        if (page > 1) {
            address.queryParam("page", page);
        }
        return address.encode().build().toUriString();
    }
}
