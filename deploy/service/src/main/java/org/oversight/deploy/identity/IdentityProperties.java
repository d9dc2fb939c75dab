package org.oversight.deploy.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people and API clients prove who they are ({@code oversight.identity.*}; README.md, "Accounts and
 * sign-in"). Local accounts (a password kept in {@code app_user}) are on unless switched off; the council's
 * identity provider is used only when its issuer is set.
 *
 * @param localAccounts whether people may sign in with a password kept by Oversight
 * @param provider the council's OpenID Connect provider, if any
 * @param lockout when repeated failures to sign in with a password lock an account
 * @param demoTokens the tokens the embedded demo issues for its own accounts
 */
@ConfigurationProperties("oversight.identity")
public record IdentityProperties(
        @DefaultValue("true") boolean localAccounts,
        @DefaultValue Provider provider,
        @DefaultValue Lockout lockout,
        @DefaultValue DemoTokens demoTokens) {

    /**
     * Refuses settings that leave nobody a way to sign in: local accounts switched off with no identity provider
     * to take their place.
     */
    public IdentityProperties {
        if (!localAccounts && (provider == null || provider.issuerUri() == null || provider.issuerUri().isBlank())) {
            throw new IllegalArgumentException("oversight.identity.local-accounts is false but no identity provider "
                    + "is configured (oversight.identity.provider.issuer-uri): nobody could sign in");
        }
    }

    /** Whether sign-in through the council's identity provider is configured. */
    public boolean providerConfigured() {
        return provider.issuerUri() != null && !provider.issuerUri().isBlank();
    }

    /**
     * The council's OpenID Connect provider (Microsoft Entra ID and others).
     *
     * @param issuerUri the issuer, as its discovery document names it; nothing is configured without it
     * @param clientId Oversight's client id at the provider
     * @param clientSecret Oversight's client secret at the provider
     * @param name what the sign-in button calls the provider's accounts
     * @param scopes the scopes asked for at sign-in
     * @param mode where roles, authorities and teams come from
     * @param claims which claims carry what
     * @param api how bearer tokens the provider issues to API clients are read
     */
    public record Provider(
            String issuerUri,
            String clientId,
            String clientSecret,
            @DefaultValue("your council account") String name,
            @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
            @DefaultValue("managed") Mode mode,
            @DefaultValue Claims claims,
            @DefaultValue Api api) {

        /** Never shows the client secret, wherever the settings are printed. */
        @Override
        public String toString() {
            return "Provider[issuerUri=" + issuerUri + ", clientId=" + clientId + ", mode=" + mode + "]";
        }
    }

    /** Where a person's roles, local authorities and teams come from when they sign in through the provider. */
    public enum Mode {
        /** The provider says only who the person is; Oversight's administrators keep everything else. */
        MANAGED,
        /**
         * The provider's claims say everything; each sign-in writes them to Oversight's own tables so that the
         * rest of the platform reads one model.
         */
        CLAIMS
    }

    /**
     * The claims read at sign-in. Each of roles, authorities and teams may be a list or a comma-separated
     * string; a team is written {@code AUTHORITY/Team name}, or only {@code Team name} for a person with a
     * single authority.
     */
    public record Claims(
            @DefaultValue("preferred_username") String username,
            @DefaultValue("name") String displayName,
            @DefaultValue("roles") String roles,
            @DefaultValue("local_authorities") String authorities,
            @DefaultValue("teams") String teams) {
    }

    /**
     * Bearer tokens from the provider (an API client's client-credentials grant).
     *
     * @param usernameClaim the claim naming the {@code app_user} the client acts as; the sign-in username
     *         claim when not set
     * @param audience the audience a token must be meant for, if the provider sets one
     */
    public record Api(String usernameClaim, String audience) {
    }

    /**
     * Lock-out after repeated failures to sign in with a password.
     *
     * @param failures the failures that lock an account
     * @param within the period in which they must fall
     * @param lasts how long the account stays locked
     */
    public record Lockout(
            @DefaultValue("10") int failures,
            @DefaultValue("PT15M") Duration within,
            @DefaultValue("PT15M") Duration lasts) {
    }

    /** @param lifetime how long a token the embedded demo issues stays valid */
    public record DemoTokens(@DefaultValue("PT15M") Duration lifetime) {
    }
}
