<#import "template.ftl" as layout>
<@layout.emailLayout>
${kcSanitize(msg("recoveryEmailVerificationBodyHtml", link, recoveryEmail, realmName, linkExpirationFormatter(linkExpiration), user.username))?no_esc}
</@layout.emailLayout>
