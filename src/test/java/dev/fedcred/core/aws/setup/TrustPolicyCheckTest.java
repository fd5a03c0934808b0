package dev.fedcred.core.aws.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fedcred.core.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustPolicyCheckTest {
    private static final RoleArn ROLE = RoleArn.parse("arn:aws:iam::123456789012:role/dev");
    private static final Map<String, Object> TOKEN = Map.of("iss", "https://login.example.test", "aud", "my-client",
            "sub", "user-1", "amr", List.of("pwd", "mfa"));
    private static final String PRINCIPAL = "arn:aws:iam::123456789012:oidc-provider/login.example.test";

    private static JsonNode policy(String statements) throws Exception {
        return Json.MAPPER.readTree("{\"Version\":\"2012-10-17\",\"Statement\":[" + statements.replace('\'', '"') + "]}");
    }

    private static String allow(String principal, String action, String condition) {
        return "{'Effect':'Allow','Principal':{'Federated':'" + principal + "'},'Action':" + action
                + (condition == null ? "" : ",'Condition':" + condition) + "}";
    }

    @Test
    void theGeneratedPolicyLetsTheTokenIn() {
        JsonNode generated = AwsSetupGenerator.webIdentityPolicy(WebIdentityTrust.fromClaims(TOKEN, ROLE, true));
        assertThat(TrustPolicyCheck.check(generated, TOKEN, ROLE).allowed()).isTrue();
    }

    @Test
    void aFailingConditionIsNamedWithItsExpectedAndActualValues() throws Exception {
        var verdict = TrustPolicyCheck.check(policy(allow(PRINCIPAL, "'sts:AssumeRoleWithWebIdentity'",
                "{'StringEquals':{'login.example.test:aud':'my-client','login.example.test:sub':['user-2','user-3']}}")), TOKEN, ROLE);
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.findings()).containsExactly("Statement 1: condition StringEquals on \"login.example.test:sub\""
                + " expects [\"user-2\", \"user-3\"] but the token gives \"user-1\".");
    }

    @Test
    void theWrongProviderOrActionIsNamed() throws Exception {
        var verdict = TrustPolicyCheck.check(policy(allow("accounts.google.com", "'sts:AssumeRoleWithWebIdentity'", null) + ","
                + allow(PRINCIPAL, "['sts:AssumeRole','sts:TagSession']", null)), TOKEN, ROLE);
        assertThat(verdict.findings()).containsExactly(
                "Statement 1: Principal Federated is \"accounts.google.com\" but the token's provider is \"" + PRINCIPAL + "\".",
                "Statement 2: its Action does not allow sts:AssumeRoleWithWebIdentity.");
    }

    @Test
    void wildcardsSetQualifiersAndNegationsFollowIam() throws Exception {
        assertThat(TrustPolicyCheck.check(policy(allow(PRINCIPAL, "'sts:AssumeRoleWith*'",
                "{'StringLike':{'login.example.test:sub':'user-?'},'ForAnyValue:StringEquals':{'login.example.test:amr':'mfa'},"
                        + "'StringNotEquals':{'login.example.test:oaud':'x'}}")), TOKEN, ROLE).allowed()).isTrue();
        assertThat(TrustPolicyCheck.check(policy(allow(PRINCIPAL, "'sts:*'",
                "{'ForAllValues:StringEquals':{'login.example.test:amr':['pwd']}}")), TOKEN, ROLE).findings())
                .containsExactly("Statement 1: condition ForAllValues:StringEquals on \"login.example.test:amr\" expects"
                        + " \"pwd\" but the token gives [\"pwd\", \"mfa\"].");
        assertThat(TrustPolicyCheck.check(policy(allow(PRINCIPAL, "'*'", null) + ",{'Effect':'Deny','Principal':'*',"
                + "'Action':'*','Condition':{'StringLike':{'login.example.test:sub':'user-*'}}}"), TOKEN, ROLE).findings())
                .containsExactly("Statement 2 denies this token explicitly.");
    }

    @Test
    void forGoogleTheAudKeyReadsTheAuthorizedPartyAndOaudTheAudience() throws Exception {
        Map<String, Object> google = Map.of("iss", "accounts.google.com", "aud", "aud-x", "azp", "client-y", "sub", "1");
        assertThat(TrustPolicyCheck.contextKeys(google)).containsEntry("accounts.google.com:aud", List.of("client-y"))
                .containsEntry("accounts.google.com:oaud", List.of("aud-x"));
        assertThat(TrustPolicyCheck.check(policy(allow("accounts.google.com", "'sts:AssumeRoleWithWebIdentity'",
                "{'StringEquals':{'accounts.google.com:aud':'client-y','accounts.google.com:oaud':'aud-x'}}")), google, ROLE)
                .allowed()).isTrue();
    }

    private static final RoleArn SOURCE = RoleArn.parse("arn:aws:iam::123456789012:role/team/prod");

    private static String allowAws(String principal, String condition) {
        return "{'Effect':'Allow','Principal':{'AWS':" + principal + "},'Action':'sts:AssumeRole'"
                + (condition == null ? "" : ",'Condition':" + condition) + "}";
    }

    @Test
    void theGeneratedChainedPolicyLetsTheSourceSessionIn() {
        RoleArn target = RoleArn.parse("arn:aws:iam::123456789012:role/audit");
        assertThat(TrustPolicyCheck.checkChained(AwsSetupGenerator.chainedPolicy(SOURCE, target, "ext-1"), SOURCE, "ext-1",
                "the session of prod")).isEqualTo(new TrustPolicyCheck.Verdict(true, "the session of prod", List.of()));
        assertThat(TrustPolicyCheck.checkChained(AwsSetupGenerator.chainedPolicy(SOURCE, target, null), SOURCE, "ext-1",
                "the session of prod").allowed()).as("a condition the policy does not ask for").isTrue();
    }

    @Test
    void aChainedRequestIsNamedByItsRoleOrAccountAndEachFailingConditionIsNamed() throws Exception {
        for (String principal : List.of("'arn:aws:iam::123456789012:role/team/prod'", "'arn:aws:iam::123456789012:root'",
                "['111111111111','123456789012']", "'*'")) {
            assertThat(TrustPolicyCheck.checkChained(policy(allowAws(principal, null)), SOURCE, null, "it").allowed()).as(principal).isTrue();
        }
        assertThat(TrustPolicyCheck.checkChained(policy(allowAws("'arn:aws:iam::123456789012:role/prod'", null)), SOURCE, null, "it")
                .findings()).containsExactly("Statement 1: Principal AWS is \"arn:aws:iam::123456789012:role/prod\" but the request"
                + " comes from a session of \"arn:aws:iam::123456789012:role/team/prod\" in the account \"123456789012\".");
        assertThat(TrustPolicyCheck.checkChained(policy(allowAws("'123456789012'",
                "{'StringEquals':{'sts:ExternalId':'ext-2'}}")), SOURCE, "ext-1", "it").findings())
                .containsExactly("Statement 1: condition StringEquals on \"sts:ExternalId\" expects \"ext-2\" but the request gives \"ext-1\".");
        assertThat(TrustPolicyCheck.checkChained(policy(allowAws("'123456789012'",
                "{'ArnLike':{'aws:PrincipalArn':'arn:aws:iam::*:role/team/*'}}")), SOURCE, null, "it").allowed()).isTrue();
        assertThat(TrustPolicyCheck.checkChained(policy(allowAws("'123456789012'",
                "{'ArnNotEquals':{'aws:PrincipalArn':'arn:aws:iam::*:role/team/*'}}")), SOURCE, null, "it").findings())
                .containsExactly("Statement 1: condition ArnNotEquals on \"aws:PrincipalArn\" expects none of"
                        + " \"arn:aws:iam::*:role/team/*\" but the request gives \"arn:aws:iam::123456789012:role/team/prod\".");
        assertThat(TrustPolicyCheck.checkChained(policy(allowAws("'123456789012'", null).replace("'sts:AssumeRole'",
                "'sts:AssumeRoleWithWebIdentity'")), SOURCE, null, "it").findings())
                .containsExactly("Statement 1: its Action does not allow sts:AssumeRole.");
    }
}
