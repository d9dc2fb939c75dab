/**
 * The people who work in the service, as administrators record them: who each person is, the roles they hold,
 * the local authorities they work for and the teams they belong to there. Every change carries the reason the
 * administrator gave; who made it and when travel as metadata, as on every event. No password, nor anything
 * derived from one, is ever part of these events: credentials are not facts to keep for ever.
 */
package org.oversight.events.people;
