/**
 * The SSDA903 return (the DfE's annual return on looked-after children) as far as Oversight holds its facts: the
 * header, episodes and reviews tables for a collection year and a local authority, in the DfE's CSV layout and its
 * XML form, each checked against the DfE validation rules that concern what Oversight holds before it is offered.
 * See {@code domain.md}, section 5, and {@link org.oversight.query.returns.ssda903.Ssda903Return}.
 */
package org.oversight.query.returns.ssda903;
