/**
 * The people who work in the service: an administrator adds a person, sets their roles, the local authorities
 * they work for and their teams there, and disables or enables them; each person is one stream
 * ({@code person-<username>}), each authority's teams another ({@code teams-<code>}). The deployment keeps the
 * accounts tables that signing in and the access rules read up to date from these events, in the same
 * transaction. People whose accounts were set up before (a deployment's existing accounts, the demo's) join
 * the record, as they stood, the first time an administrator changes them.
 */
package org.oversight.command.people;
