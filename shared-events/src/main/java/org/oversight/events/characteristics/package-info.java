/**
 * The child's characteristics as the statutory returns ask for them (SSDA903 header, CIN census, Ofsted's Annex A):
 * sex, ethnicity, unique pupil number, disability, first language and whether the child is a mother. The code lists
 * and the check of a unique pupil number live here, so that the command that records them and the exports that
 * read them apply one definition.
 */
package org.oversight.events.characteristics;
