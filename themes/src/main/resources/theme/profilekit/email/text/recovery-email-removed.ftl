<#ftl output_format="plainText">
${msg("recoveryEmailRemovedBody", realmName, user.username, recoveryEmail)}
