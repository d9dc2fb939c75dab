/**
 * A local authority's own timescales, where statute leaves the number to local practice: how soon an IRO is
 * allocated, when a pre-birth conference is held, how quickly decisions and records go out, when the midway
 * check falls and how long each escalation level has to answer. Each change is an event, so the platform can
 * always say which setting was in force on a day, who changed it and why; clocks are judged by the setting in
 * force on the day the clock started.
 */
package org.oversight.events.policy;
