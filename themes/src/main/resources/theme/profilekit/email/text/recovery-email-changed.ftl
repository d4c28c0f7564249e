<#ftl output_format="plainText">
${msg("recoveryEmailChangedBody", realmName, user.username, recoveryEmail)}
