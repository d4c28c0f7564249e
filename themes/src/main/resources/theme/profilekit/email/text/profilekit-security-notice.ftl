<#ftl output_format="plainText">
<#-- Profile Kit security notice. notice: kind, bodyKey, name, app, ipAddress, time (never a secret). -->
${msg("securityNoticeGreeting", user.firstName!user.username)}

${msg(notice.bodyKey, notice.name, notice.app, notice.ipAddress, notice.time)}

${msg("securityNoticeIfNotYou")}

--
${msg("securityNoticeFooter", realmName)}
