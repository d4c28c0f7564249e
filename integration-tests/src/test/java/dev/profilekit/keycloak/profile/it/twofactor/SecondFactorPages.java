package dev.profilekit.keycloak.profile.it.twofactor;

import dev.profilekit.keycloak.profile.it.support.LoginSession;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keycloak's second-factor login pages, driven over HTTP: "Try another way" and the recovery-code form. */
final class SecondFactorPages {

    /** One entry of the select-authenticator page: its own form (action + execution id), then its display name. */
    private static final Pattern CHOICE = Pattern.compile(
            "<form id=\"kc-select-credential-form\"[^>]*action=\"([^\"]+)\"[^>]*>\\s*"
                    + "<input type=\"hidden\" name=\"authenticationExecution\" value=\"([^\"]+)\">"
                    + "(.*?)(?=<form id=\"kc-select-credential-form\"|</main>)",
            Pattern.DOTALL);

    private SecondFactorPages() {
    }

    /** From a second-factor page: "Try another way", then the recovery-code form; answers the recovery-code page. */
    static LoginSession.Page chooseRecoveryCode(LoginSession session, LoginSession.Page secondFactorPage) throws IOException, InterruptedException {
        LoginSession.Page choices = session.submit(secondFactorPage, "kc-select-try-another-way-form", Map.of("tryAnotherWay", "on"));
        Matcher choice = CHOICE.matcher(choices.body());
        while (choice.find()) {
            if (choice.group(3).contains("Recovery")) {
                return session.post(choice.group(1).replace("&amp;", "&"), Map.of("authenticationExecution", choice.group(2)));
            }
        }
        throw new IllegalStateException("No recovery-code choice offered");
    }

    static LoginSession.Page enterRecoveryCode(LoginSession session, LoginSession.Page recoveryCodePage, String code) throws IOException, InterruptedException {
        return session.submit(recoveryCodePage, "kc-recovery-code-login-form", Map.of("recoveryCodeInput", code));
    }
}
