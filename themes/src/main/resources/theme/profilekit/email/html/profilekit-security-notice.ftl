<#ftl output_format="HTML">
<#-- Profile Kit security notice. notice: kind, bodyKey, name, app, ipAddress, time (never a secret). Everything is escaped. -->
<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("securityNoticeGreeting", user.firstName!user.username)}</p>
<p>${msg(notice.bodyKey, notice.name, notice.app, notice.ipAddress, notice.time)}</p>
<p>${msg("securityNoticeIfNotYou")}</p>
<p style="color:#6a6e73;font-size:small">${msg("securityNoticeFooter", realmName)}</p>
</@layout.emailLayout>
