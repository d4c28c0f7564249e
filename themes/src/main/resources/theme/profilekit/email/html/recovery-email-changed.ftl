<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("recoveryEmailChangedBodyHtml", realmName, user.username, recoveryEmail))?no_esc}
</@layout.emailLayout>
