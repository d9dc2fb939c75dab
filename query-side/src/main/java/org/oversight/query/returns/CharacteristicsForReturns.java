package org.oversight.query.returns;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oversight.events.characteristics.UniquePupilNumber;
import org.oversight.query.characteristics.ChildCharacteristics;
import org.springframework.stereotype.Component;

/**
 * The characteristics as the CIN census and the Annex A lists read them: the returns keep none of their own, so
 * this is where they find the sex, ethnicity, pupil number and disability recorded on the child's case. Whatever
 * was not recorded (or no longer reads as a code, a destroyed record) stays unknown and its column empty.
 */
@Component
class CharacteristicsForReturns implements CharacteristicsSource {

    private final ChildCharacteristics characteristics;

    CharacteristicsForReturns(ChildCharacteristics characteristics) {
        this.characteristics = characteristics;
    }

    @Override
    public Map<String, Characteristics> of(Collection<String> childIds) {
        Map<String, Characteristics> answer = new LinkedHashMap<>();
        characteristics.ofChildren(childIds).forEach((childId, recorded) -> answer.put(childId, forReturns(recorded)));
        return answer;
    }

    static Characteristics forReturns(org.oversight.query.characteristics.Characteristics recorded) {
        return new Characteristics(
                recorded.sexAsRecorded().map(sex -> recorded.sex()).orElse(null),
                recorded.ethnicityAsRecorded().map(ethnicity -> recorded.ethnicity()).orElse(null),
                recorded.uniquePupilNumber() != null && UniquePupilNumber.valid(recorded.uniquePupilNumber())
                        ? recorded.uniquePupilNumber() : null,
                recorded.hasDisability().orElse(null), List.of());
    }
}
