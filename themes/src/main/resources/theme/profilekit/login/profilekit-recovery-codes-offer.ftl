<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#-- Profile Kit: offers Keycloak's own recovery codes during a login (required action profilekit-offer-recovery-codes). -->
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("recoveryCodesOfferTitle")}
    <#elseif section = "form">
        <div id="kc-recovery-codes-offer-text" class="${properties.kcContentWrapperClass!}">
            <#if recoveryCodesRemaining??>
                ${msg("recoveryCodesOfferLow", recoveryCodesRemaining)}
            <#else>
                ${msg("recoveryCodesOfferNew")}
            </#if>
        </div>
        <form id="kc-recovery-codes-offer-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup horizontal=true>
                <@buttons.button name="generate" id="kc-generate-recovery-codes" label="recoveryCodesOfferGenerate"/>
                <@buttons.button name="skip" id="kc-skip-recovery-codes" label="recoveryCodesOfferSkip" type="secondary"/>
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
