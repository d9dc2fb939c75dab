/**
 * The child's characteristics (sex, ethnicity, unique pupil number, disability, first language, whether the child is
 * a mother) as the statutory returns read them, through {@link org.oversight.query.characteristics.ChildCharacteristics},
 * and the page that shows and records them.
 */
package org.oversight.query.characteristics;
