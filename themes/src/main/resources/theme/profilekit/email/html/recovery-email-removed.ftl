<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("recoveryEmailRemovedBodyHtml", realmName, user.username, recoveryEmail))?no_esc}
</@layout.emailLayout>
