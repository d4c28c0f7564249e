package dev.profilekit.keycloak.profile.profilelock;

import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

/**
 * A "Profile lock" tab under Realm settings in the admin console (needs Keycloak's experimental {@code declarative-ui}
 * feature; without it this provider is not loaded and the realm attribute {@value ProfileLockPolicy#ENABLED_ATTRIBUTE}
 * is the way to set the switch).
 * <p>
 * The admin console stores the tab's form as a realm component. Saving it writes through to the realm attribute,
 * which stays the one setting the policy reads; a realm import seeds the tab from the attribute.
 */
public final class ProfileLockAdminTab implements UiTabProvider, UiTabProviderFactory<ComponentModel> {

    public static final String PROVIDER_ID = "profile-lock";
    static final String ENABLED = "enabled";

    private static final Logger LOG = Logger.getLogger(ProfileLockAdminTab.class);

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Lock user profiles: users cannot change their name or email themselves (account console, account REST API, "
                + "update-profile and update-email actions). Admins still can. Users from an external directory are always locked.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(ENABLED)
                .label("Lock user profiles")
                .helpText(getHelpText())
                .type(ProviderConfigProperty.BOOLEAN_TYPE)
                .defaultValue(Boolean.FALSE.toString())
                .add()
                .build();
    }

    @Override
    public String getPath() {
        return "/:realm/realm-settings/:tab?";
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", PROVIDER_ID);
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        writeThrough(realm, model);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        writeThrough(realm, newModel);
    }

    private static void writeThrough(RealmModel realm, ComponentModel model) {
        boolean enabled = Boolean.parseBoolean(model.get(ENABLED));
        if (enabled != ProfileLockPolicy.isEnabled(realm)) {
            ProfileLockPolicy.setEnabled(realm, enabled);
            LOG.debugf("Profile lock of realm %s set to %s in the admin console", realm.getName(), enabled);
        }
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                seedFromAttribute(created.getCreatedRealm());
            }
        });
    }

    /** Creates the tab's component for a newly created or imported realm so the tab shows the attribute's value. */
    private static void seedFromAttribute(RealmModel realm) {
        boolean tabExists = realm.getComponentsStream(realm.getId(), UiTabProvider.class.getName())
                .anyMatch(component -> PROVIDER_ID.equals(component.getProviderId()));
        if (tabExists || realm.getAttribute(ProfileLockPolicy.ENABLED_ATTRIBUTE) == null) {
            return;
        }
        ComponentModel model = new ComponentModel();
        model.setName(PROVIDER_ID);
        model.setProviderId(PROVIDER_ID);
        model.setProviderType(UiTabProvider.class.getName());
        model.setParentId(realm.getId());
        model.put(ENABLED, String.valueOf(ProfileLockPolicy.isEnabled(realm)));
        realm.addComponentModel(model);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void close() {
    }
}
