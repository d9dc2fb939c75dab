package org.oversight.command.web;

import org.oversight.command.rules.Rule;

/**
 * What a command is about, so that "no such record" and "already recorded" are told in that subject's words.
 */
public record Subject(Rule mustExist, String notFoundMessage, Rule createdOnce, String duplicateMessage) {
}
