/**
 * A child protection conference's documents: the outcome letter to the parents, the full minutes and the minutes
 * abridged for the parents, made from the recorded facts, the clocks and the chair's narrative (verified against
 * its digest), as tagged PDFs.
 */
package org.oversight.query.conferencerecord;
