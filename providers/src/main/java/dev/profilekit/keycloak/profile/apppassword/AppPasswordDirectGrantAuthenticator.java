package dev.profilekit.keycloak.profile.apppassword;

import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.directgrant.AbstractDirectGrantAuthenticator;
import dev.profilekit.keycloak.profile.apppassword.credential.AppPasswordCredentialModel;
import dev.profilekit.keycloak.profile.common.usage.KnownIps;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.Errors;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.idm.CredentialRepresentation;

/**
 * Direct grant (OAuth2 password grant) step that accepts an app password bound to the requesting client and, unless
 * configured "app passwords only", the user's main password. Runs after "Username Validation". A failure is reported
 * exactly like a wrong password ({@code invalid_grant}), with category {@code password} so that brute-force
 * detection counts it. Like Keycloak's own direct-grant steps, this class is its own factory.
 */
public final class AppPasswordDirectGrantAuthenticator extends AbstractDirectGrantAuthenticator {

    public static final String PROVIDER_ID = "direct-grant-app-password";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        String typed = context.getHttpRequest().getDecodedFormParameters().getFirst(CredentialRepresentation.PASSWORD);
        AppPasswordMode mode = AppPasswordMode.of(context.getAuthenticatorConfig());
        AppPasswordService appPasswords = new AppPasswordService(context.getSession(), context.getRealm());

        Optional<AppPasswordService.Use> use = appPasswords.verify(user, context.getAuthenticationSession().getClient(), typed,
                context.getConnection().getRemoteAddr());
        if (use.isPresent()) {
            describe(context.getEvent(), use.get());
        }
        boolean valid = use.isPresent() || mode == AppPasswordMode.ALLOWED && isMainPassword(user, typed);
        if (!valid) {
            boolean looksLikeAppPassword = AppPasswordFormat.parse(typed).isPresent();
            context.getEvent().user(user).detail(Details.CREDENTIAL_TYPE,
                    looksLikeAppPassword ? AppPasswordCredentialModel.TYPE : PasswordCredentialModel.TYPE);
            context.getEvent().error(Errors.INVALID_USER_CREDENTIALS);
            Response challenge = errorResponse(Response.Status.BAD_REQUEST.getStatusCode(), "invalid_grant", "Invalid user credentials");
            context.failure(AuthenticationFlowError.INVALID_USER, challenge);
            return;
        }
        context.success(PasswordCredentialModel.TYPE);
    }

    /**
     * Details of the login event (which app password; {@value KnownIps#EVENT_DETAIL} on its first use from the caller's
     * address, which the security notifications pick up).
     */
    private static void describe(EventBuilder event, AppPasswordService.Use use) {
        event.detail(Details.CREDENTIAL_TYPE, AppPasswordCredentialModel.TYPE)
                .detail(Details.CREDENTIAL_ID, use.credential().getId());
        if (use.firstUseFromIp()) {
            event.detail(KnownIps.EVENT_DETAIL, "true");
        }
    }

    private static boolean isMainPassword(UserModel user, String typed) {
        return typed != null && !AppPasswordFormat.parse(typed).isPresent()
                && user.credentialManager().isValid(UserCredentialModel.password(typed));
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public String getDisplayType() {
        return "App password";
    }

    /** {@code password}: Keycloak's brute-force protector counts only failures of this category (and OTP). */
    @Override
    public String getReferenceCategory() {
        return PasswordCredentialModel.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENT_CHOICES;
    }

    @Override
    public String getHelpText() {
        return "Validates an app password bound to the requesting client (and, unless 'App passwords only', the main password) "
                + "given as the 'password' parameter of a direct grant.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(AppPasswordMode.CONFIG_APP_PASSWORDS_ONLY)
                .label("App passwords only")
                .helpText("Refuse the user's main password on clients bound to this flow.")
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue("false")
                .add()
                .build();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
