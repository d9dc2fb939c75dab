package org.oversight.command.childcase;

import jakarta.validation.constraints.NotBlank;
import java.util.Locale;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.oversight.command.fields.Code;
import org.oversight.command.fields.FreeText;
import org.oversight.command.fields.Identifier;
import org.oversight.command.fields.ShortText;

/**
 * Record the child's characteristics as the statutory returns ask for them, or correct an earlier record (with the
 * reason). Codes are as {@link org.oversight.events.childcase.ChildCharacteristicsRecorded} describes them.
 */
public record RecordCharacteristics(
        @TargetAggregateIdentifier @NotBlank @Identifier String childId,
        @NotBlank(message = "Select the child's sex") @Code("The sex") String sex,
        @NotBlank(message = "Select the child's ethnicity") @Code("The ethnicity") String ethnicity,
        @Code(value = "The unique pupil number",
                message = "The unique pupil number must be 13 letters and numbers, like A123456789012")
        String uniquePupilNumber,
        @NotBlank(message = "Select whether the child has a disability") @Code("The answer about disability")
        String disability,
        @ShortText("The first language") String firstLanguage,
        @NotBlank(message = "Select whether the child needs an interpreter") @Code("The answer about an interpreter")
        String interpreterNeeded,
        @Code("The answer about being a mother") String mother,
        @FreeText("The reason for the correction") String correctionReason) {

    /** The command as a form or a client sent it, codes in upper case and blank answers absent. */
    public static RecordCharacteristics of(String childId, String sex, String ethnicity, String uniquePupilNumber,
            String disability, String firstLanguage, String interpreterNeeded, String mother,
            String correctionReason) {
        return new RecordCharacteristics(childId, code(sex), code(ethnicity), code(uniquePupilNumber),
                code(disability), text(firstLanguage), code(interpreterNeeded), code(mother), text(correctionReason));
    }

    private static String code(String value) {
        String text = text(value);
        return text == null ? null : text.toUpperCase(Locale.ROOT);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
