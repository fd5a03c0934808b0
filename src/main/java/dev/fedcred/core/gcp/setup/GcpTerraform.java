package dev.fedcred.core.gcp.setup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The GCP set-up as a Terraform configuration (the google provider's
 * google_project_service, google_iam_workload_identity_pool, google_iam_workload_identity_pool_provider
 * and google_service_account_iam_member), laid out as {@code terraform fmt} lays it out.
 */
final class GcpTerraform {
    private GcpTerraform() {
    }

    static String configuration(GcpSetupFacts facts) {
        StringBuilder hcl = new StringBuilder();
        Block variable = new Block("variable \"project_id\"")
                .attribute("description", SetupQuoting.hcl("The ID of project " + facts.projectNumber()))
                .attribute("type", "string");
        if (facts.projectId() != null) {
            variable.attribute("default", SetupQuoting.hcl(facts.projectId()));
        }
        hcl.append(variable.render("")).append('\n');

        List<String> services = new ArrayList<>();
        GcpSetup.SERVICES.forEach(service -> services.add(SetupQuoting.hcl(service)));
        hcl.append(new Block("resource \"google_project_service\" \"workload_identity\"")
                .attribute("for_each", "toset([" + String.join(", ", services) + "])")
                .attribute("project", "var.project_id")
                .attribute("service", "each.value")
                .attribute("disable_on_destroy", "false")
                .render("")).append('\n');

        hcl.append(new Block("resource \"google_iam_workload_identity_pool\" \"fedcred\"")
                .attribute("project", "var.project_id")
                .attribute("workload_identity_pool_id", SetupQuoting.hcl(facts.poolId()))
                .attribute("depends_on", "[google_project_service.workload_identity]")
                .render("")).append('\n');

        Block mapping = new Block("attribute_mapping =");
        GcpSetup.attributeMapping(facts).forEach((key, value) -> mapping.attribute(SetupQuoting.hcl(key), SetupQuoting.hcl(value)));
        Block provider = new Block("resource \"google_iam_workload_identity_pool_provider\" \"fedcred\"")
                .attribute("project", "var.project_id")
                .attribute("workload_identity_pool_id", "google_iam_workload_identity_pool.fedcred.workload_identity_pool_id")
                .attribute("workload_identity_pool_provider_id", SetupQuoting.hcl(facts.providerId()));
        String condition = GcpSetup.attributeCondition(facts);
        if (condition != null) {
            provider.attribute("attribute_condition", SetupQuoting.hcl(condition));
        }
        provider.block(mapping).block(new Block("oidc")
                .attribute("issuer_uri", SetupQuoting.hcl(facts.issuer()))
                .attribute("allowed_audiences", "[" + SetupQuoting.hcl(facts.audience()) + "]"));
        hcl.append(provider.render(""));

        if (facts.serviceAccount() != null) {
            hcl.append('\n').append(new Block("resource \"google_service_account_iam_member\" \"fedcred\"")
                    .attribute("service_account_id", "\"projects/${var.project_id}/serviceAccounts/"
                            + SetupQuoting.hclContent(facts.serviceAccount()) + "\"")
                    .attribute("role", SetupQuoting.hcl(GcpSetup.WORKLOAD_IDENTITY_USER))
                    .attribute("member", SetupQuoting.hcl(facts.member()))
                    .render(""));
        }
        return hcl.toString();
    }

    /** A block of attributes (aligned at their equals signs, as terraform fmt does) and nested blocks. */
    private static final class Block {
        private final String header;
        private final List<Map.Entry<String, String>> attributes = new ArrayList<>();
        private final List<Block> blocks = new ArrayList<>();

        Block(String header) {
            this.header = header;
        }

        Block attribute(String name, String expression) {
            attributes.add(Map.entry(name, expression));
            return this;
        }

        Block block(Block nested) {
            blocks.add(nested);
            return this;
        }

        String render(String indent) {
            StringBuilder out = new StringBuilder(indent).append(header).append(" {\n");
            int width = attributes.stream().mapToInt(a -> a.getKey().length()).max().orElse(0);
            for (Map.Entry<String, String> attribute : attributes) {
                out.append(indent).append("  ").append(attribute.getKey())
                        .append(" ".repeat(width - attribute.getKey().length())).append(" = ")
                        .append(attribute.getValue()).append('\n');
            }
            for (Block nested : blocks) {
                out.append('\n').append(nested.render(indent + "  "));
            }
            return out.append(indent).append("}\n").toString();
        }
    }
}
