package dev.profilekit.keycloak.profile.apppassword.credential;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Makes app passwords a credential type Keycloak knows (admin console Credentials tab lists and deletes them). */
public final class AppPasswordCredentialProvider implements CredentialProvider<AppPasswordCredentialModel> {

    private final KeycloakSession session;

    AppPasswordCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return AppPasswordCredentialModel.TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, AppPasswordCredentialModel credential) {
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public AppPasswordCredentialModel getCredentialFromModel(CredentialModel model) {
        return AppPasswordCredentialModel.createFromCredentialModel(model);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext metadataContext) {
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.BASIC_AUTHENTICATION)
                .displayName("appPasswords")
                .helpText("appPasswordsHelpText")
                .removeable(true)
                .build(session);
    }
}
