<#ftl output_format="plainText">
${msg("recoveryEmailVerificationBody", link, recoveryEmail, realmName, linkExpirationFormatter(linkExpiration), user.username)}
