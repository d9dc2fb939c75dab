package org.oversight.command.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;
import org.oversight.events.fields.TextNormalisation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the JSON APIs read what clients send: every string in normalisation form C, the one place JSON text is
 * normalised (forms are normalised by {@link SubmittedBinding}); and every date as a {@code yyyy-MM-dd} string and
 * nothing else. A number of days since 1970, a date-time or a year written with a sign and more than four
 * digits is refused as unreadable (400), as Jackson would otherwise accept each of them as some date.
 * This is the application's web mapper only; events are stored and read with a mapper of their own.
 */
@Configuration(proxyBeanMethods = false)
public class CommandJson {

    /** The rule a date that is not written {@code yyyy-MM-dd} breaks. */
    public static final String DATE_FORMAT_RULE = "date-format";

    @Bean
    Module strictDatesAndComposedText() {
        SimpleModule module = new SimpleModule("oversight-request-text-and-dates");
        module.addDeserializer(String.class, new ComposedText());
        module.addDeserializer(LocalDate.class, new CalendarDate());
        return module;
    }

    /** Strings as Jackson reads them, then composed (NFC). */
    static final class ComposedText extends StdScalarDeserializer<String> {

        private static final long serialVersionUID = 1L;

        ComposedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return TextNormalisation.nfc(StringDeserializer.instance.deserialize(parser, context));
        }
    }

    /** A calendar date written exactly {@code yyyy-MM-dd}, as a JSON string. */
    static final class CalendarDate extends StdScalarDeserializer<LocalDate> {

        private static final long serialVersionUID = 1L;
        private static final Pattern SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
        private static final DateTimeFormatter STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
                .withResolverStyle(ResolverStyle.STRICT);

        CalendarDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            if (!SHAPE.matcher(text).matches()) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text,
                        "a date is written yyyy-mm-dd");
            }
            try {
                return LocalDate.parse(text, STRICT);
            } catch (DateTimeParseException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a real date");
            }
        }
    }
}
