/**
 * The administrators' pages for people: everyone with their roles, authorities and teams (read from the
 * accounts tables the deployment keeps from the people events), each person's history of changes read from
 * their own stream in the event store (who changed what, when and why), and the forms that post changes to
 * the command side.
 */
package org.oversight.query.people;
