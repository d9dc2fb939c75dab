package org.oversight.deploy.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.NestedExceptionUtils;

/** How the provider's claims are read, and which identity settings are refused. */
class ProviderClaimsTest {

    @Test
    void aClaimIsAListOrACommaSeparatedString() {
        assertThat(ProviderPeople.values(List.of("CHAIR", " IRO ", ""))).containsExactly("CHAIR", "IRO");
        assertThat(ProviderPeople.values("CHAIR, QA_LEAD,,")).containsExactly("CHAIR", "QA_LEAD");
        assertThat(ProviderPeople.values(null)).isEmpty();
        assertThat(ProviderPeople.values(42)).isEmpty();
    }

    @Test
    void onlyRolesOversightKnowsAreKeptWhateverTheirCase() {
        List<String> claimed = Arrays.asList("chair", "Iro", "SUPERUSER", "qa_lead", "CHAIR");

        assertThat(Roles.known(claimed, Roles.ROLES)).isEqualTo("CHAIR,QA_LEAD");
        assertThat(Roles.known(claimed, Roles.CHAIRING_ROLES)).isEqualTo("IRO");
    }

    @Test
    void anAccountHasARoleOnlyIfOversightKnowsOneOfItsRoles() {
        assertThat(new Accounts.Account("someone", "CHAIR", true).hasRole()).isTrue();
        assertThat(new Accounts.Account("someone", "RETIRED_ROLE, QA_LEAD", true).hasRole()).isTrue();
        assertThat(new Accounts.Account("someone", "RETIRED_ROLE", true).hasRole()).isFalse();
        assertThat(new Accounts.Account("someone", "chair", true).hasRole()).as("roles are kept in capitals").isFalse();
        assertThat(new Accounts.Account("someone", "", true).hasRole()).isFalse();
        assertThat(new Accounts.Account("someone", null, true).hasRole()).isFalse();
    }

    @Test
    void managedModeIsTheDefaultAndTheUsernameIsThePreferredUsername() {
        IdentityProperties identity = bind("oversight.identity.provider.issuer-uri", "https://login.example/tenant");

        assertThat(identity.providerConfigured()).isTrue();
        assertThat(identity.localAccounts()).isTrue();
        assertThat(identity.provider().mode()).isEqualTo(IdentityProperties.Mode.MANAGED);
        assertThat(identity.provider().claims().username()).isEqualTo("preferred_username");
        assertThat(identity.lockout().failures()).isEqualTo(10);
    }

    @Test
    void localAccountsCannotBeSwitchedOffWithoutAProviderToTakeTheirPlace() {
        assertThatThrownBy(() -> bind("oversight.identity.local-accounts", "false"))
                .satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
                        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody could sign in"));
        assertThat(bind("oversight.identity.local-accounts", "false", "oversight.identity.provider.issuer-uri",
                "https://login.example/tenant").localAccounts()).isFalse();
    }

    private static IdentityProperties bind(String... keysAndValues) {
        Map<String, String> properties = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("oversight.identity", Bindable.of(IdentityProperties.class));
    }
}
