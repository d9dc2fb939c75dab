/**
 * Documents a person takes away: an HTML template rendered to an accessible PDF (tagged for screen readers, in a
 * stated language, with a title and its fonts embedded). Whatever the document is (a copy of a record for a
 * subject access request, a review's record, a child-friendly version), its words come from a Thymeleaf template
 * and this package turns them into the PDF; it knows nothing of what the document says.
 */
package org.oversight.query.documents;
