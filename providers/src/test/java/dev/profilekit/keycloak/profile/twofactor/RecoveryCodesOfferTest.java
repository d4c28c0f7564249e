package dev.profilekit.keycloak.profile.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecoveryCodesOfferTest {

    private static final int THRESHOLD = 5;

    @Test
    void offersCodesRightAfterTheFirstSecondFactorOnly() {
        RecoveryCodesStatus noCodes = new RecoveryCodesStatus(Optional.empty(), THRESHOLD, true);

        assertThat(RecoveryCodesOffer.shouldOffer(noCodes, true)).isTrue();
        assertThat(RecoveryCodesOffer.shouldOffer(noCodes, false)).as("later logins don't nag").isFalse();
    }

    @Test
    void offersANewSetBelowTheThreshold() {
        assertThat(RecoveryCodesOffer.shouldOffer(new RecoveryCodesStatus(Optional.of(4), THRESHOLD, true), false)).isTrue();
        assertThat(RecoveryCodesOffer.shouldOffer(new RecoveryCodesStatus(Optional.of(5), THRESHOLD, true), false)).isFalse();
        assertThat(RecoveryCodesOffer.shouldOffer(new RecoveryCodesStatus(Optional.of(0), THRESHOLD, true), true)).isTrue();
    }

    @Test
    void neverOffersWithoutASecondFactor() {
        assertThat(RecoveryCodesOffer.shouldOffer(new RecoveryCodesStatus(Optional.empty(), THRESHOLD, false), true)).isFalse();
        assertThat(RecoveryCodesOffer.shouldOffer(new RecoveryCodesStatus(Optional.of(1), THRESHOLD, false), false)).isFalse();
    }
}
