/**
 * The papers of a child protection conference: the outcome letter to the parents, the decisions to the agencies
 * and the minutes (full, and abridged for the parents), their sending and their local timescales, and the
 * documents made from the recorded facts and the chair's narrative.
 */
package org.oversight.query.conferencepapers;
